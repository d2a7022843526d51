#include "model/simulation/StateMachineModel.h"

#include <cmath>

namespace tributary {

StateMachineModel::StateMachineModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
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
    m_retryAttempts = static_cast<int>(m_settings.number("taskRetryDefaultMaxAttempts", 3));
    m_retryInterval = simSeconds(m_settings.number("taskRetryDefaultIntervalSeconds", 1));
    m_retryBackoff = m_settings.number("taskRetryDefaultBackoffRate", 2);
}

bool StateMachineModel::receive(int message)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle || !m_starts.take(m_context.now)) {
        ++m_throttles;
        return false;
    }
    if (m_tasks.empty())
        for (const SimLink& link : m_links)
            if (link.meaning == LinkMeaning::Task)
                m_tasks.push_back(&link);
    recordArrival(message);
    int execution = m_firstFree;
    if (execution >= 0) {
        m_firstFree = m_executions[static_cast<std::size_t>(execution)].nextFree;
    } else {
        m_executions.emplace_back();
        execution = static_cast<int>(m_executions.size() - 1);
    }
    m_executions[static_cast<std::size_t>(execution)] = Execution{message, m_context.now, 0, 0, -1};
    ++m_transitions;
    m_context.schedule(m_context.now + m_transition + failure.addedLatency, m_index, RunTask, execution);
    return true;
}

void StateMachineModel::handle(const SimEvent& event)
{
    if (event.type == RunTask)
        runTask(static_cast<int>(event.a));
    else if (event.type == SimContext::invocationDone)
        taskDone(static_cast<int>(event.a), static_cast<InvocationOutcome>(event.b & 0xff) == InvocationOutcome::Success);
}

void StateMachineModel::runTask(int execution)
{
    Execution& e = m_executions[static_cast<std::size_t>(execution)];
    if (e.task >= static_cast<int>(m_tasks.size())) {
        endExecution(execution, true);
        return;
    }
    ++m_transitions;
    const SimLink& task = *m_tasks[static_cast<std::size_t>(e.task)];
    if (task.target->kind() == "function") {
        ++m_context.connections[static_cast<std::size_t>(task.connection)].delivered;
        Invocation invocation;
        invocation.caller = m_index;
        invocation.token = execution;
        invocation.items = &e.message;
        invocation.count = 1;
        task.target->invoke(invocation);
        return;
    }
    taskDone(execution, deliverCopy(task, e.message) != Delivery::Refused);
}

void StateMachineModel::taskDone(int execution, bool succeeded)
{
    Execution& e = m_executions[static_cast<std::size_t>(execution)];
    if (succeeded) {
        ++e.task;
        e.attempts = 0;
        m_context.schedule(m_context.now + m_transition, m_index, RunTask, execution);
        return;
    }
    ++e.attempts;
    if (e.attempts >= m_retryAttempts) {
        endExecution(execution, false);
        return;
    }
    ++m_retries;
    const SimTime delay = static_cast<SimTime>(static_cast<double>(m_retryInterval) * std::pow(m_retryBackoff, e.attempts - 1));
    m_context.schedule(m_context.now + delay, m_index, RunTask, execution);
}

void StateMachineModel::endExecution(int execution, bool succeeded)
{
    const Execution e = m_executions[static_cast<std::size_t>(execution)];
    m_executions[static_cast<std::size_t>(execution)].nextFree = m_firstFree;
    m_firstFree = execution;
    ++m_transitions;
    const SimTime duration = m_context.now - e.start;
    m_durations.add(duration);
    // Express bills 64 MB in 100 ms increments.
    m_expressGbSeconds += std::ceil(static_cast<double>(duration) / 100000) * 0.1 * 64.0 / 1024;
    m_sinceEntry.add(m_context.now - m_context.messages[e.message].origin);
    if (succeeded) {
        ++m_succeeded;
        m_context.traceHop(e.message, m_index, TraceStep::Succeed);
    } else {
        ++m_errors;
        m_context.traceHop(e.message, m_index, TraceStep::Fail);
    }
    m_context.messages.release(e.message);
}

void StateMachineModel::addJson(JsonTree& json) const
{
    json["type"] = m_express ? "EXPRESS" : "STANDARD";
    json["stateTransitions"] = m_transitions;
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
