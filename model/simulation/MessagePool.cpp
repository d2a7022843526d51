#include "model/simulation/MessagePool.h"

namespace tributary {

int MessagePool::allocate()
{
    ++m_live;
    if (m_firstFree >= 0) {
        const int id = m_firstFree;
        m_firstFree = m_messages[static_cast<std::size_t>(id)].nextFree;
        return id;
    }
    m_messages.emplace_back();
    return static_cast<int>(m_messages.size() - 1);
}

int MessagePool::create(SimTime now, int payload, int key)
{
    const int id = allocate();
    SimMessage& m = (*this)[id];
    m = SimMessage{};
    m.origin = now;
    m.arrived = now;
    m.serial = m_nextSerial++;
    m.payload = payload;
    m.key = key;
    return id;
}

int MessagePool::copy(int message, SimTime now)
{
    const int id = allocate();
    SimMessage& m = (*this)[id];
    m = (*this)[message];
    m.serial = m_nextSerial++;
    m.arrived = now;
    m.receipt = 0;
    m.receiveCount = 0;
    m.attempts = 0;
    m.nextFree = -1;
    return id;
}

void MessagePool::release(int message)
{
    --m_live;
    (*this)[message].nextFree = m_firstFree;
    m_firstFree = message;
}

} // namespace tributary
