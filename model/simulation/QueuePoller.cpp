#include "model/simulation/QueuePoller.h"

#include "model/simulation/QueueModel.h"
#include "model/simulation/SimRounding.h"

#include <algorithm>

namespace tributary {

QueuePoller::QueuePoller(SimContext& context, QueueModel* queue, SimLink link, const Connection& connection,
                         const SimSettings& queueSettings)
    : SimModel(context, queue->id() + "->" + link.target->id(), "poller", queueSettings)
    , m_queue(queue)
    , m_link(std::move(link))
{
    const JsonTree& p = SimSettings::pollingParameters(connection.properties);
    m_batchSize = std::max(1, static_cast<int>(SimSettings::templateNumber(p, "/BatchSize", 10)));
    m_window = simSeconds(SimSettings::templateNumber(p, "/MaximumBatchingWindowInSeconds", 0));
    const JsonTree::json_pointer types("/FunctionResponseTypes");
    if (p.contains(types) && p.at(types).is_array())
        for (const JsonTree& type : p.at(types))
            m_perItem = m_perItem || (type.is_string() && type.get<std::string>() == "ReportBatchItemFailures");
    m_initial = static_cast<int>(m_settings.number("esmInitialConcurrency", 5));
    m_maximum = static_cast<int>(std::min(m_settings.number("esmMaxConcurrency", 1000),
                                          SimSettings::templateNumber(p, "/ScalingConfig/MaximumConcurrency", 1000)));
    m_scaleUpPerSecond = m_settings.number("esmScaleUpPerMinute", 300) / 60;
    m_receiveLatency = simMillis(m_settings.number("receiveLatencyMs", 0));
    m_allowed = std::min(m_initial, m_maximum);
    m_allowedExact = m_allowed;
}

std::string QueuePoller::targetId() const
{
    return m_link.target->id();
}

void QueuePoller::start()
{
    m_context.schedule(simMicrosPerSecond, m_index, ScaleTick);
}

void QueuePoller::poll()
{
    while (m_active < m_allowed && m_queue->hasReceivable()) {
        if (m_window > 0 && m_queue->visibleCount() < m_batchSize && !m_windowElapsed) {
            if (!m_windowPending) {
                m_windowPending = true;
                m_context.schedule(m_context.now + m_window, m_index, WindowElapsed);
            }
            return;
        }
        int slot = -1;
        if (!m_freeSlots.empty()) {
            slot = m_freeSlots.back();
            m_freeSlots.pop_back();
        } else {
            m_slots.emplace_back();
            slot = static_cast<int>(m_slots.size() - 1);
        }
        Slot& s = m_slots[static_cast<std::size_t>(slot)];
        m_queue->receiveBatch(m_batchSize, s.items, s.receipts);
        const bool received = !s.items.empty();
        dropFiltered(s);
        if (s.items.empty()) {
            m_freeSlots.push_back(slot);
            if (!received)
                break;
            continue;
        }
        s.busy = true;
        ++m_active;
        m_concurrency.set(m_context.now, m_active);
        m_context.schedule(m_context.now + m_receiveLatency, m_index, Invoke, slot);
    }
    m_windowElapsed = false;
}

void QueuePoller::dropFiltered(Slot& slot)
{
    if (m_link.passes.empty())
        return;
    m_dropped.clear();
    m_droppedReceipts.clear();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < slot.items.size(); ++i) {
        if (m_link.passesPayload(m_context.messages[slot.items[i]].payload)) {
            slot.items[kept] = slot.items[i];
            slot.receipts[kept] = slot.receipts[i];
            ++kept;
        } else {
            m_context.traceHop(slot.items[i], m_queue->index(), TraceStep::Drop);
            m_dropped.push_back(slot.items[i]);
            m_droppedReceipts.push_back(slot.receipts[i]);
        }
    }
    slot.items.resize(kept);
    slot.receipts.resize(kept);
    if (m_dropped.empty())
        return;
    m_filtered += m_dropped.size();
    m_context.connections[static_cast<std::size_t>(m_link.connection)].filtered += m_dropped.size();
    m_queue->discard(m_dropped, m_droppedReceipts);
}

