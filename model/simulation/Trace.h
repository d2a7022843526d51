#pragma once

#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tributary {

/** What happened to a message at a resource. */
enum class TraceStep : std::int8_t { Arrive, Start, Succeed, Fail, Throttle, Retry, DeadLetter, Drop };

/** One hop of a traced message. */
struct TraceHop
{
    SimTime time = 0;
    std::uint64_t serial = 0;
    std::int32_t model = 0;
    /** The message's partition key or message group. */
    std::int32_t key = 0;
    TraceStep step = TraceStep::Arrive;
};

/** The hops of every n-th message (by serial), for the animation and for "follow one event". */
class Trace
{
public:
    explicit Trace(int every)
        : m_every(every > 0 ? static_cast<std::uint64_t>(every) : 1)
    {
    }

    void record(SimTime time, std::uint64_t serial, int model, int key, TraceStep step)
    {
        if (serial % m_every == 0)
            m_hops.push_back(TraceHop{time, serial, model, key, step});
    }
    const std::vector<TraceHop>& hops() const { return m_hops; }
    static const char* stepName(TraceStep step);

private:
    std::uint64_t m_every;
    std::vector<TraceHop> m_hops;
};

} // namespace tributary
