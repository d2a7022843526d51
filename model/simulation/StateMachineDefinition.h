#pragma once

#include "model/Resource.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <string>
#include <vector>

namespace tributary {

/**
 * A state machine's Amazon States Language definition, read for the simulator: every state of
 * every scope (the top level, Parallel branches, Map iterations) in one list, transitions as
 * indices into it. Choice states and Map item counts are evaluated once per payload of the
 * run's payload table (SimContext::payloads), the executions' inputs (InputPath, OutputPath and
 * ResultPath are not applied). A Task names the resources its definition refers to (through
 * DefinitionSubstitutions, Fn::Sub variables and intrinsics), best first, so that the model can
 * match it to one of its task edges.
 */
class StateMachineDefinition
{
public:
    enum class Type { Task, Pass, Wait, Choice, Succeed, Fail, Parallel, Map };

    /** The errors the simulator raises, by id; ids past these are the Error names of Fail states. */
    enum Error : int { TaskFailed, TooManyRequests, LambdaTimedOut, Timeout, NoChoiceMatched, Runtime, predefinedErrors };

    struct Retrier
    {
        std::vector<std::string> errorEquals;
        /** Per error id: whether ErrorEquals matches it. */
        std::vector<char> matches;
        SimTime interval = 1000000;
        int maxAttempts = 3;
        double backoffRate = 2;
        /** 0: no cap. */
        SimTime maxDelay = 0;
        bool fullJitter = false;
    };

    struct Catcher
    {
        std::vector<std::string> errorEquals;
        std::vector<char> matches;
        int next = -1;
    };

    struct State
    {
        std::string name;
        Type type = Type::Pass;
        /** The state that follows, or -1 (End). */
        int next = -1;
        /** Task: logical ids it names, best first. */
        std::vector<std::string> targets;
        /** Task: TimeoutSeconds (0: none). */
        SimTime timeout = 0;
        std::vector<Retrier> retriers;
        std::vector<Catcher> catchers;
        /** Wait: how long. */
        SimTime wait = 0;
        /** Choice: per payload, the next state (>= 0) or -1 - the error it raises. */
        std::vector<int> choiceByPayload;
        /** Fail: the error id. */
        int error = TaskFailed;
        /** Parallel: each branch's first state; Map: the iteration's first state. */
        std::vector<int> branches;
        /** Map: iterations per payload. */
        std::vector<int> itemsByPayload;
        /** Map: MaxConcurrency (0: all at once). */
        int maxConcurrency = 0;
    };

    /**
     * Reads resource's Definition (object), or DefinitionString (a string, Fn::Sub or Fn::Join),
     * with its DefinitionSubstitutions. isRead() is false when there is none (DefinitionUri or
     * DefinitionS3Location are not read); a note says so. Throws ScenarioError naming the resource
     * and the state when the definition is not valid.
     */
    static StateMachineDefinition read(const Resource& resource, const std::vector<PayloadSpec>& payloads);
    /**
     * A definition of one Task per target in order, each retried on any error: attempts in all,
     * interval, backoff (what runs when the real definition cannot be read).
     */
    static StateMachineDefinition sequence(const std::vector<std::string>& targets, int attempts, SimTime interval,
                                           double backoffRate);

    bool isRead() const { return m_read; }
    /** The first state, or -1 when there are none. */
    int start() const { return m_start; }
    const std::vector<State>& states() const { return m_states; }
    const std::vector<std::string>& errorNames() const { return m_errorNames; }
    /** What the simulator does not read of this definition, for the results. */
    const std::vector<std::string>& notes() const { return m_notes; }
    void addNote(const std::string& note);

    /** Whether an ErrorEquals name matches an error (States.ALL, States.TaskFailed's wildcard, or by name). */
    static bool errorMatches(const std::string& pattern, const std::string& error);

private:
    class Reader;

    int errorId(const std::string& name);
    void resolveMatches();

    bool m_read = false;
    int m_start = -1;
    std::vector<State> m_states;
    std::vector<std::string> m_errorNames;
    std::vector<std::string> m_notes;
};

} // namespace tributary
