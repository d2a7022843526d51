#pragma once

#include "model/simulation/SimEvent.h"

#include <cstdint>
#include <vector>

namespace tributary {

/** One event travelling through the architecture (a request, message, record or copy of one). */
struct SimMessage
{
    /** When its entry event arrived from outside. */
    SimTime origin = 0;
    /** When it reached the resource that holds it now. */
    SimTime arrived = 0;
    /** Unique and increasing, for the trace. */
    std::uint64_t serial = 0;
    /** The latest receipt handed out for it by a queue (0: none). */
    std::uint64_t receipt = 0;
    /** What it carries: an index in the run's payload table (SimContext::payloads). */
    std::int32_t payload = 0;
    /** Partition key or message group, 0 .. keys-1. */
    std::int32_t key = 0;
    std::int32_t receiveCount = 0;
    /** Failed attempts so far at the resource that holds it. */
    std::int32_t attempts = 0;
    /** Fails every function that processes it (scenario payload `poison: true`). */
    bool poison = false;
    std::int32_t nextFree = -1;
};

/** The messages in flight, reused through a free list so the hot path does not allocate. */
class MessagePool
{
public:
    /** A new message carrying payload, arrived now, origin now. */
    int create(SimTime now, int payload, int key);
    /** A copy of message (a fan-out copy) with a new serial, arrived now, attempts 0. */
    int copy(int message, SimTime now);
    void release(int message);
    SimMessage& operator[](int message) { return m_messages[static_cast<std::size_t>(message)]; }
    const SimMessage& operator[](int message) const { return m_messages[static_cast<std::size_t>(message)]; }
    /** How many are alive. */
    int live() const { return m_live; }

private:
    int allocate();

    std::vector<SimMessage> m_messages;
    int m_firstFree = -1;
    int m_live = 0;
    std::uint64_t m_nextSerial = 1;
};

} // namespace tributary
