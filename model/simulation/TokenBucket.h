#pragma once

#include "model/simulation/SimEvent.h"

namespace tributary {

/** A token bucket refilled continuously at `rate` per second up to `burst` tokens; starts full. */
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double burst)
        : m_rate(ratePerSecond)
        , m_burst(burst)
        , m_tokens(burst)
    {
    }

    /** Takes one token at now; false (nothing taken) when the bucket is empty. */
    bool take(SimTime now, double tokens = 1)
    {
        refill(now);
        if (m_tokens < tokens)
            return false;
        m_tokens -= tokens;
        return true;
    }
    /** Tokens available at now. */
    double available(SimTime now)
    {
        refill(now);
        return m_tokens;
    }
    bool unlimited() const { return m_rate <= 0; }

private:
    void refill(SimTime now)
    {
        if (now > m_last) {
            m_tokens += m_rate * static_cast<double>(now - m_last) / simMicrosPerSecond;
            if (m_tokens > m_burst)
                m_tokens = m_burst;
            m_last = now;
        }
    }

    double m_rate = 0;
    double m_burst = 0;
    double m_tokens = 0;
    SimTime m_last = 0;
};

} // namespace tributary
