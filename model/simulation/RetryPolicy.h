#pragma once

#include "model/simulation/SimEvent.h"

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

    /** The wait before retry number `retry` (1 = the first retry); negative when no retry is left. */
    SimTime delayBefore(int retry, SimTime age) const;

private:
    struct Phase
    {
        int attempts;
        SimTime firstDelay;
        SimTime lastDelay;
    };
    std::vector<Phase> m_phases;
    SimTime m_maxAge = 0;
};

} // namespace tributary
