#pragma once

#include "model/Resource.h"
#include "model/simulation/SimDistribution.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TimeAverage.h"
#include "model/simulation/TokenBucket.h"

#include <deque>
#include <vector>

namespace tributary {

/**
 * A Lambda function: execution environments that start cold and are reclaimed after an idle time,
 * reused newest (or oldest) first; the account's unreserved concurrency pool or the function's
 * reserved concurrency; provisioned concurrency; the scaling limit per 10 s; errors, timeouts and
 * injected failures; and the asynchronous invocation queue with its retries, maximum event age and
 * destinations (see model/simulation/README.md for the settings read).
 */
class FunctionModel : public SimModel
{
public:
    FunctionModel(SimContext& context, const Resource& resource, SimSettings settings);

    void start() override;
    void handle(const SimEvent& event) override;
    /** An asynchronous (Event) invoke: into the internal queue. */
    bool receive(int message) override;
    void invoke(const Invocation& invocation) override;
    void sample() override;
    void finish() override;

    int busy() const { return m_busy; }
    int maxConcurrency() const { return static_cast<int>(m_busyAverage.max()); }
    std::uint64_t invocations() const { return m_invocations; }
    std::uint64_t coldStarts() const { return m_coldStarts; }
    std::uint64_t throttles() const { return m_throttles; }

protected:
    void addJson(JsonTree& json) const override;
    void addUsage(ResourceUsage& usage) const override;

private:
    enum Event : std::int32_t { Finish = 1, Reclaim, AsyncAttempt };
    /** An item of an invocation that is not poisoned: what an SDK call passes on when its edge emits nothing. */
    struct Carried
    {
        SimTime origin = 0;
        std::int32_t payload = 0;
        std::int32_t key = 0;
    };
    struct Running
    {
        std::int32_t caller = -1;
        std::int64_t token = 0;
        SimTime origin = 0;
        std::int32_t count = 0;
        std::int32_t failedItems = 0;
        InvocationOutcome outcome = InvocationOutcome::Success;
        bool async = false;
        bool provisioned = false;
        std::int32_t nextFree = -1;
    };

    /** Starts an invocation; false (counted as a throttle) when no environment may run it. */
    bool tryStart(const Invocation& invocation);
    void finishRunning(int record);
    void asyncOutcome(int message, InvocationOutcome outcome);
    void asyncFail(int message);
    /** One message along each SDK edge per item of `carried` up to `calls`: the edge's emitted payload or the item's. */
    void sendSdkCalls(const std::vector<Carried>& carried, int calls);
    void scheduleReclaim();
    void reclaim();
    void setEnvironments(int delta);

    SimDistribution m_duration;
    SimDistribution m_coldInit;
    SimDistribution m_coldDuration;
    bool m_hasColdDuration = false;
    bool m_newestFirst = true;
    SimTime m_idleReclaim = 0;
    SimTime m_timeout = 0;
    SimTime m_syncOverhead = 0;
    SimTime m_asyncQueueLatency = 0;
    SimTime m_asyncMaxAge = 0;
    double m_errorRate = 0;
    double m_memoryGb = 0.125;
    bool m_arm64 = false;
    int m_reserved = -1;
    int m_provisioned = 0;
    int m_asyncRetries = 2;
    std::vector<SimTime> m_asyncRetryDelays;
    TokenBucket m_scaling;

    int m_busy = 0;
    int m_provisionedBusy = 0;
    int m_environments = 0;
    /** When each idle on-demand environment became idle, oldest first. */
    std::deque<SimTime> m_idleSince;
    bool m_reclaimPending = false;
    std::vector<Running> m_running;
    /** Per record of m_running, its Carried items. */
    std::vector<std::vector<Carried>> m_carried;
    /** The items of the invocation whose SDK calls are being sent. */
    std::vector<Carried> m_sending;
    int m_firstFree = -1;

    std::uint64_t m_invocations = 0;
    std::uint64_t m_coldStarts = 0;
    std::uint64_t m_timeouts = 0;
    std::uint64_t m_onSuccess = 0;
    std::uint64_t m_asyncFailures = 0;
    double m_gbSeconds = 0;
    TimeAverage m_busyAverage;
    TimeAverage m_environmentAverage;
    LatencyHistogram m_durations;
    int m_busySeries = -1;
    int m_environmentSeries = -1;
};

} // namespace tributary
