#include "model/simulation/QueueModel.h"

#include "model/simulation/QueuePoller.h"
#include "model/simulation/SimRounding.h"

#include <algorithm>

namespace tributary {

QueueModel::QueueModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
{
    const JsonTree& p = resource.properties;
    m_fifo = m_settings.boolean("fifo", SimSettings::templateText(p, "/FifoQueue", "false") == "true");
    m_visibilityTimeout = simSeconds(m_settings.number("visibilityTimeoutSeconds", p, "/VisibilityTimeout", 30));
    m_maxReceiveCount = static_cast<int>(m_settings.number("maxReceiveCount", p, "/RedrivePolicy/maxReceiveCount", 0));
    m_depthSeries = addSeries("visible");
    m_inFlightSeries = addSeries("inFlight");
    m_ageSeries = addSeries("oldestAgeSeconds");
}

bool QueueModel::receive(int message)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle) {
        ++m_throttles;
        return false;
    }
    recordArrival(message);
    SimMessage& m = m_context.messages[message];
    m.arrived = m_context.now;
    m.receipt = 0;
    if (!m_fifo) {
        makeVisible(message);
    } else {
        const std::int64_t key = (static_cast<std::int64_t>(m.payload) << 32) | static_cast<std::uint32_t>(m.key);
        auto found = m_groupOf.find(key);
        if (found == m_groupOf.end()) {
            found = m_groupOf.emplace(key, static_cast<int>(m_groups.size())).first;
            m_groups.emplace_back();
        }
        Group& group = m_groups[static_cast<std::size_t>(found->second)];
        group.messages.push_back(message);
        ++m_visibleCount;
        if (!group.locked)
            makeReady(found->second);
        setDepth();
    }
    wakePollers();
    return true;
}

void QueueModel::makeVisible(int message)
{
    m_visible.push_back(message);
    ++m_visibleCount;
    setDepth();
}

void QueueModel::makeReady(int group)
{
    Group& g = m_groups[static_cast<std::size_t>(group)];
    if (!g.ready && !g.locked && !g.messages.empty()) {
        g.ready = true;
        m_readyGroups.push_back(group);
    }
}

void QueueModel::wakePollers()
{
    if (m_waking)
        return;
    m_waking = true;
    for (QueuePoller* poller : m_pollers)
        poller->poll();
    m_waking = false;
}

bool QueueModel::redriveIfExhausted(int message)
{
    if (m_maxReceiveCount <= 0 || m_context.messages[message].receiveCount < m_maxReceiveCount)
        return false;
    m_context.traceHop(message, m_index, TraceStep::DeadLetter);
    if (forward(message, LinkMeaning::DeadLetter) > 0)
        ++m_deadLettered;
    else
        ++m_dropped;
    m_context.messages.release(message);
    return true;
}

int QueueModel::groupOf(const SimMessage& message) const
{
    return m_groupOf.at((static_cast<std::int64_t>(message.payload) << 32) | static_cast<std::uint32_t>(message.key));
}

void QueueModel::receiveBatch(int max, std::vector<int>& out, std::vector<std::uint64_t>& receipts)
{
    out.clear();
    receipts.clear();
    if (!m_fifo)
        checkVisibility(false);
    if (!m_fifo) {
        while (static_cast<int>(out.size()) < max && !m_visible.empty()) {
            const int message = m_visible.front();
            m_visible.pop_front();
            --m_visibleCount;
            if (redriveIfExhausted(message))
                continue;
            SimMessage& m = m_context.messages[message];
            ++m.receiveCount;
            m.receipt = m_context.nextReceipt++;
            ++m_inFlight;
            out.push_back(message);
            receipts.push_back(m.receipt);
            m_invisible.push_back(Invisible{message, m.receipt, m_context.now + m_visibilityTimeout});
        }
        scheduleCheck();
    } else {
        while (static_cast<int>(out.size()) < max && !m_readyGroups.empty()) {
            const int group = m_readyGroups.front();
            m_readyGroups.pop_front();
            Group& g = m_groups[static_cast<std::size_t>(group)];
            g.ready = false;
            while (!g.messages.empty() && redriveIfExhausted(g.messages.front())) {
                g.messages.pop_front();
                --m_visibleCount;
            }
            if (g.messages.empty())
                continue;
            g.locked = true;
            g.receipt = m_context.nextReceipt++;
            const std::size_t take = std::min<std::size_t>(g.messages.size(), static_cast<std::size_t>(max) - out.size());
            for (std::size_t i = 0; i < take; ++i) {
                const int message = g.messages[i];
                ++m_context.messages[message].receiveCount;
                out.push_back(message);
                receipts.push_back(g.receipt);
            }
            g.inFlight = static_cast<int>(take);
            m_visibleCount -= static_cast<int>(take);
            m_inFlight += static_cast<int>(take);
            m_context.schedule(m_context.now + m_visibilityTimeout, m_index, GroupVisible, group,
                               static_cast<std::int64_t>(g.receipt));
        }
    }
    setDepth();
}

void QueueModel::deleteMessage(int message)
{
    ++m_succeeded;
    --m_inFlight;
    m_sinceEntry.add(m_context.now - m_context.messages[message].origin);
    m_context.messages[message].receipt = 0;
    m_context.messages.release(message);
}

