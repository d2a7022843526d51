#pragma once

#include "model/Resource.h"
#include "model/simulation/SimDistribution.h"
#include "model/simulation/SimModel.h"

namespace tributary {

/**
 * An EventBridge pipe: its source's poller (SQS or stream) invokes it with batches; it hands each
 * record to its targets and answers after the delivery latency, with an error when a target
 * refused a record, so that the source retries the batch. Its SourceParameters/FilterCriteria is
 * the filter of the edge from its source (LinkFilter): records that match none of its patterns
 * are dropped by the poller and never reach the pipe.
 */
class PipeModel : public SimModel
{
public:
    PipeModel(SimContext& context, const Resource& resource, SimSettings settings);

    void invoke(const Invocation& invocation) override;

protected:
    /** Requests: the records that went through. */
    void addUsage(ResourceUsage& usage) const override;

private:
    SimDistribution m_latency;
    std::uint64_t m_records = 0;
};

} // namespace tributary
