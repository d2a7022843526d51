#include "model/simulation/EventQueue.h"

namespace tributary {

void EventQueue::push(SimTime time, std::int32_t model, std::int32_t type, std::int64_t a, std::int64_t b)
{
    SimEvent event{time, m_nextSequence++, model, type, a, b};
    std::size_t hole = m_heap.size();
    m_heap.push_back(event);
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / 2;
        if (!before(event, m_heap[parent]))
            break;
        m_heap[hole] = m_heap[parent];
        hole = parent;
    }
    m_heap[hole] = event;
}

SimEvent EventQueue::pop()
{
    const SimEvent result = m_heap.front();
    const SimEvent last = m_heap.back();
    m_heap.pop_back();
    const std::size_t size = m_heap.size();
    if (size == 0)
        return result;
    std::size_t hole = 0;
    for (;;) {
        std::size_t child = 2 * hole + 1;
        if (child >= size)
            break;
        if (child + 1 < size && before(m_heap[child + 1], m_heap[child]))
            ++child;
        if (!before(m_heap[child], last))
            break;
        m_heap[hole] = m_heap[child];
        hole = child;
    }
    m_heap[hole] = last;
    return result;
}

} // namespace tributary
