#include "model/simulation/SimRandom.h"

#include <cmath>

namespace tributary {

namespace {

std::uint64_t splitmix64(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// z of the standard normal's 99th percentile.
constexpr double z99 = 2.3263478740408408;

} // namespace

SimRandom::SimRandom(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (std::uint64_t& word : m_state)
        word = splitmix64(x);
}

std::uint64_t SimRandom::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double SimRandom::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t SimRandom::below(std::uint64_t bound)
{
    return bound == 0 ? 0 : next() % bound;
}

double SimRandom::exponential(double mean)
{
    return -mean * std::log1p(-uniform());
}

double SimRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spareNormal;
    }
    double u = 0;
    double v = 0;
    double s = 0;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpare = true;
    return u * factor;
}

double SimRandom::lognormal(double median, double p99)
{
    if (median <= 0)
        return 0;
    const double sigma = p99 > median ? std::log(p99 / median) / z99 : 0;
    return median * std::exp(sigma * normal());
}

} // namespace tributary
