#pragma once

#include "model/Resource.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/StateMachineDefinition.h"
#include "model/simulation/TokenBucket.h"

#include <vector>

namespace tributary {

/**
 * A Step Functions state machine, Standard or Express, running its Amazon States Language
 * definition (StateMachineDefinition): executions started within the start rate (refused as
 * throttled beyond it) enter one state after another, a transition latency apart. A Task calling
 * a function waits for it; other Tasks (queues, topics, tables, buses) hand over a message; a Task
 * no task edge matches succeeds at once. Failed states follow their Retry (no retry without one)
 * and Catch; Parallel branches and Map iterations run as child runs of their state. Without a
 * readable definition the task edges run in connection order, retried on any error with the
 * catalogue's taskRetryDefault* settings.
 */
class StateMachineModel : public SimModel
{
public:
    /** payloads: the run's payload table, whose entries are the executions' inputs. */
    StateMachineModel(SimContext& context, const Resource& resource, SimSettings settings,
                      const std::vector<PayloadSpec>& payloads);

    void start() override;
    /** StartExecution. */
    bool receive(int message) override;
    void handle(const SimEvent& event) override;

protected:
    void addJson(JsonTree& json) const override;
    /** Standard: state transitions; Express: requests and GB-seconds (64 MB). */
    void addUsage(ResourceUsage& usage) const override;

private:
    enum Event : std::int32_t { Enter = 1, Resume, TaskTimeout };

    /** One thread of control: an execution (no parent), a Parallel branch or a Map iteration. */
    struct Run
    {
        /** The execution it belongs to (itself for an execution). */
        int root = -1;
        int parent = -1;
        int state = -1;
        /** Events and calls carry it; it moves on whenever one is answered or the run is abandoned. */
        std::uint32_t epoch = 0;
        /** The coming Enter is a retry. */
        bool retrying = false;
        /** Children still running, and Map iterations not started yet. */
        int pending = 0;
        int toStart = 0;
        int firstChild = -1;
        int previousSibling = -1;
        int nextSibling = -1;
        std::vector<int> retryCounts;
        int nextFree = -1;
        // Executions only.
        int message = -1;
        SimTime start = 0;
        bool caught = false;
    };

    static std::int64_t token(int run, std::uint32_t epoch);
    /** The run a token names, its epoch moved on; -1 when the token is stale. */
    int accept(std::int64_t token);
    void schedule(SimTime at, Event type, int run);
    int allocate();
    void release(int run);
    void startChild(int parent, int firstState);
    void abandonChildren(int run);

    void enter(int run);
    void runTask(int run);
    /** Moves run to state, entered after that long. */
    void goTo(int run, int state, SimTime after);
    void stateSucceeded(int run);
    void stateFailed(int run, int error);
    void finishRun(int run, bool succeeded, int error);
    void endExecution(int run, bool succeeded);

    StateMachineDefinition m_definition;
    /** Per state: the task edge a Task calls, or nullptr. */
    std::vector<const SimLink*> m_taskLinks;
    bool m_express = false;
    SimTime m_transition = 0;
    TokenBucket m_starts;
    std::vector<Run> m_runs;
    int m_firstFree = -1;

    std::uint64_t m_transitions = 0;
    std::uint64_t m_caught = 0;
    std::vector<std::uint64_t> m_entered;
    double m_expressGbSeconds = 0;
    LatencyHistogram m_durations;
};

} // namespace tributary
