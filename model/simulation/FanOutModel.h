#pragma once

#include "model/Architecture.h"
#include "model/Resource.h"
#include "model/simulation/RetryPolicy.h"
#include "model/simulation/SimDistribution.h"
#include "model/simulation/SimModel.h"

#include <functional>
#include <string>
#include <vector>

namespace tributary {

/**
 * A resource that hands each message on to every asynchronous target whose filter it passes,
 * after a delivery latency: SNS topics (a copy per subscription), EventBridge buses and rules,
 * bucket notifications, schedules (which also make their own events from a rate() or cron()
 * expression). A refused delivery is retried by the service's retry policy (for EventBridge, the
 * target's own RetryPolicy); when it is exhausted the message goes to the target's dead-letter
 * queue (an SNS subscription's RedrivePolicy, a rule target's DeadLetterConfig) or is dropped.
 */
class FanOutModel : public SimModel
{
public:
    /** latencyKey / latencyP99Key name the kind's settings for the delivery latency (median and p99, ms). */
    FanOutModel(SimContext& context, const Resource& resource, SimSettings settings, const char* latencyKey,
                const char* latencyP99Key, RetryPolicy retryPolicy);

    /**
     * Reads each link's target settings from its connection in architecture (a schedule's from its
     * Target property): the retry policy and the dead-letter queue, whose model modelOf finds from
     * the id the ARN reference names (Ref, Fn::GetAtt, Fn::Sub). Called once all links are added,
     * before start().
     */
    void configureTargets(const Architecture& architecture, const std::function<SimModel*(const std::string&)>& modelOf);

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
    /** How one link's refused deliveries are retried and where they end. */
    struct Target
    {
        RetryPolicy retries;
        /** The target has a dead-letter queue. */
        bool deadLetter = false;
        /** Its model; null for a queue outside the architecture or one SAM creates ({Type: SQS}). */
        SimModel* deadLetterQueue = nullptr;
    };

    enum Event : std::int32_t { Deliver = 1, Retry, Tick };
    void deliver(int message);
    void retry(int message, int link, int attempt);
    void giveUp(int message, const Target& target);

    /**
     * Whether a connection's properties give the target a dead-letter queue (a RedrivePolicy or a
     * DeadLetterConfig); its model is the first resource a reference in it names that modelOf knows.
     */
    static bool deadLetterOf(const JsonTree& properties, const std::function<SimModel*(const std::string&)>& modelOf,
                             SimModel*& queue);

    SimDistribution m_latency;
    RetryPolicy m_retryPolicy;
    /** Per link, in m_links order. */
    std::vector<Target> m_targets;
    SimTime m_scheduleEvery = 0;
    std::uint64_t m_deliveries = 0;
    std::uint64_t m_scheduled = 0;
};

} // namespace tributary
