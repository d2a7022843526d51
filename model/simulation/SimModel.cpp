#include "model/simulation/SimModel.h"

#include "model/simulation/SimRounding.h"

namespace tributary {

SimModel::SimModel(SimContext& context, std::string id, std::string kind, SimSettings settings)
    : m_context(context)
    , m_id(std::move(id))
    , m_kind(std::move(kind))
    , m_settings(std::move(settings))
{
}

void SimModel::handle(const SimEvent& event)
{
    (void)event;
}

bool SimModel::receive(int message)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle) {
        ++m_throttles;
        return false;
    }
    recordArrival(message);
    ++m_succeeded;
    m_context.messages.release(message);
    return true;
}

void SimModel::invoke(const Invocation& invocation)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle) {
        ++m_throttles;
        answer(invocation, InvocationOutcome::Throttled, m_context.now);
        return;
    }
    for (int i = 0; i < invocation.count; ++i)
        receive(m_context.messages.copy(invocation.items[i], m_context.now));
    answer(invocation, InvocationOutcome::Success, m_context.now + failure.addedLatency);
}

void SimModel::recordArrival(int message)
{
    ++m_received;
    m_sinceEntry.add(m_context.now - m_context.messages[message].origin);
    m_context.traceHop(message, m_index, TraceStep::Arrive);
}

FailureState SimModel::failureNow() const
{
    FailureState state;
    for (const FailureSpec& failure : m_failures) {
        if (m_context.now < failure.from || m_context.now >= failure.to)
            continue;
        state.errorRate += failure.errorRate;
        state.addedLatency += simMillis(failure.addedLatencyMs);
        state.outage = state.outage || failure.outage;
        state.throttle = state.throttle || failure.throttle;
    }
    return state;
}

void SimModel::answer(const Invocation& invocation, InvocationOutcome outcome, SimTime at, std::int64_t detail)
{
    if (invocation.caller >= 0)
        m_context.schedule(at, invocation.caller, SimContext::invocationDone, invocation.token,
                           static_cast<std::int64_t>(outcome) | (detail << 8));
}

Delivery SimModel::deliverCopy(const SimLink& link, int message)
{
    ConnectionStats& stats = m_context.connections[static_cast<std::size_t>(link.connection)];
    if (!link.passesPayload(m_context.messages[message].payload)) {
        ++stats.filtered;
        return Delivery::Filtered;
    }
    const int copy = m_context.messages.copy(message, m_context.now);
    if (!link.target->receive(copy)) {
        ++stats.refused;
        m_context.messages.release(copy);
        return Delivery::Refused;
    }
    ++stats.delivered;
    return Delivery::Taken;
}

int SimModel::forward(int message, LinkMeaning meaning)
{
    int taken = 0;
    for (const SimLink& link : m_links)
        if (link.meaning == meaning && deliverCopy(link, message) == Delivery::Taken)
            ++taken;
    return taken;
}

bool SimModel::hasLink(LinkMeaning meaning) const
{
    for (const SimLink& link : m_links)
        if (link.meaning == meaning)
            return true;
    return false;
}

int SimModel::addSeries(const char* name)
{
    m_series.push_back(Series{name, {}});
    return static_cast<int>(m_series.size() - 1);
}

JsonTree SimModel::toJson() const
{
    JsonTree json = JsonTree::object();
    json["kind"] = m_kind;
    json["received"] = m_received;
    json["succeeded"] = m_succeeded;
    json["errors"] = m_errors;
    json["throttles"] = m_throttles;
    json["retries"] = m_retries;
    json["deadLettered"] = m_deadLettered;
    json["dropped"] = m_dropped;
    const double seconds = static_cast<double>(m_context.end) / simMicrosPerSecond;
    json["throughputPerSecond"] = SimRounding::round(seconds > 0 ? static_cast<double>(m_succeeded) / seconds : 0);
    json["sinceEntryMs"] = m_sinceEntry.toJson();
    addJson(json);
    return json;
}

void SimModel::addUsage(ResourceUsage& usage) const
{
    usage.requests = static_cast<double>(m_received);
    if (m_kind == "table" || m_kind == "bucket")
        usage.writeUnits = static_cast<double>(m_received);
}

JsonTree SimModel::seriesJson() const
{
    JsonTree json = JsonTree::object();
    for (const Series& series : m_series) {
        JsonTree points = JsonTree::array();
        for (double value : series.points)
            points.push_back(SimRounding::round(value, 3));
        json[series.name] = std::move(points);
    }
    return json;
}

} // namespace tributary
