#pragma once

#include "model/simulation/SimEvent.h"

#include <vector>

namespace tributary {

/**
 * A binary min-heap of events ordered by time, ties broken by the order they were pushed, so that a
 * run is the same on every machine.
 */
class EventQueue
{
public:
    void push(SimTime time, std::int32_t model, std::int32_t type, std::int64_t a = 0, std::int64_t b = 0);
    /** Removes and returns the earliest event; the queue must not be empty. */
    SimEvent pop();
    const SimEvent& top() const { return m_heap.front(); }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    void clear() { m_heap.clear(); }

private:
    static bool before(const SimEvent& x, const SimEvent& y)
    {
        return x.time < y.time || (x.time == y.time && x.sequence < y.sequence);
    }

    std::vector<SimEvent> m_heap;
    std::uint64_t m_nextSequence = 0;
};

} // namespace tributary
