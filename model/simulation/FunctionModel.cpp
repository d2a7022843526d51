#include "model/simulation/FunctionModel.h"

#include "model/simulation/ScenarioError.h"
#include "model/simulation/SimRounding.h"

#include <algorithm>
#include <cmath>

namespace tributary {

namespace {

std::string runtimeFamily(const std::string& runtime)
{
    std::size_t end = 0;
    while (end < runtime.size() && std::isalpha(static_cast<unsigned char>(runtime[end])))
        ++end;
    return runtime.substr(0, end);
}

// Lambda retries a throttled asynchronous event with backoff from 1 s up to 5 minutes.
constexpr SimTime throttleRetryFirst = simMicrosPerSecond;
constexpr SimTime throttleRetryMax = 300 * simMicrosPerSecond;

} // namespace

FunctionModel::FunctionModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
{
    const JsonTree& p = resource.properties;
    m_duration = m_settings.distribution("duration", SimDistribution::constant(40));
    const JsonTree& cold = m_settings.value("coldStart");
    if (cold.is_object() && cold.contains("distribution")) {
        m_coldInit = SimDistribution::fromJson(cold, m_settings.keyName("coldStart"));
    } else if (cold.is_object()) {
        const std::string family = runtimeFamily(SimSettings::templateText(p, "/Runtime", "python"));
        SimSettings coldSettings(cold, JsonTree(), m_settings.keyName("coldStart"));
        const JsonTree& byRuntime = coldSettings.value("medianMsByRuntime");
        double median = coldSettings.number("medianMs", 200);
        if (byRuntime.is_object() && byRuntime.contains(family) && byRuntime[family].is_number())
            median = byRuntime[family].get<double>();
        m_coldInit = SimDistribution::lognormal(median, median * coldSettings.number("p99Factor", 2.5));
    }
    m_hasColdDuration = m_settings.has("coldDuration");
    if (m_hasColdDuration)
        m_coldDuration = m_settings.distribution("coldDuration", m_duration);
    const std::string reuse = m_settings.text("environmentReuse", "newestFirst");
    if (reuse != "newestFirst" && reuse != "oldestFirst")
        throw ScenarioError(QStringLiteral("%1: expected newestFirst or oldestFirst.")
                                .arg(QString::fromStdString(m_settings.keyName("environmentReuse"))));
    m_newestFirst = reuse == "newestFirst";
    m_idleReclaim = simSeconds(m_settings.number("idleReclaimSeconds", 600));
    m_timeout = simSeconds(m_settings.number("timeoutSeconds", p, "/Timeout", 3));
    m_memoryGb = m_settings.number("memoryMb", p, "/MemorySize", 128) / 1024;
    m_syncOverhead = simMillis(m_settings.number("syncInvokeOverheadMs", 0));
    m_asyncQueueLatency = simMillis(m_settings.number("asyncQueueLatencyMs", 0));
    m_asyncMaxAge = simSeconds(m_settings.number("asyncMaxEventAgeSeconds", p, "/EventInvokeConfig/MaximumEventAgeInSeconds", 21600));
    m_asyncRetries = static_cast<int>(m_settings.number("asyncRetries", p, "/EventInvokeConfig/MaximumRetryAttempts", 2));
    const JsonTree& delays = m_settings.value("asyncRetryDelaysSeconds");
    if (delays.is_array())
        for (const JsonTree& d : delays)
            if (d.is_number())
                m_asyncRetryDelays.push_back(simSeconds(d.get<double>()));
    if (m_asyncRetryDelays.empty())
        m_asyncRetryDelays = {simSeconds(60), simSeconds(120)};
    m_errorRate = m_settings.number("errorRate", 0);
    m_arm64 = SimSettings::templateText(p, "/Architectures/0", "x86_64") == "arm64";
    m_reserved = static_cast<int>(m_settings.number("reservedConcurrency", p, "/ReservedConcurrentExecutions", -1));
    m_provisioned = static_cast<int>(m_settings.number("provisionedConcurrency", p,
                                                        "/ProvisionedConcurrencyConfig/ProvisionedConcurrentExecutions", 0));
    const double perTenSeconds = m_settings.number("scalingRatePer10s", 1000);
    m_scaling = TokenBucket(perTenSeconds / 10, perTenSeconds);
    m_busySeries = addSeries("concurrency");
    m_environmentSeries = addSeries("environments");
}

void FunctionModel::start()
{
    setEnvironments(m_provisioned);
}

void FunctionModel::setEnvironments(int delta)
{
    m_environments += delta;
    m_environmentAverage.set(m_context.now, m_environments);
}

bool FunctionModel::receive(int message)
{
    recordArrival(message);
    m_context.messages[message].arrived = m_context.now;
    m_context.schedule(m_context.now + m_asyncQueueLatency, m_index, AsyncAttempt, message);
    return true;
}

void FunctionModel::invoke(const Invocation& invocation)
{
    ++m_received;
    if (!tryStart(invocation))
        answer(invocation, InvocationOutcome::Throttled, m_context.now);
}

bool FunctionModel::tryStart(const Invocation& invocation)
{
    const FailureState failure = failureNow();
    const bool reservedFull = m_reserved >= 0 && m_busy >= m_reserved;
    const bool poolFull = m_reserved < 0 && m_context.unreservedInUse >= m_context.unreservedLimit;
    const bool provisionedFree = m_provisionedBusy < m_provisioned;
    if (failure.throttle || reservedFull || (poolFull && !provisionedFree)) {
        ++m_throttles;
        return false;
    }
    bool cold = false;
    bool provisioned = false;
    if (provisionedFree) {
        provisioned = true;
        ++m_provisionedBusy;
    } else if (!m_idleSince.empty()) {
        if (m_newestFirst)
            m_idleSince.pop_back();
        else
            m_idleSince.pop_front();
    } else {
        if (!m_scaling.take(m_context.now)) {
            ++m_throttles;
            return false;
        }
        cold = true;
        ++m_coldStarts;
        setEnvironments(1);
    }
    if (m_reserved < 0 && !provisioned)
        ++m_context.unreservedInUse;
    ++m_busy;
    ++m_invocations;
    m_busyAverage.set(m_context.now, m_busy);

    SimTime run = cold ? (m_hasColdDuration ? m_coldDuration.sample(m_context.random)
                                            : m_coldInit.sample(m_context.random) + m_duration.sample(m_context.random))
                       : m_duration.sample(m_context.random);
    run += failure.addedLatency;
    InvocationOutcome outcome = InvocationOutcome::Success;
    int failedItems = 0;
    const double errorRate = std::min(1.0, m_errorRate + failure.errorRate);
    int poisoned = 0;
    for (int i = 0; i < invocation.count; ++i)
        poisoned += m_context.messages[invocation.items[i]].poison ? 1 : 0;
    if (poisoned > 0) {
        outcome = InvocationOutcome::Error;
        failedItems = invocation.perItem ? poisoned : invocation.count;
    } else if (failure.outage) {
        outcome = InvocationOutcome::Error;
        failedItems = invocation.count;
    } else if (run > m_timeout) {
        run = m_timeout;
        outcome = InvocationOutcome::Timeout;
        failedItems = invocation.count;
    } else if (errorRate > 0) {
        if (invocation.perItem) {
            for (int i = 0; i < invocation.count; ++i)
                failedItems += m_context.random.chance(errorRate) ? 1 : 0;
        } else {
            const double perCall = 1 - std::pow(1 - errorRate, std::max(1, invocation.count));
            failedItems = m_context.random.chance(perCall) ? invocation.count : 0;
        }
        if (failedItems > 0)
            outcome = InvocationOutcome::Error;
    }

    int record = m_firstFree;
    if (record >= 0) {
        m_firstFree = m_running[static_cast<std::size_t>(record)].nextFree;
    } else {
        m_running.emplace_back();
        m_carried.emplace_back();
        record = static_cast<int>(m_running.size() - 1);
    }
    m_running[static_cast<std::size_t>(record)] =
        Running{invocation.caller, invocation.token, m_context.messages[invocation.items[0]].origin,
                invocation.count, failedItems, outcome, invocation.async, provisioned, -1};
    std::vector<Carried>& carried = m_carried[static_cast<std::size_t>(record)];
    carried.clear();
    for (int i = 0; i < invocation.count; ++i) {
        const SimMessage& item = m_context.messages[invocation.items[i]];
        if (!item.poison)
            carried.push_back(Carried{item.origin, item.payload, item.key});
    }
    m_context.traceHop(invocation.items[0], m_index, TraceStep::Start);
    m_durations.add(run);
    m_gbSeconds += std::ceil(static_cast<double>(run) / 1000) / 1000 * m_memoryGb;
    m_context.schedule(m_context.now + run, m_index, Finish, record);
    return true;
}

void FunctionModel::handle(const SimEvent& event)
{
    switch (event.type) {
    case Finish:
        finishRunning(static_cast<int>(event.a));
        break;
    case Reclaim:
        m_reclaimPending = false;
        reclaim();
        break;
    case AsyncAttempt: {
        const int message = static_cast<int>(event.a);
        Invocation invocation;
        invocation.caller = m_index;
        invocation.token = message;
        invocation.items = &message;
        invocation.count = 1;
        invocation.async = true;
        if (!tryStart(invocation))
            asyncOutcome(message, InvocationOutcome::Throttled);
        break;
    }
    default:
        break;
    }
}

void FunctionModel::finishRunning(int record)
{
    const Running r = m_running[static_cast<std::size_t>(record)];
    --m_busy;
    m_busyAverage.set(m_context.now, m_busy);
    if (r.provisioned) {
        --m_provisionedBusy;
    } else {
        if (m_reserved < 0)
            --m_context.unreservedInUse;
        m_idleSince.push_back(m_context.now);
        scheduleReclaim();
    }
    m_sinceEntry.add(m_context.now - r.origin);
    if (r.outcome == InvocationOutcome::Success) {
        ++m_succeeded;
    } else {
        ++m_errors;
        if (r.outcome == InvocationOutcome::Timeout)
            ++m_timeouts;
    }
    // The record stays taken while its items are sent, and they are sent from m_sending, so that a
    // delivery that started an invocation at once could neither reuse nor move them.
    m_sending.swap(m_carried[static_cast<std::size_t>(record)]);
    sendSdkCalls(m_sending, r.count - r.failedItems);
    m_sending.swap(m_carried[static_cast<std::size_t>(record)]);
    m_running[static_cast<std::size_t>(record)].nextFree = m_firstFree;
    m_firstFree = record;
    if (r.async) {
        asyncOutcome(static_cast<int>(r.token), r.outcome);
        return;
    }
    if (r.caller >= 0)
        m_context.schedule(m_context.now + m_syncOverhead, r.caller, SimContext::invocationDone, r.token,
                           static_cast<std::int64_t>(r.outcome) | (static_cast<std::int64_t>(r.failedItems) << 8));
}

void FunctionModel::sendSdkCalls(const std::vector<Carried>& carried, int calls)
{
    calls = std::min(calls, static_cast<int>(carried.size()));
    if (calls <= 0)
        return;
    for (SimLink& link : m_links) {
        if (link.meaning != LinkMeaning::Sdk)
            continue;
        for (int i = 0; i < calls; ++i) {
            const Carried& item = carried[static_cast<std::size_t>(i)];
            int message = -1;
            if (link.emits.empty()) {
                message = m_context.newMessage(item.payload, item.key);
            } else {
                message = m_context.newMessage(link.emits[link.nextEmit]);
                link.nextEmit = (link.nextEmit + 1) % link.emits.size();
            }
            m_context.messages[message].origin = item.origin;
            deliverCopy(link, message);
            m_context.messages.release(message);
        }
    }
}

void FunctionModel::asyncOutcome(int message, InvocationOutcome outcome)
{
    SimMessage& m = m_context.messages[message];
    const SimTime age = m_context.now - m.arrived;
    if (outcome == InvocationOutcome::Success) {
        m_onSuccess += forward(message, LinkMeaning::OnSuccess) > 0 ? 1 : 0;
        m_context.traceHop(message, m_index, TraceStep::Succeed);
        m_context.messages.release(message);
        return;
    }
    SimTime delay = 0;
    if (outcome == InvocationOutcome::Throttled) {
        delay = std::min(throttleRetryMax, throttleRetryFirst << std::min(m.receiveCount, 20));
        ++m.receiveCount;
    } else {
        ++m.attempts;
        if (m.attempts > m_asyncRetries) {
            asyncFail(message);
            return;
        }
        delay = m_asyncRetryDelays[static_cast<std::size_t>(
            std::min<int>(m.attempts - 1, static_cast<int>(m_asyncRetryDelays.size()) - 1))];
    }
    if (age + delay > m_asyncMaxAge) {
        asyncFail(message);
        return;
    }
    ++m_retries;
    m_context.traceHop(message, m_index, TraceStep::Retry);
    m_context.schedule(m_context.now + delay, m_index, AsyncAttempt, message);
}

void FunctionModel::asyncFail(int message)
{
    ++m_asyncFailures;
    m_context.traceHop(message, m_index, TraceStep::DeadLetter);
    const LinkMeaning destination = hasLink(LinkMeaning::OnFailure) ? LinkMeaning::OnFailure : LinkMeaning::DeadLetter;
    if (forward(message, destination) > 0)
        ++m_deadLettered;
    else
        ++m_dropped;
    m_context.messages.release(message);
}

void FunctionModel::scheduleReclaim()
{
    if (m_reclaimPending || m_idleSince.empty())
        return;
    m_reclaimPending = true;
    m_context.schedule(m_idleSince.front() + m_idleReclaim, m_index, Reclaim);
}

void FunctionModel::reclaim()
{
    int reclaimed = 0;
    while (!m_idleSince.empty() && m_idleSince.front() + m_idleReclaim <= m_context.now) {
        m_idleSince.pop_front();
        ++reclaimed;
    }
    if (reclaimed > 0)
        setEnvironments(-reclaimed);
    scheduleReclaim();
}

void FunctionModel::sample()
{
    pushSeries(m_busySeries, m_busy);
    pushSeries(m_environmentSeries, m_environments);
}

void FunctionModel::finish()
{
    m_busyAverage.set(m_context.now, m_busy);
    m_environmentAverage.set(m_context.now, m_environments);
}

void FunctionModel::addUsage(ResourceUsage& usage) const
{
    usage.requests = static_cast<double>(m_invocations);
    usage.computeGbSeconds = m_gbSeconds;
    if (m_arm64)
        usage.variant = QStringLiteral("arm64");
}

void FunctionModel::addJson(JsonTree& json) const
{
    const SimTime end = m_context.end;
    const double total = m_environmentAverage.mean(end);
    const double busy = m_busyAverage.mean(end);
    json["invocations"] = m_invocations;
    json["coldStarts"] = m_coldStarts;
    json["coldStartProbability"] =
        SimRounding::round(m_invocations ? static_cast<double>(m_coldStarts) / static_cast<double>(m_invocations) : 0, 6);
    json["timeouts"] = m_timeouts;
    json["asyncOnSuccess"] = m_onSuccess;
    json["asyncFailures"] = m_asyncFailures;
    JsonTree environments = JsonTree::object();
    environments["total"] = SimRounding::round(total);
    environments["busy"] = SimRounding::round(busy);
    environments["idle"] = SimRounding::round(total - busy);
    environments["max"] = static_cast<int>(m_environmentAverage.max());
    json["environments"] = std::move(environments);
    json["maxConcurrency"] = static_cast<int>(m_busyAverage.max());
    json["durationMs"] = m_durations.toJson();
    json["gbSeconds"] = SimRounding::round(m_gbSeconds);
}

} // namespace tributary
