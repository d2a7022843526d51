#pragma once

#include "model/Connection.h"
#include "model/simulation/SimModel.h"

#include <deque>
#include <vector>

namespace tributary {

/**
 * Lambda's event source mapping for one Kinesis or DynamoDB stream: per shard (times the
 * parallelization factor, records of one key always in the same lane) one batch at a time, in
 * order. A failing batch blocks its lane until it succeeds, its records expire, or
 * MaximumRetryAttempts is reached (halved each retry with BisectBatchOnFunctionError); the
 * records that give up go to the mapping's on-failure destination when it has one, else are
 * dropped. Iterator age is the age of the oldest record not yet processed. Records that fail the
 * edge's filter (FilterCriteria) are skipped without invoking, counted as filtered.
 */
class StreamConsumer : public SimModel
{
public:
    /** link: the streamed edge (its target, connection index for the counts, and filter). */
    StreamConsumer(SimContext& context, const std::string& streamId, SimLink link, const Connection& connection,
                   int shards, const SimSettings& streamSettings);

    bool isResource() const override { return false; }
    void handle(const SimEvent& event) override;
    /** A record written to shard; the consumer owns message (and skips it at once when it fails the filter). */
    void append(int shard, int message);
    std::string targetId() const { return m_link.target->id(); }
    JsonTree consumerJson() const;

private:
    enum Event : std::int32_t { LaneReady = 1 };
    struct Lane
    {
        std::deque<int> records;
        std::vector<int> batch;
        int batchLimit = 0;
        int attempts = 0;
        bool busy = false;
        bool scheduled = false;
    };

    void schedule(int lane, SimTime delay);
    void startBatch(int lane);
    void batchDone(int lane, InvocationOutcome outcome);
    void discard(Lane& lane, std::size_t count);

    SimLink m_link;
    int m_parallelization = 1;
    int m_batchSize = 100;
    SimTime m_window = 0;
    SimTime m_propagation = 0;
    SimTime m_retention = 0;
    int m_maximumRetries = -1;
    bool m_bisect = false;
    std::vector<Lane> m_lanes;

    std::uint64_t m_batches = 0;
    std::uint64_t m_failedBatches = 0;
    std::uint64_t m_discarded = 0;
    std::uint64_t m_expired = 0;
    std::uint64_t m_filtered = 0;
    LatencyHistogram m_iteratorAge;
};

} // namespace tributary
