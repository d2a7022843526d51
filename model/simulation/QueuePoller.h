#pragma once

#include "model/Connection.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TimeAverage.h"

#include <vector>

namespace tributary {

class QueueModel;

/**
 * Lambda's event source mapping for an SQS queue (or a pipe's SQS source): concurrent pollers that
 * receive batches (batch size, batching window) and invoke the target, starting with 5 concurrent
 * batches and adding up to 300 a minute while messages wait, up to 1,000 or the mapping's maximum
 * concurrency. A failed batch is left to the visibility timeout; with ReportBatchItemFailures only
 * the failed items are. Received messages that fail the edge's filter (FilterCriteria) are deleted
 * without invoking, counted as filtered.
 */
class QueuePoller : public SimModel
{
public:
    /** link: the polled edge (its target, connection index for the counts, and filter). */
    QueuePoller(SimContext& context, QueueModel* queue, SimLink link, const Connection& connection,
                const SimSettings& queueSettings);

    bool isResource() const override { return false; }
    void start() override;
    void handle(const SimEvent& event) override;
    /** Starts batches while the queue has visible messages and the concurrency allows. */
    void poll();
    /** Batches being received or processed now. */
    int concurrency() const { return m_active; }
    /** How many concurrent batches the mapping may run now. */
    int allowedConcurrency() const { return m_allowed; }
    std::string targetId() const;
    std::uint64_t batches() const { return m_batches; }
    JsonTree pollerJson() const;

protected:
    void addJson(JsonTree& json) const override;

private:
    enum Event : std::int32_t { Invoke = 1, ScaleTick, WindowElapsed };
    struct Slot
    {
        std::vector<int> items;
        std::vector<std::uint64_t> receipts;
        std::vector<char> failed;
        bool busy = false;
    };

    /** Takes the messages that fail the filter out of the slot's batch and has the queue delete them. */
    void dropFiltered(Slot& slot);
    void startBatch(int slot);
    void batchDone(int slot, InvocationOutcome outcome, int failedItems);

    QueueModel* m_queue;
    SimLink m_link;
    int m_batchSize = 10;
    SimTime m_window = 0;
    bool m_perItem = false;
    int m_initial = 5;
    int m_maximum = 1000;
    double m_scaleUpPerSecond = 5;
    double m_allowedExact = 5;
    int m_allowed = 5;
    SimTime m_receiveLatency = 0;
    std::vector<Slot> m_slots;
    std::vector<int> m_freeSlots;
    std::vector<int> m_dropped;
    std::vector<std::uint64_t> m_droppedReceipts;
    int m_active = 0;
    bool m_windowPending = false;
    bool m_windowElapsed = false;

    std::uint64_t m_batches = 0;
    std::uint64_t m_batchItems = 0;
    std::uint64_t m_failedItems = 0;
    std::uint64_t m_throttledBatches = 0;
    std::uint64_t m_filtered = 0;
    TimeAverage m_concurrency;
};

} // namespace tributary
