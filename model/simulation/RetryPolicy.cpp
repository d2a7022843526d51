#include "model/simulation/RetryPolicy.h"

#include "model/simulation/SimSettings.h"

#include <cmath>

namespace tributary {

namespace {

constexpr int eventBridgeAttempts = 185;

} // namespace

RetryPolicy RetryPolicy::sns(const SimSettings& s)
{
    RetryPolicy policy;
    const SimTime preDelay = simSeconds(s.number("retryPreBackoffDelaySeconds", 1));
    const SimTime postDelay = simSeconds(s.number("retryPostBackoffDelaySeconds", 20));
    policy.m_phases = {
        {static_cast<int>(s.number("retryImmediate", 3)), 0, 0},
        {static_cast<int>(s.number("retryPreBackoff", 2)), preDelay, preDelay},
        {static_cast<int>(s.number("retryBackoff", 10)), simSeconds(s.number("retryMinDelaySeconds", 1)),
         simSeconds(s.number("retryMaxDelaySeconds", 20))},
        {static_cast<int>(s.number("retryPostBackoff", 100000)), postDelay, postDelay},
    };
    policy.m_maxAge = simSeconds(s.number("retryMaxDays", 23) * 86400);
    return policy;
}

RetryPolicy RetryPolicy::eventBridge(const SimSettings& s)
{
    return eventBridge(s, JsonTree::object());
}

RetryPolicy RetryPolicy::forTarget(const SimSettings& s, const JsonTree& targetProperties) const
{
    return m_eventBridge ? eventBridge(s, targetProperties) : *this;
}

RetryPolicy RetryPolicy::eventBridge(const SimSettings& s, const JsonTree& target)
{
    RetryPolicy policy;
    policy.m_eventBridge = true;
    // A setting named retryMaxAttempts (the kind's or the scenario's) is read in place of targetRetryMaxAttempts.
    const char* attemptsKey = s.has("retryMaxAttempts") ? "retryMaxAttempts" : "targetRetryMaxAttempts";
    const int attempts = static_cast<int>(s.number(attemptsKey, target, "/RetryPolicy/MaximumRetryAttempts", eventBridgeAttempts));
    const char* agePointer = "/RetryPolicy/MaximumEventAgeInSeconds";
    const double maxAgeSeconds = s.has("retryMaxHours")
        ? SimSettings::templateNumber(target, agePointer, s.number("retryMaxHours", 24) * 3600)
        : s.number("targetRetryMaxAgeSeconds", target, agePointer, 86400);
    // Exponential backoff from 1 s, shaped so that EventBridge's 185 attempts spread over the maximum
    // age; a smaller MaximumRetryAttempts ends the same sequence earlier.
    policy.m_phases = {{eventBridgeAttempts, simSeconds(1), simSeconds(std::max(1.0, 2 * maxAgeSeconds / eventBridgeAttempts))}};
    policy.m_maxRetries = attempts;
    policy.m_maxAge = simSeconds(maxAgeSeconds);
    return policy;
}

SimTime RetryPolicy::delayBefore(int retry, SimTime age) const
{
    if (retry > m_maxRetries)
        return -1;
    int remaining = retry;
    for (const Phase& phase : m_phases) {
        if (remaining > phase.attempts) {
            remaining -= phase.attempts;
            continue;
        }
        SimTime delay = phase.firstDelay;
        if (phase.lastDelay != phase.firstDelay && phase.attempts > 1) {
            const double growth = std::pow(static_cast<double>(phase.lastDelay) / static_cast<double>(phase.firstDelay),
                                           static_cast<double>(remaining - 1) / (phase.attempts - 1));
            delay = std::min(phase.lastDelay, static_cast<SimTime>(static_cast<double>(phase.firstDelay) * growth));
        }
        return age + delay > m_maxAge ? -1 : delay;
    }
    return -1;
}

} // namespace tributary
