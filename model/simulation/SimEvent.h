#pragma once

#include <cstdint>

namespace tributary {

/** Simulated time, in microseconds since the start of the run. */
using SimTime = std::int64_t;

constexpr SimTime simMicrosPerSecond = 1000000;

inline SimTime simSeconds(double seconds)
{
    return static_cast<SimTime>(seconds * simMicrosPerSecond + (seconds >= 0 ? 0.5 : -0.5));
}

inline SimTime simMillis(double milliseconds)
{
    return static_cast<SimTime>(milliseconds * 1000 + (milliseconds >= 0 ? 0.5 : -0.5));
}

/** One scheduled happening: which model handles it, what it is (the model's own code) and two arguments. */
struct SimEvent
{
    SimTime time = 0;
    std::uint64_t sequence = 0;
    std::int32_t model = 0;
    std::int32_t type = 0;
    std::int64_t a = 0;
    std::int64_t b = 0;
};

} // namespace tributary
