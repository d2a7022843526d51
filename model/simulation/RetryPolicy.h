#pragma once

#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <limits>
#include <vector>

namespace tributary {

class SimSettings;

/**
 * When a service tries a failed delivery again: SNS's delivery policy for AWS-managed endpoints
 * (immediate, pre-backoff, exponential backoff, post-backoff phases) or EventBridge's exponential
 * backoff (up to 185 attempts or 24 hours).
 */
class RetryPolicy
{
public:
    /** SNS: retryImmediate, retryPreBackoff(+DelaySeconds), retryBackoff (retryMin/MaxDelaySeconds), retryPostBackoff(+DelaySeconds), retryMaxDays. */
    static RetryPolicy sns(const SimSettings& settings);
    /** EventBridge / Scheduler: retryMaxAttempts (or targetRetryMaxAttempts) and retryMaxHours (or targetRetryMaxAgeSeconds). */
    static RetryPolicy eventBridge(const SimSettings& settings);

    /**
     * The policy for one target, given its connection's properties: EventBridge reads the target's
     * RetryPolicy (MaximumRetryAttempts, MaximumEventAgeInSeconds) where the scenario overrides
     * neither retryMaxAttempts nor retryMaxHours; SNS keeps the topic's policy.
     */
    RetryPolicy forTarget(const SimSettings& settings, const JsonTree& targetProperties) const;

    /** The wait before retry number `retry` (1 = the first retry); negative when no retry is left. */
    SimTime delayBefore(int retry, SimTime age) const;

private:
    static RetryPolicy eventBridge(const SimSettings& settings, const JsonTree& targetProperties);

    struct Phase
    {
        int attempts;
        SimTime firstDelay;
        SimTime lastDelay;
    };
    std::vector<Phase> m_phases;
    SimTime m_maxAge = 0;
    int m_maxRetries = std::numeric_limits<int>::max();
    bool m_eventBridge = false;
};

} // namespace tributary
