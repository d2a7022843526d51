#pragma once

#include "model/Resource.h"
#include "model/simulation/RetryPolicy.h"
#include "model/simulation/SimDistribution.h"
#include "model/simulation/SimModel.h"

namespace tributary {

/**
 * A resource that hands each message on to every asynchronous target whose filter it passes,
 * after a delivery latency: SNS topics (a copy per subscription), EventBridge buses and rules,
 * bucket notifications, schedules (which also make their own events from a rate() or cron()
 * expression). A refused delivery is retried by the service's retry policy and dropped when it is
 * exhausted.
 */
class FanOutModel : public SimModel
{
public:
    /** latencyKey / latencyP99Key name the kind's settings for the delivery latency (median and p99, ms). */
    FanOutModel(SimContext& context, const Resource& resource, SimSettings settings, const char* latencyKey,
                const char* latencyP99Key, RetryPolicy retryPolicy);

    void start() override;
    bool receive(int message) override;
    void handle(const SimEvent& event) override;

    /** Seconds between the events of "rate(5 minutes)" or of a cron expression with fixed minute and hour fields; 0 when none. */
    static double scheduleInterval(const std::string& expression);

protected:
    void addJson(JsonTree& json) const override;
    /** Requests: publishes, events put or scheduled invocations. */
    void addUsage(ResourceUsage& usage) const override;

private:
    enum Event : std::int32_t { Deliver = 1, Retry, Tick };
    void deliver(int message);
    void retry(int message, int link, int attempt);

    SimDistribution m_latency;
    RetryPolicy m_retryPolicy;
    SimTime m_scheduleEvery = 0;
    std::uint64_t m_deliveries = 0;
    std::uint64_t m_scheduled = 0;
};

} // namespace tributary
