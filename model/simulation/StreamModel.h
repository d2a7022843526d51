#pragma once

#include "model/Resource.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TableCapacity.h"
#include "model/simulation/TokenBucket.h"

#include <vector>

namespace tributary {

class StreamConsumer;

/**
 * A Kinesis stream (ShardCount shards, or the on-demand initial count) or a DynamoDB table's
 * stream: each record goes to the shard of its partition key; a Kinesis shard takes at most
 * 1,000 records a second (excess writes are refused as throttled); a provisioned table's write
 * capacity (TableCapacity) refuses writes beyond it the same way; every consumer gets a copy.
 */
class StreamModel : public SimModel
{
public:
    StreamModel(SimContext& context, const Resource& resource, SimSettings settings);

    bool receive(int message) override;
    void addConsumer(StreamConsumer* consumer) { m_consumers.push_back(consumer); }
    int shards() const { return m_shards; }

protected:
    void addJson(JsonTree& json) const override;
    /** Kinesis: payload units (each record under 25 KB) and shard-hours; tables: TableCapacity::addUsage(). */
    void addUsage(ResourceUsage& usage) const override;

private:
    bool m_kinesis = true;
    int m_shards = 1;
    std::vector<TokenBucket> m_writeLimits;
    TableCapacity m_capacity;
    std::vector<StreamConsumer*> m_consumers;
};

} // namespace tributary
