#pragma once

#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <array>
#include <cstdint>

namespace tributary {

/**
 * Durations in microseconds counted in log-linear buckets (64 per power of two, so a percentile is
 * within 1.6 % of the exact value), constant memory and time per value.
 */
class LatencyHistogram
{
public:
    void add(SimTime micros);
    std::uint64_t count() const { return m_count; }
    /** The q-quantile (0..1) in microseconds; 0 when empty. */
    double quantile(double q) const;
    double meanMicros() const { return m_count ? m_sum / static_cast<double>(m_count) : 0; }
    /** {count, meanMs, p50Ms, p90Ms, p99Ms, maxMs}. */
    JsonTree toJson() const;

private:
    static constexpr int subBits = 6;
    static constexpr int buckets = (64 - subBits) << subBits;
    static int bucketOf(std::uint64_t micros);
    static double lowerBound(int bucket);

    std::array<std::uint64_t, buckets> m_counts{};
    std::uint64_t m_count = 0;
    double m_sum = 0;
    SimTime m_max = 0;
};

} // namespace tributary
