#include "model/simulation/StreamConsumer.h"

#include <algorithm>

namespace tributary {

namespace {

// Lambda retries a failed stream batch after a short backoff.
constexpr SimTime retryDelay = simMicrosPerSecond;

} // namespace

StreamConsumer::StreamConsumer(SimContext& context, const std::string& streamId, SimLink link,
                               const Connection& connection, int shards, const SimSettings& streamSettings)
    : SimModel(context, streamId + "->" + link.target->id(), "streamConsumer", streamSettings)
    , m_link(std::move(link))
{
    const JsonTree& p = SimSettings::pollingParameters(connection.properties);
    m_parallelization = std::clamp(static_cast<int>(SimSettings::templateNumber(p, "/ParallelizationFactor", 1)), 1, 10);
    m_batchSize = std::max(1, static_cast<int>(SimSettings::templateNumber(p, "/BatchSize", 100)));
    m_window = simSeconds(SimSettings::templateNumber(p, "/MaximumBatchingWindowInSeconds", 0));
    m_maximumRetries = static_cast<int>(SimSettings::templateNumber(p, "/MaximumRetryAttempts", -1));
    m_bisect = SimSettings::templateText(p, "/BisectBatchOnFunctionError", "false") == "true";
    const double maxAge = SimSettings::templateNumber(p, "/MaximumRecordAgeInSeconds", -1);
    m_retention = maxAge > 0 ? simSeconds(maxAge) : simSeconds(m_settings.number("retentionHours", 24) * 3600);
    m_propagation = simMillis(m_settings.number("propagationMs", m_settings.number("streamPropagationMs", 0)));
    m_lanes.resize(static_cast<std::size_t>(std::max(1, shards) * m_parallelization));
    for (Lane& lane : m_lanes)
        lane.batchLimit = m_batchSize;
}

void StreamConsumer::append(int shard, int message)
{
    // Lambda skips a record that matches no pattern when it reaches it; skipping it on arrival
    // changes only when it is counted.
    if (!m_link.passesPayload(m_context.messages[message].payload)) {
        ++m_filtered;
        ++m_context.connections[static_cast<std::size_t>(m_link.connection)].filtered;
        m_context.traceHop(message, m_link.target->index(), TraceStep::Drop);
        m_context.messages.release(message);
        return;
    }
    const int key = m_context.messages[message].key;
    const int lane = shard * m_parallelization + key % m_parallelization;
    Lane& l = m_lanes[static_cast<std::size_t>(lane)];
    l.records.push_back(message);
    if (!l.busy && !l.scheduled)
        schedule(lane, m_propagation + m_window);
}

void StreamConsumer::schedule(int lane, SimTime delay)
{
    m_lanes[static_cast<std::size_t>(lane)].scheduled = true;
    m_context.schedule(m_context.now + delay, m_index, LaneReady, lane);
}

void StreamConsumer::handle(const SimEvent& event)
{
    if (event.type == LaneReady) {
        m_lanes[static_cast<std::size_t>(event.a)].scheduled = false;
        startBatch(static_cast<int>(event.a));
    } else if (event.type == SimContext::invocationDone) {
        batchDone(static_cast<int>(event.a), static_cast<InvocationOutcome>(event.b & 0xff));
    }
}

void StreamConsumer::startBatch(int lane)
{
    Lane& l = m_lanes[static_cast<std::size_t>(lane)];
    while (!l.records.empty() && m_context.now - m_context.messages[l.records.front()].arrived > m_retention) {
        ++m_expired;
        discard(l, 1);
    }
    if (l.busy || l.records.empty())
        return;
    const std::size_t count = std::min<std::size_t>(l.records.size(), static_cast<std::size_t>(l.batchLimit));
    l.batch.assign(l.records.begin(), l.records.begin() + static_cast<std::ptrdiff_t>(count));
    l.busy = true;
    ++m_batches;
    m_iteratorAge.add(m_context.now - m_context.messages[l.batch.front()].arrived);
    m_context.connections[static_cast<std::size_t>(m_link.connection)].delivered += count;
    Invocation invocation;
    invocation.caller = m_index;
    invocation.token = lane;
    invocation.items = l.batch.data();
    invocation.count = static_cast<int>(count);
    m_link.target->invoke(invocation);
}

void StreamConsumer::discard(Lane& lane, std::size_t count)
{
    for (std::size_t i = 0; i < count && !lane.records.empty(); ++i) {
        const int message = lane.records.front();
        lane.records.pop_front();
        m_context.traceHop(message, m_link.target->index(), TraceStep::Drop);
        if (forward(message, LinkMeaning::OnFailure) == 0)
            ++m_dropped;
        m_context.messages.release(message);
    }
}

void StreamConsumer::batchDone(int lane, InvocationOutcome outcome)
{
    Lane& l = m_lanes[static_cast<std::size_t>(lane)];
    l.busy = false;
    const std::size_t count = l.batch.size();
    if (outcome == InvocationOutcome::Success) {
        for (std::size_t i = 0; i < count; ++i) {
            m_context.traceHop(l.records.front(), m_link.target->index(), TraceStep::Succeed);
            m_context.messages.release(l.records.front());
            l.records.pop_front();
        }
        l.attempts = 0;
        l.batchLimit = m_batchSize;
        if (!l.records.empty())
            schedule(lane, 0);
        return;
    }
    ++m_failedBatches;
    m_context.traceHop(l.batch.front(), m_link.target->index(), TraceStep::Fail);
    if (outcome != InvocationOutcome::Throttled) {
        ++l.attempts;
        if (m_bisect && count > 1)
            l.batchLimit = static_cast<int>((count + 1) / 2);
        if (m_maximumRetries >= 0 && l.attempts > m_maximumRetries && !(m_bisect && count > 1)) {
            m_discarded += count;
            discard(l, count);
            l.attempts = 0;
            l.batchLimit = m_batchSize;
        }
    }
    ++m_retries;
    if (!l.records.empty())
        schedule(lane, retryDelay);
}

JsonTree StreamConsumer::consumerJson() const
{
    JsonTree json = JsonTree::object();
    json["lanes"] = m_lanes.size();
    json["batches"] = m_batches;
    json["failedBatches"] = m_failedBatches;
    json["discardedRecords"] = m_discarded;
    json["expiredRecords"] = m_expired;
    json["filtered"] = m_filtered;
    std::size_t waiting = 0;
    for (const Lane& lane : m_lanes)
        waiting += lane.records.size();
    json["waitingAtEnd"] = waiting;
    json["iteratorAgeMs"] = m_iteratorAge.toJson();
    return json;
}

} // namespace tributary
