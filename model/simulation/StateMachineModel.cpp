#include "model/simulation/StateMachineModel.h"

#include <algorithm>
#include <cmath>

namespace tributary {

namespace {

using Type = StateMachineDefinition::Type;

} // namespace

StateMachineModel::StateMachineModel(SimContext& context, const Resource& resource, SimSettings settings,
                                     const std::vector<PayloadSpec>& payloads)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
    , m_definition(StateMachineDefinition::read(resource, payloads))
{
    const JsonTree& p = resource.properties;
    const std::string type = SimSettings::templateText(p, "/Type", SimSettings::templateText(p, "/StateMachineType", "STANDARD"));
    m_express = m_settings.boolean("express", type == "EXPRESS");
    m_transition = simMillis(m_express ? m_settings.number("expressTransitionLatencyMs", 5)
                                       : m_settings.number("transitionLatencyMs", 20));
    m_starts = m_express ? TokenBucket(m_settings.number("expressStartExecutionsPerSecond", 6000),
                                       m_settings.number("expressStartExecutionsPerSecond", 6000))
                         : TokenBucket(m_settings.number("standardStartExecutionsPerSecond", 300),
                                       m_settings.number("standardStartExecutionsBurst", 1300));
}

void StateMachineModel::start()
{
    if (!m_definition.isRead()) {
        std::vector<std::string> targets;
        for (const SimLink& link : m_links)
            if (link.meaning == LinkMeaning::Task)
                targets.push_back(link.target->id());
        const std::vector<std::string> notes = m_definition.notes();
        m_definition = StateMachineDefinition::sequence(
            targets, static_cast<int>(m_settings.number("taskRetryDefaultMaxAttempts", 3)),
            simSeconds(m_settings.number("taskRetryDefaultIntervalSeconds", 1)),
            m_settings.number("taskRetryDefaultBackoffRate", 2));
        for (const std::string& note : notes)
            m_definition.addNote(note);
    }
    const std::vector<StateMachineDefinition::State>& states = m_definition.states();
    m_taskLinks.assign(states.size(), nullptr);
    m_entered.assign(states.size(), 0);
    for (std::size_t i = 0; i < states.size(); ++i) {
        for (const std::string& target : states[i].targets) {
            const auto link = std::find_if(m_links.begin(), m_links.end(), [&](const SimLink& candidate) {
                return candidate.meaning == LinkMeaning::Task && candidate.target->id() == target;
            });
            if (link != m_links.end()) {
                m_taskLinks[i] = &*link;
                break;
            }
        }
        if (states[i].type == Type::Task && !m_taskLinks[i])
            m_definition.addNote("state " + states[i].name + ": no task edge matches what it calls; it succeeds at once.");
    }
}

std::int64_t StateMachineModel::token(int run, std::uint32_t epoch)
{
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(epoch) << 32) | static_cast<std::uint32_t>(run));
}

int StateMachineModel::accept(std::int64_t token)
{
    const auto bits = static_cast<std::uint64_t>(token);
    const int run = static_cast<int>(bits & 0xffffffffu);
    Run& r = m_runs[static_cast<std::size_t>(run)];
    if (r.epoch != static_cast<std::uint32_t>(bits >> 32))
        return -1;
    ++r.epoch;
    return run;
}

void StateMachineModel::schedule(SimTime at, Event type, int run)
{
    m_context.schedule(at, m_index, type, token(run, m_runs[static_cast<std::size_t>(run)].epoch));
}

int StateMachineModel::allocate()
{
    int run = m_firstFree;
    if (run >= 0) {
        m_firstFree = m_runs[static_cast<std::size_t>(run)].nextFree;
    } else {
        m_runs.emplace_back();
        run = static_cast<int>(m_runs.size() - 1);
    }
    Run& r = m_runs[static_cast<std::size_t>(run)];
    r.root = run;
    r.parent = -1;
    r.retrying = false;
    r.pending = 0;
    r.toStart = 0;
    r.firstChild = r.previousSibling = r.nextSibling = -1;
    r.message = -1;
    r.caught = false;
    return run;
}

void StateMachineModel::release(int run)
{
    Run& r = m_runs[static_cast<std::size_t>(run)];
    if (r.parent >= 0) {
        Run& parent = m_runs[static_cast<std::size_t>(r.parent)];
        if (parent.firstChild == run)
            parent.firstChild = r.nextSibling;
        if (r.previousSibling >= 0)
            m_runs[static_cast<std::size_t>(r.previousSibling)].nextSibling = r.nextSibling;
        if (r.nextSibling >= 0)
            m_runs[static_cast<std::size_t>(r.nextSibling)].previousSibling = r.previousSibling;
    }
    ++r.epoch;
    r.nextFree = m_firstFree;
    m_firstFree = run;
}

bool StateMachineModel::receive(int message)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle || !m_starts.take(m_context.now)) {
        ++m_throttles;
        return false;
    }
    recordArrival(message);
    const int run = allocate();
    Run& r = m_runs[static_cast<std::size_t>(run)];
    r.message = message;
    r.start = m_context.now;
    goTo(run, m_definition.start(), m_transition + failure.addedLatency);
    return true;
}

