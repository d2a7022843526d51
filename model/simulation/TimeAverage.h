#pragma once

#include "model/simulation/SimEvent.h"

namespace tributary {

/** A quantity that changes at instants (busy environments, queue depth): its time average and maximum. */
class TimeAverage
{
public:
    void set(SimTime now, double value)
    {
        m_area += m_value * static_cast<double>(now - m_since);
        m_since = now;
        m_value = value;
        if (value > m_max)
            m_max = value;
    }
    void add(SimTime now, double delta) { set(now, m_value + delta); }
    double value() const { return m_value; }
    double max() const { return m_max; }
    /** The average over [0, end]. */
    double mean(SimTime end) const
    {
        if (end <= 0)
            return m_value;
        return (m_area + m_value * static_cast<double>(end - m_since)) / static_cast<double>(end);
    }

private:
    double m_value = 0;
    double m_area = 0;
    double m_max = 0;
    SimTime m_since = 0;
};

} // namespace tributary
