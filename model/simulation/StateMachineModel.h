#pragma once

#include "model/Resource.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TokenBucket.h"

#include <vector>

namespace tributary {

/**
 * A Step Functions state machine, Standard or Express: executions started within the start rate
 * (refused as throttled beyond it) run their task edges in order, a transition latency apart;
 * a task calling a function waits for it, and a failed task is retried (3 attempts, 1 s, backoff
 * 2) before the execution fails. Other tasks (queues, topics, tables, buses) hand over a message.
 */
class StateMachineModel : public SimModel
{
public:
    StateMachineModel(SimContext& context, const Resource& resource, SimSettings settings);

    /** StartExecution. */
    bool receive(int message) override;
    void handle(const SimEvent& event) override;

protected:
    void addJson(JsonTree& json) const override;
    /** Standard: state transitions; Express: requests and GB-seconds (64 MB). */
    void addUsage(ResourceUsage& usage) const override;

private:
    enum Event : std::int32_t { RunTask = 1 };
    struct Execution
    {
        int message = -1;
        SimTime start = 0;
        int task = 0;
        int attempts = 0;
        std::int32_t nextFree = -1;
    };

    void runTask(int execution);
    void taskDone(int execution, bool succeeded);
    void endExecution(int execution, bool succeeded);

    bool m_express = false;
    SimTime m_transition = 0;
    TokenBucket m_starts;
    int m_retryAttempts = 3;
    SimTime m_retryInterval = 0;
    double m_retryBackoff = 2;
    std::vector<const SimLink*> m_tasks;
    std::vector<Execution> m_executions;
    int m_firstFree = -1;

    std::uint64_t m_transitions = 0;
    double m_expressGbSeconds = 0;
    LatencyHistogram m_durations;
};

} // namespace tributary