void StateMachineModel::handle(const SimEvent& event)
{
    if (event.type == SimContext::invocationDone) {
        const int run = accept(event.a);
        if (run < 0)
            return;
        switch (static_cast<InvocationOutcome>(event.b & 0xff)) {
        case InvocationOutcome::Success: stateSucceeded(run); break;
        case InvocationOutcome::Error: stateFailed(run, StateMachineDefinition::TaskFailed); break;
        case InvocationOutcome::Throttled: stateFailed(run, StateMachineDefinition::TooManyRequests); break;
        case InvocationOutcome::Timeout: stateFailed(run, StateMachineDefinition::LambdaTimedOut); break;
        }
        return;
    }
    const int run = accept(event.a);
    if (run < 0)
        return;
    if (event.type == Enter)
        enter(run);
    else if (event.type == Resume)
        stateSucceeded(run);
    else if (event.type == TaskTimeout)
        stateFailed(run, StateMachineDefinition::Timeout);
}

void StateMachineModel::goTo(int run, int state, SimTime after)
{
    Run& r = m_runs[static_cast<std::size_t>(run)];
    r.state = state;
    r.retrying = false;
    r.retryCounts.assign(m_definition.states()[static_cast<std::size_t>(state)].retriers.size(), 0);
    schedule(m_context.now + after, Enter, run);
}

void StateMachineModel::enter(int run)
{
    Run& r = m_runs[static_cast<std::size_t>(run)];
    const StateMachineDefinition::State& state = m_definition.states()[static_cast<std::size_t>(r.state)];
    ++m_transitions;
    if (!r.retrying)
        ++m_entered[static_cast<std::size_t>(r.state)];
    r.retrying = false;
    switch (state.type) {
    case Type::Task:
        runTask(run);
        return;
    case Type::Pass:
        stateSucceeded(run);
        return;
    case Type::Wait:
        schedule(m_context.now + state.wait, Resume, run);
        return;
    case Type::Choice: {
        const int payload = m_context.messages[m_runs[static_cast<std::size_t>(r.root)].message].payload;
        const int chosen = payload >= 0 && payload < static_cast<int>(state.choiceByPayload.size())
            ? state.choiceByPayload[static_cast<std::size_t>(payload)]
            : -1 - StateMachineDefinition::NoChoiceMatched;
        if (chosen >= 0)
            goTo(run, chosen, m_transition);
        else
            stateFailed(run, -1 - chosen);
        return;
    }
    case Type::Succeed:
        finishRun(run, true, 0);
        return;
    case Type::Fail:
        stateFailed(run, state.error);
        return;
    case Type::Parallel:
        for (int branch : state.branches)
            startChild(run, branch);
        break;
    case Type::Map: {
        const int payload = m_context.messages[m_runs[static_cast<std::size_t>(r.root)].message].payload;
        const int items = payload >= 0 && payload < static_cast<int>(state.itemsByPayload.size())
            ? state.itemsByPayload[static_cast<std::size_t>(payload)]
            : 1;
        m_runs[static_cast<std::size_t>(run)].toStart = items;
        const int atOnce = state.maxConcurrency > 0 ? std::min(items, state.maxConcurrency) : items;
        for (int i = 0; i < atOnce; ++i)
            startChild(run, state.branches.front());
        break;
    }
    }
    if (m_runs[static_cast<std::size_t>(run)].pending == 0)
        stateSucceeded(run);
}

void StateMachineModel::runTask(int run)
{
    const Run& r = m_runs[static_cast<std::size_t>(run)];
    const SimLink* task = m_taskLinks[static_cast<std::size_t>(r.state)];
    if (!task) {
        stateSucceeded(run);
        return;
    }
    const int& message = m_runs[static_cast<std::size_t>(r.root)].message;
    if (task->target->kind() != "function") {
        if (deliverCopy(*task, message) == Delivery::Refused)
            stateFailed(run, StateMachineDefinition::TaskFailed);
        else
            stateSucceeded(run);
        return;
    }
    ++m_context.connections[static_cast<std::size_t>(task->connection)].delivered;
    const SimTime timeout = m_definition.states()[static_cast<std::size_t>(r.state)].timeout;
    if (timeout > 0)
        schedule(m_context.now + timeout, TaskTimeout, run);
    Invocation invocation;
    invocation.caller = m_index;
    invocation.token = token(run, r.epoch);
    invocation.items = &message;
    invocation.count = 1;
    task->target->invoke(invocation);
}

void StateMachineModel::startChild(int parent, int firstState)
{
    const int child = allocate();
    Run& p = m_runs[static_cast<std::size_t>(parent)];
    Run& c = m_runs[static_cast<std::size_t>(child)];
    c.root = p.root;
    c.parent = parent;
    c.nextSibling = p.firstChild;
    if (p.firstChild >= 0)
        m_runs[static_cast<std::size_t>(p.firstChild)].previousSibling = child;
    p.firstChild = child;
    ++p.pending;
    if (p.toStart > 0)
        --p.toStart;
    goTo(child, firstState, m_transition);
}

