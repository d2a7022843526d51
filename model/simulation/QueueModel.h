#pragma once

#include "model/Resource.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TimeAverage.h"

#include <deque>
#include <unordered_map>
#include <vector>

namespace tributary {

class QueuePoller;

/**
 * An SQS queue. Standard: at-least-once, messages received in any order, a received message
 * invisible for the visibility timeout and visible again unless deleted. FIFO: ordered within a
 * message group, a group locked while any of its messages is in flight, so a failing message
 * blocks its group (and only it). With a redrive policy, a message received maxReceiveCount times
 * moves to the dead-letter queue on its next receive.
 */
class QueueModel : public SimModel
{
public:
    QueueModel(SimContext& context, const Resource& resource, SimSettings settings);

    bool receive(int message) override;
    void handle(const SimEvent& event) override;
    void sample() override;
    void finish() override;

    void addPoller(QueuePoller* poller) { m_pollers.push_back(poller); }
    bool isFifo() const { return m_fifo; }
    /** Messages that may be received now. */
    int visibleCount() const { return m_visibleCount; }
    int inFlightCount() const { return m_inFlight; }
    /** True when a receive would return a message now (for FIFO: some group with messages is not locked). */
    bool hasReceivable() const { return m_fifo ? !m_readyGroups.empty() : m_visibleCount > 0; }
    SimTime visibilityTimeout() const { return m_visibilityTimeout; }
    /**
     * Receives up to max messages into out (cleared first) with their receipts, each invisible for
     * the visibility timeout.
     */
    void receiveBatch(int max, std::vector<int>& out, std::vector<std::uint64_t>& receipts);
    /**
     * The consumer is done with a received batch: items not failed are deleted (when their receipt
     * is still current), failed ones wait out their visibility timeout.
     */
    void settle(const std::vector<int>& items, const std::vector<std::uint64_t>& receipts,
                const std::vector<char>& failed);
    /**
     * Deletes received messages at once, wherever they stand in their FIFO group (the mapping's
     * filter dropped them), when their receipt is still current.
     */
    void discard(const std::vector<int>& items, const std::vector<std::uint64_t>& receipts);

protected:
    void addJson(JsonTree& json) const override;
    /** Requests: each send, and a receive and a delete call per batch. */
    void addUsage(ResourceUsage& usage) const override;

private:
    enum Event : std::int32_t { VisibilityCheck = 1, GroupVisible };
    /** A received message of a standard queue and when it becomes visible unless deleted first. */
    struct Invisible
    {
        int message;
        std::uint64_t receipt;
        SimTime visibleAt;
    };
    struct Group
    {
        std::deque<int> messages;
        bool locked = false;
        bool ready = false;
        /** Messages at the head of the group that a consumer holds. */
        int inFlight = 0;
        std::uint64_t receipt = 0;
    };

    void makeVisible(int message);
    /** Makes visible the received messages whose timeout has passed, drops deleted ones, and sets the next check. */
    void checkVisibility(bool wake);
    void scheduleCheck();
    bool isCurrent(const Invisible& entry) const { return m_context.messages[entry.message].receipt == entry.receipt; }
    void makeReady(int group);
    /** True when message has been received maxReceiveCount times: it then moves to the dead-letter queue. */
    bool redriveIfExhausted(int message);
    void deleteMessage(int message);
    int groupOf(const SimMessage& message) const;
    void wakePollers();
    void setDepth();
    SimTime oldestAge() const;

    bool m_fifo = false;
    SimTime m_visibilityTimeout = 0;
    int m_maxReceiveCount = 0;
    std::vector<QueuePoller*> m_pollers;
    std::deque<int> m_visible;
    /** Standard queues: received messages in the order they become visible (the timeout is the same for all). */
    std::deque<Invisible> m_invisible;
    SimTime m_checkAt = -1;
    std::vector<Group> m_groups;
    std::unordered_map<std::int64_t, int> m_groupOf;
    std::deque<int> m_readyGroups;
    int m_visibleCount = 0;
    int m_inFlight = 0;
    bool m_waking = false;

    std::uint64_t m_redeliveries = 0;
    TimeAverage m_depth;
    TimeAverage m_inFlightAverage;
    double m_maxAgeSeconds = 0;
    int m_depthSeries = -1;
    int m_inFlightSeries = -1;
    int m_ageSeries = -1;
};

} // namespace tributary
