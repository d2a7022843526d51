#pragma once

#include <cstdint>

namespace tributary {

/**
 * The simulator's random source: xoshiro256** seeded through splitmix64, with its own
 * distributions, so that a seed gives the same draws with every compiler and standard library.
 */
class SimRandom
{
public:
    explicit SimRandom(std::uint64_t seed = 1);

    std::uint64_t next();
    /** Uniform in [0, 1). */
    double uniform();
    /** Uniform integer in [0, bound). */
    std::uint64_t below(std::uint64_t bound);
    /** Exponential with the given mean. */
    double exponential(double mean);
    /** Standard normal (polar Box-Muller; the second value is kept for the next call). */
    double normal();
    /** Log-normal with the given median and the value its 99th percentile takes. */
    double lognormal(double median, double p99);
    /** True with probability p. */
    bool chance(double p) { return p > 0 && (p >= 1 || uniform() < p); }

private:
    std::uint64_t m_state[4];
    double m_spareNormal = 0;
    bool m_hasSpare = false;
};

} // namespace tributary
