#include "model/simulation/ApiModel.h"

#include "model/simulation/ScenarioError.h"

#include <QStringList>

namespace tributary {

namespace {

/** How specifically pattern (an edge's Path) matches path: -1 no match, else higher is more specific. */
int pathScore(const QString& pattern, const QString& path)
{
    const QStringList wanted = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList given = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    int score = 0;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString& segment = wanted[i];
        if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QStringLiteral("+}")))
            return i + 1 == wanted.size() && given.size() > i ? score : -1;
        if (i >= given.size())
            return -1;
        if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}')))
            score += 1;
        else if (segment == given[i])
            score += 2;
        else
            return -1;
    }
    return given.size() == wanted.size() ? score + 1 : -1;
}

} // namespace

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
    const int payload = m_context.messages[message].payload;
    const bool routed = payload >= 0 && payload < static_cast<int>(m_routeOfEntry.size())
        && m_routeOfEntry[static_cast<std::size_t>(payload)] != unrouted;
    const SimLink* route = routeOf(payload);
    if (!route) {
        respond(message, routed ? 404 : 200, overhead);
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

void ApiModel::configureRoutes(const Architecture& architecture, const std::vector<EntrySpec>& entries)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const EntrySpec& entry = entries[i];
        if (entry.resource != id() || entry.route.empty())
            continue;
        m_routeOfEntry.resize(entries.size(), unrouted);
        const QString route = QString::fromStdString(entry.route).trimmed();
        const qsizetype space = route.indexOf(QLatin1Char(' '));
        const QString method = space < 0 ? QString() : route.left(space);
        const QString path = space < 0 ? route : route.mid(space + 1).trimmed();
        if (!path.startsWith(QLatin1Char('/')))
            throw ScenarioError(QStringLiteral("simulation/entries/%1/route: '%2' is not a route; write it as "
                                               "\"POST /orders\" or \"/orders\".")
                                    .arg(i)
                                    .arg(route));
        int best = -1;
        int bestScore = -1;
        for (std::size_t l = 0; l < m_links.size(); ++l) {
            const SimLink& link = m_links[l];
            if (link.meaning != LinkMeaning::Sync)
                continue;
            const JsonTree& properties = architecture.connections()[static_cast<std::size_t>(link.connection)].properties;
            const QString edgeMethod = QString::fromStdString(SimSettings::templateText(properties, "/Method", ""));
            const QString edgePath = QString::fromStdString(SimSettings::templateText(properties, "/Path", ""));
            const bool anyMethod = edgeMethod.isEmpty() || edgeMethod.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0
                || edgeMethod == QLatin1String("*");
            if (!anyMethod && !method.isEmpty() && edgeMethod.compare(method, Qt::CaseInsensitive) != 0)
                continue;
            const int matched = edgePath.isEmpty() || edgePath == QLatin1String("$default") ? 0 : pathScore(edgePath, path);
            if (matched < 0)
                continue;
            const int score = 2 * (matched + 1) + (anyMethod ? 0 : 1);
            if (score > bestScore) {
                best = static_cast<int>(l);
                bestScore = score;
            }
        }
        m_routeOfEntry[i] = best;
    }
}

const SimLink* ApiModel::routeOf(int payload) const
{
    if (payload >= 0 && payload < static_cast<int>(m_routeOfEntry.size()) && m_routeOfEntry[static_cast<std::size_t>(payload)] != unrouted) {
        const int link = m_routeOfEntry[static_cast<std::size_t>(payload)];
        return link < 0 ? nullptr : &m_links[static_cast<std::size_t>(link)];
    }
    for (const SimLink& link : m_links)
        if (link.meaning == LinkMeaning::Sync)
            return &link;
    return nullptr;
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
    case 404:
        ++m_notFound;
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
    case 404:
        return m_notFound;
    default:
        return 0;
    }
}

void ApiModel::addJson(JsonTree& json) const
{
    JsonTree statuses = JsonTree::object();
    for (int code : {200, 404, 429, 500, 502, 504})
        statuses[std::to_string(code)] = status(code);
    json["responses"] = std::move(statuses);
    json["latencyMs"] = m_latency.toJson();
}

} // namespace tributary