void QueuePoller::startBatch(int slot)
{
    Slot& s = m_slots[static_cast<std::size_t>(slot)];
    ++m_batches;
    m_batchItems += s.items.size();
    m_context.connections[static_cast<std::size_t>(m_link.connection)].delivered += s.items.size();
    Invocation invocation;
    invocation.caller = m_index;
    invocation.token = slot;
    invocation.items = s.items.data();
    invocation.count = static_cast<int>(s.items.size());
    invocation.perItem = m_perItem;
    m_link.target->invoke(invocation);
}

void QueuePoller::batchDone(int slot, InvocationOutcome outcome, int failedItems)
{
    Slot& s = m_slots[static_cast<std::size_t>(slot)];
    const std::size_t count = s.items.size();
    s.failed.assign(count, 0);
    if (outcome == InvocationOutcome::Throttled) {
        ++m_throttledBatches;
        std::fill(s.failed.begin(), s.failed.end(), 1);
    } else if (outcome != InvocationOutcome::Success) {
        if (m_perItem && outcome == InvocationOutcome::Error && failedItems > 0
            && static_cast<std::size_t>(failedItems) < count) {
            // Which items failed: failedItems distinct positions, drawn uniformly.
            for (int chosen = 0; chosen < failedItems;) {
                const std::size_t at = m_context.random.below(count);
                if (!s.failed[at]) {
                    s.failed[at] = 1;
                    ++chosen;
                }
            }
        } else {
            std::fill(s.failed.begin(), s.failed.end(), 1);
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (s.failed[i]) {
            ++m_failedItems;
            m_context.traceHop(s.items[i], m_link.target->index(), TraceStep::Fail);
        } else {
            m_context.traceHop(s.items[i], m_link.target->index(), TraceStep::Succeed);
        }
    }
    m_queue->settle(s.items, s.receipts, s.failed);
    s.busy = false;
    s.items.clear();
    m_freeSlots.push_back(slot);
    --m_active;
    m_concurrency.set(m_context.now, m_active);
    poll();
}

void QueuePoller::handle(const SimEvent& event)
{
    switch (event.type) {
    case Invoke:
        startBatch(static_cast<int>(event.a));
        break;
    case SimContext::invocationDone:
        batchDone(static_cast<int>(event.a), static_cast<InvocationOutcome>(event.b & 0xff),
                  static_cast<int>(event.b >> 8));
        break;
    case WindowElapsed:
        m_windowPending = false;
        m_windowElapsed = true;
        poll();
        break;
    case ScaleTick:
        // Messages waiting and every allowed batch busy: scale up; nothing waiting: scale down towards the start.
        if (m_queue->hasReceivable() && m_active >= m_allowed)
            m_allowedExact = std::min<double>(m_maximum, m_allowedExact + m_scaleUpPerSecond);
        else if (!m_queue->hasReceivable() && m_active < m_allowed)
            m_allowedExact = std::max<double>(std::min(m_initial, m_maximum), m_allowedExact - m_scaleUpPerSecond);
        m_allowed = static_cast<int>(m_allowedExact + 1e-9);
        poll();
        if (m_context.now + simMicrosPerSecond < m_context.end)
            m_context.schedule(m_context.now + simMicrosPerSecond, m_index, ScaleTick);
        break;
    default:
        break;
    }
}

JsonTree QueuePoller::pollerJson() const
{
    JsonTree json = JsonTree::object();
    json["batches"] = m_batches;
    json["meanBatchSize"] = SimRounding::round(m_batches ? static_cast<double>(m_batchItems) / static_cast<double>(m_batches) : 0);
    json["failedItems"] = m_failedItems;
    json["throttledBatches"] = m_throttledBatches;
    json["filtered"] = m_filtered;
    json["concurrencyMean"] = SimRounding::round(m_concurrency.mean(m_context.end));
    json["concurrencyMax"] = static_cast<int>(m_concurrency.max());
    json["allowedConcurrencyAtEnd"] = m_allowed;
    return json;
}

void QueuePoller::addJson(JsonTree& json) const
{
    json.update(pollerJson());
}

} // namespace tributary
