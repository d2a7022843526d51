#include "model/simulation/ApiModel.h"

namespace tributary {

ApiModel::ApiModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
{
    const double rate = m_settings.number("rateLimitRps", 10000);
    m_bucket = TokenBucket(rate, m_settings.number("burst", rate / 2));
    m_timeout = simMillis(m_settings.number("integrationTimeoutMs", 29000));
    const double overhead = m_settings.number("overheadMs", 0);
    m_overhead = SimDistribution::lognormal(overhead, m_settings.number("overheadP99Ms", overhead));
}

bool ApiModel::receive(int message)
{
    recordArrival(message);
    const FailureState failure = failureNow();
    const SimTime overhead = m_overhead.sample(m_context.random) + failure.addedLatency;
    if (failure.outage) {
        respond(message, 500, overhead);
        return true;
    }
    if (failure.throttle || !m_bucket.take(m_context.now) || !m_context.apiAccountBucket.take(m_context.now)) {
        ++m_throttles;
        respond(message, 429, overhead);
        return true;
    }
    const SimLink* route = nullptr;
    for (const SimLink& link : m_links)
        if (link.meaning == LinkMeaning::Sync) {
            route = &link;
            break;
        }
    if (!route) {
        respond(message, 200, overhead);
        return true;
    }
    ++m_context.connections[static_cast<std::size_t>(route->connection)].delivered;
    int request = m_firstFree;
    if (request >= 0) {
        m_firstFree = m_requests[static_cast<std::size_t>(request)].nextFree;
    } else {
        m_requests.emplace_back();
        request = static_cast<int>(m_requests.size() - 1);
    }
    m_requests[static_cast<std::size_t>(request)] = Request{message, m_context.now - overhead, -1};
    Invocation invocation;
    invocation.caller = m_index;
    invocation.token = request;
    invocation.items = &message;
    invocation.count = 1;
    route->target->invoke(invocation);
    return true;
}

void ApiModel::handle(const SimEvent& event)
{
    if (event.type != SimContext::invocationDone)
        return;
    const int request = static_cast<int>(event.a);
    const Request r = m_requests[static_cast<std::size_t>(request)];
    m_requests[static_cast<std::size_t>(request)].nextFree = m_firstFree;
    m_firstFree = request;
    const SimTime latency = m_context.now - r.start;
    if (latency > m_timeout) {
        respond(r.message, 504, m_timeout);
        return;
    }
    switch (static_cast<InvocationOutcome>(event.b & 0xff)) {
    case InvocationOutcome::Success:
        respond(r.message, 200, latency);
        break;
    case InvocationOutcome::Throttled:
        ++m_throttles;
        respond(r.message, 429, latency);
        break;
    default:
        respond(r.message, 502, latency);
        break;
    }
}

void ApiModel::respond(int message, int status, SimTime latency)
{
    m_latency.add(latency);
    switch (status) {
    case 200:
        ++m_ok;
        ++m_succeeded;
        break;
    case 429:
        ++m_throttled;
        break;
    case 502:
        ++m_badGateway;
        ++m_errors;
        break;
    case 504:
        ++m_gatewayTimeout;
        ++m_errors;
        break;
    default:
        ++m_unavailable;
        ++m_errors;
        break;
    }
    m_context.traceHop(message, m_index, status == 200 ? TraceStep::Succeed : TraceStep::Fail);
    m_context.messages.release(message);
}

std::uint64_t ApiModel::status(int code) const
{
    switch (code) {
    case 200:
        return m_ok;
    case 429:
        return m_throttled;
    case 502:
        return m_badGateway;
    case 504:
        return m_gatewayTimeout;
    case 500:
        return m_unavailable;
    default:
        return 0;
    }
}

void ApiModel::addJson(JsonTree& json) const
{
    JsonTree statuses = JsonTree::object();
    for (int code : {200, 429, 500, 502, 504})
        statuses[std::to_string(code)] = status(code);
    json["responses"] = std::move(statuses);
    json["latencyMs"] = m_latency.toJson();
}

} // namespace tributary
