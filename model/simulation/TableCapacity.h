#pragma once

#include "model/Resource.h"
#include "model/simulation/SimSettings.h"
#include "model/simulation/SimulatedUsage.h"
#include "model/simulation/TokenBucket.h"

#include <cstdint>

namespace tributary {

/**
 * A DynamoDB table's write capacity. A provisioned table (BillingMode PROVISIONED, or absent with a
 * ProvisionedThroughput; a SimpleTable with a ProvisionedThroughput) takes WriteCapacityUnits
 * writes a second, each item 1 KB at most (one unit), plus a burst of up to provisionedBurstSeconds
 * (300) of unused capacity, as AWS documents; it starts with a full burst. Writes beyond are
 * refused (ProvisionedThroughputExceededException). On-demand tables are not limited. Other kinds
 * (a Kinesis stream) have no table capacity and are never limited here.
 */
class TableCapacity
{
public:
    /** Reads BillingMode and ProvisionedThroughput, or the overrides writeCapacityUnits and readCapacityUnits. */
    TableCapacity(const Resource& resource, const SimSettings& settings);

    bool provisioned() const { return m_provisioned; }
    /** Takes one write unit at now; false when a provisioned table has no capacity left. */
    bool admitWrite(SimTime now) { return !m_provisioned || m_writes.take(now); }
    /**
     * Provisioned: capacity-unit hours over seconds (writeCapacityUnitHours, readCapacityUnitHours);
     * on-demand: each write as a write request unit.
     */
    void addUsage(ResourceUsage& usage, double seconds, std::uint64_t writes) const;

private:
    bool m_provisioned = false;
    double m_writeUnits = 0;
    double m_readUnits = 0;
    TokenBucket m_writes;
};

} // namespace tributary
