#include "model/simulation/LatencyHistogram.h"

#include "model/simulation/SimRounding.h"

#include <cmath>

namespace tributary {

int LatencyHistogram::bucketOf(std::uint64_t micros)
{
    constexpr std::uint64_t linear = std::uint64_t(1) << subBits;
    if (micros < linear)
        return static_cast<int>(micros);
    const int octave = 63 - __builtin_clzll(micros);
    const int sub = static_cast<int>((micros >> (octave - subBits)) & (linear - 1));
    return ((octave - subBits + 1) << subBits) + sub;
}

double LatencyHistogram::lowerBound(int bucket)
{
    constexpr int linear = 1 << subBits;
    if (bucket < linear)
        return bucket;
    const int octave = (bucket >> subBits) + subBits - 1;
    const int sub = bucket & (linear - 1);
    return std::ldexp(static_cast<double>(linear + sub), octave - subBits);
}

void LatencyHistogram::add(SimTime micros)
{
    if (micros < 0)
        micros = 0;
    ++m_counts[static_cast<std::size_t>(bucketOf(static_cast<std::uint64_t>(micros)))];
    ++m_count;
    m_sum += static_cast<double>(micros);
    if (micros > m_max)
        m_max = micros;
}

double LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return 0;
    const double rank = q * static_cast<double>(m_count);
    std::uint64_t seen = 0;
    for (int b = 0; b < buckets; ++b) {
        const std::uint64_t inBucket = m_counts[static_cast<std::size_t>(b)];
        if (inBucket == 0)
            continue;
        if (static_cast<double>(seen + inBucket) >= rank) {
            const double low = lowerBound(b);
            const double high = b + 1 < buckets ? lowerBound(b + 1) : low;
            const double within = (rank - static_cast<double>(seen)) / static_cast<double>(inBucket);
            return std::min(low + (high - low) * std::max(0.0, within), static_cast<double>(m_max));
        }
        seen += inBucket;
    }
    return static_cast<double>(m_max);
}

JsonTree LatencyHistogram::toJson() const
{
    JsonTree json = JsonTree::object();
    json["count"] = m_count;
    json["meanMs"] = SimRounding::round(meanMicros() / 1000);
    json["p50Ms"] = SimRounding::round(quantile(0.5) / 1000);
    json["p90Ms"] = SimRounding::round(quantile(0.9) / 1000);
    json["p99Ms"] = SimRounding::round(quantile(0.99) / 1000);
    json["maxMs"] = SimRounding::round(static_cast<double>(m_max) / 1000);
    return json;
}

} // namespace tributary