void QueueModel::settle(const std::vector<int>& items, const std::vector<std::uint64_t>& receipts,
                        const std::vector<char>& failed)
{
    if (!m_fifo) {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!failed[i] && m_context.messages[items[i]].receipt == receipts[i])
                deleteMessage(items[i]);
        setDepth();
        return;
    }
    // Items of one group are the head of its messages, in order: delete up to its first failure.
    std::size_t i = 0;
    while (i < items.size()) {
        std::size_t end = i + 1;
        while (end < items.size() && receipts[end] == receipts[i])
            ++end;
        const int group = groupOf(m_context.messages[items[i]]);
        Group& g = m_groups[static_cast<std::size_t>(group)];
        if (g.locked && g.receipt == receipts[i]) {
            std::size_t succeeded = i;
            while (succeeded < end && !failed[succeeded])
                ++succeeded;
            for (std::size_t k = i; k < succeeded; ++k) {
                g.messages.pop_front();
                --g.inFlight;
                deleteMessage(items[k]);
            }
            if (succeeded == end) {
                g.locked = false;
                g.receipt = 0;
                makeReady(group);
            }
        }
        i = end;
    }
    setDepth();
    wakePollers();
}

void QueueModel::discard(const std::vector<int>& items, const std::vector<std::uint64_t>& receipts)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int message = items[i];
        if (!m_fifo) {
            if (m_context.messages[message].receipt == receipts[i])
                deleteMessage(message);
            continue;
        }
        const int group = groupOf(m_context.messages[message]);
        Group& g = m_groups[static_cast<std::size_t>(group)];
        if (!g.locked || g.receipt != receipts[i])
            continue;
        const auto inFlightEnd = g.messages.begin() + g.inFlight;
        const auto at = std::find(g.messages.begin(), inFlightEnd, message);
        if (at == inFlightEnd)
            continue;
        g.messages.erase(at);
        --g.inFlight;
        deleteMessage(message);
        if (g.inFlight == 0) {
            g.locked = false;
            g.receipt = 0;
            makeReady(group);
        }
    }
    setDepth();
}

void QueueModel::checkVisibility(bool wake)
{
    bool madeVisible = false;
    while (!m_invisible.empty()) {
        const Invisible& head = m_invisible.front();
        if (!isCurrent(head)) {
            m_invisible.pop_front();
            continue;
        }
        if (head.visibleAt > m_context.now)
            break;
        const int message = head.message;
        m_invisible.pop_front();
        m_context.messages[message].receipt = 0;
        --m_inFlight;
        ++m_redeliveries;
        m_context.traceHop(message, m_index, TraceStep::Retry);
        makeVisible(message);
        madeVisible = true;
    }
    scheduleCheck();
    if (madeVisible && wake)
        wakePollers();
}

void QueueModel::scheduleCheck()
{
    if (!m_invisible.empty() && m_checkAt < m_context.now) {
        m_checkAt = m_invisible.front().visibleAt;
        m_context.schedule(m_checkAt, m_index, VisibilityCheck);
    }
}

void QueueModel::handle(const SimEvent& event)
{
    if (event.type == VisibilityCheck) {
        if (event.time == m_checkAt)
            m_checkAt = -1;
        checkVisibility(true);
    } else if (event.type == GroupVisible) {
        Group& g = m_groups[static_cast<std::size_t>(event.a)];
        if (!g.locked || g.receipt != static_cast<std::uint64_t>(event.b))
            return;
        g.locked = false;
        g.receipt = 0;
        m_inFlight -= g.inFlight;
        m_visibleCount += g.inFlight;
        g.inFlight = 0;
        ++m_redeliveries;
        setDepth();
        makeReady(static_cast<int>(event.a));
        wakePollers();
    }
}

void QueueModel::setDepth()
{
    m_depth.set(m_context.now, m_visibleCount);
    m_inFlightAverage.set(m_context.now, m_inFlight);
}

SimTime QueueModel::oldestAge() const
{
    SimTime oldest = m_context.now;
    for (int message : m_visible)
        oldest = std::min(oldest, m_context.messages[message].arrived);
    for (const Group& g : m_groups)
        if (!g.messages.empty())
            oldest = std::min(oldest, m_context.messages[g.messages.front()].arrived);
    return m_context.now - oldest;
}

void QueueModel::sample()
{
    const double age = static_cast<double>(oldestAge()) / simMicrosPerSecond;
    m_maxAgeSeconds = std::max(m_maxAgeSeconds, age);
    pushSeries(m_depthSeries, m_visibleCount);
    pushSeries(m_inFlightSeries, m_inFlight);
    pushSeries(m_ageSeries, age);
}

void QueueModel::finish()
{
    setDepth();
}

void QueueModel::addUsage(ResourceUsage& usage) const
{
    double batches = 0;
    for (const QueuePoller* poller : m_pollers)
        batches += static_cast<double>(poller->batches());
    usage.requests = static_cast<double>(m_received) + 2 * batches;
    if (m_fifo)
        usage.variant = QStringLiteral("fifo");
}

void QueueModel::addJson(JsonTree& json) const
{
    json["fifo"] = m_fifo;
    json["redeliveries"] = m_redeliveries;
    JsonTree depth = JsonTree::object();
    depth["visibleAtEnd"] = m_visibleCount;
    depth["inFlightAtEnd"] = m_inFlight;
    depth["visibleMean"] = SimRounding::round(m_depth.mean(m_context.end));
    depth["visibleMax"] = static_cast<std::int64_t>(m_depth.max());
    depth["inFlightMax"] = static_cast<std::int64_t>(m_inFlightAverage.max());
    json["depth"] = std::move(depth);
    json["oldestAgeMaxSeconds"] = SimRounding::round(m_maxAgeSeconds, 3);
    JsonTree consumers = JsonTree::object();
    for (const QueuePoller* poller : m_pollers)
        consumers[poller->targetId()] = poller->pollerJson();
    json["consumers"] = std::move(consumers);
}

} // namespace tributary
