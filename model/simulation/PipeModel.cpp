#include "model/simulation/PipeModel.h"

namespace tributary {

PipeModel::PipeModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
{
    m_latency = m_settings.distribution("deliveryLatencyMs", SimDistribution::constant(0));
}

void PipeModel::invoke(const Invocation& invocation)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle) {
        ++m_throttles;
        answer(invocation, InvocationOutcome::Throttled, m_context.now);
        return;
    }
    bool refused = false;
    for (int i = 0; i < invocation.count; ++i) {
        const int message = invocation.items[i];
        recordArrival(message);
        ++m_records;
        for (const SimLink& link : m_links)
            if (link.meaning == LinkMeaning::PipeTarget && deliverCopy(link, message) == Delivery::Refused)
                refused = true;
    }
    if (refused)
        ++m_errors;
    else
        ++m_succeeded;
    answer(invocation, refused ? InvocationOutcome::Error : InvocationOutcome::Success,
           m_context.now + m_latency.sample(m_context.random) + failure.addedLatency);
}

void PipeModel::addUsage(ResourceUsage& usage) const
{
    usage.requests = static_cast<double>(m_records);
}

} // namespace tributary