void StateMachineModel::abandonChildren(int run)
{
    Run& r = m_runs[static_cast<std::size_t>(run)];
    while (r.firstChild >= 0) {
        const int child = r.firstChild;
        abandonChildren(child);
        release(child);
    }
    r.pending = 0;
    r.toStart = 0;
}

void StateMachineModel::stateSucceeded(int run)
{
    const int next = m_definition.states()[static_cast<std::size_t>(m_runs[static_cast<std::size_t>(run)].state)].next;
    if (next >= 0)
        goTo(run, next, m_transition);
    else
        finishRun(run, true, 0);
}

void StateMachineModel::stateFailed(int run, int error)
{
    Run& r = m_runs[static_cast<std::size_t>(run)];
    const StateMachineDefinition::State& state = m_definition.states()[static_cast<std::size_t>(r.state)];
    for (std::size_t i = 0; i < state.retriers.size(); ++i) {
        const StateMachineDefinition::Retrier& retrier = state.retriers[i];
        if (!retrier.matches[static_cast<std::size_t>(error)])
            continue;
        if (r.retryCounts[i] >= retrier.maxAttempts)
            break;
        const int attempt = ++r.retryCounts[i];
        double delay = static_cast<double>(retrier.interval) * std::pow(retrier.backoffRate, attempt - 1);
        if (retrier.maxDelay > 0)
            delay = std::min(delay, static_cast<double>(retrier.maxDelay));
        if (retrier.fullJitter)
            delay *= m_context.random.uniform();
        ++m_retries;
        r.retrying = true;
        schedule(m_context.now + static_cast<SimTime>(delay), Enter, run);
        return;
    }
    for (const StateMachineDefinition::Catcher& catcher : state.catchers) {
        if (catcher.matches[static_cast<std::size_t>(error)]) {
            Run& root = m_runs[static_cast<std::size_t>(r.root)];
            if (!root.caught)
                ++m_caught;
            root.caught = true;
            goTo(run, catcher.next, m_transition);
            return;
        }
    }
    finishRun(run, false, error);
}

void StateMachineModel::finishRun(int run, bool succeeded, int error)
{
    const int parent = m_runs[static_cast<std::size_t>(run)].parent;
    if (parent < 0) {
        endExecution(run, succeeded);
        return;
    }
    release(run);
    Run& p = m_runs[static_cast<std::size_t>(parent)];
    if (!succeeded) {
        abandonChildren(parent);
        stateFailed(parent, error);
        return;
    }
    --p.pending;
    if (p.toStart > 0)
        startChild(parent, m_definition.states()[static_cast<std::size_t>(p.state)].branches.front());
    else if (p.pending == 0)
        stateSucceeded(parent);
}

void StateMachineModel::endExecution(int run, bool succeeded)
{
    const int message = m_runs[static_cast<std::size_t>(run)].message;
    const SimTime duration = m_context.now - m_runs[static_cast<std::size_t>(run)].start;
    release(run);
    m_durations.add(duration);
    // Express bills 64 MB in 100 ms increments.
    m_expressGbSeconds += std::ceil(static_cast<double>(duration) / 100000) * 0.1 * 64.0 / 1024;
    m_sinceEntry.add(m_context.now - m_context.messages[message].origin);
    if (succeeded) {
        ++m_succeeded;
        m_context.traceHop(message, m_index, TraceStep::Succeed);
    } else {
        ++m_errors;
        m_context.traceHop(message, m_index, TraceStep::Fail);
    }
    m_context.messages.release(message);
}

void StateMachineModel::addJson(JsonTree& json) const
{
    json["type"] = m_express ? "EXPRESS" : "STANDARD";
    json["definition"] = m_definition.isRead() ? "read" : "task edges in connection order";
    json["stateTransitions"] = m_transitions;
    JsonTree executions = JsonTree::object();
    executions["succeeded"] = m_succeeded;
    executions["failed"] = m_errors;
    executions["caught"] = m_caught;
    json["executions"] = std::move(executions);
    JsonTree entered = JsonTree::object();
    const std::vector<StateMachineDefinition::State>& states = m_definition.states();
    for (std::size_t i = 0; i < states.size(); ++i) {
        const std::uint64_t before = entered.contains(states[i].name) ? entered[states[i].name].get<std::uint64_t>() : 0;
        entered[states[i].name] = before + m_entered[i];
    }
    json["statesEntered"] = std::move(entered);
    if (!m_definition.notes().empty())
        json["notes"] = m_definition.notes();
    json["executionMs"] = m_durations.toJson();
}

void StateMachineModel::addUsage(ResourceUsage& usage) const
{
    if (m_express) {
        usage.variant = QStringLiteral("express");
        usage.requests = static_cast<double>(m_received);
        usage.computeGbSeconds = m_expressGbSeconds;
    } else {
        usage.stateTransitions = static_cast<double>(m_transitions);
    }
}

} // namespace tributary
