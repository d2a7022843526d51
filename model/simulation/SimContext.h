#pragma once

#include "model/simulation/ConnectionStats.h"
#include "model/simulation/EventQueue.h"
#include "model/simulation/MessagePool.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/SimRandom.h"
#include "model/simulation/TokenBucket.h"
#include "model/simulation/Trace.h"

#include <memory>
#include <vector>

namespace tributary {

class SimModel;

/** The state every model of one run shares: clock, event queue, random source, messages, account limits. */
struct SimContext
{
    /** The event type a callee sends its caller when an Invocation ends (a = token, b = outcome). */
    static constexpr std::int32_t invocationDone = 1000;

    SimTime now = 0;
    SimTime end = 0;
    EventQueue events;
    SimRandom random;
    MessagePool messages;
    /** The run's payloads (Scenario::payloads()): what a message's `payload` indexes. */
    std::vector<PayloadSpec> payloads;
    std::vector<SimModel*> models;
    std::vector<ConnectionStats> connections;
    std::unique_ptr<Trace> trace;
    /** The account's unreserved concurrency: limit and in use (functions without reserved concurrency). */
    int unreservedLimit = 1000;
    int unreservedInUse = 0;
    /** The next receipt a queue hands out with a received message (unique across queues). */
    std::uint64_t nextReceipt = 1;
    /** The account-wide API Gateway throttle (requests per second and burst). */
    TokenBucket apiAccountBucket{10000, 5000};

    void schedule(SimTime at, std::int32_t model, std::int32_t type, std::int64_t a = 0, std::int64_t b = 0)
    {
        events.push(at, model, type, a, b);
    }
    /**
     * A new message carrying payload, arrived and originated now, with key, or a key drawn among the
     * payload's keys when key < 0; poisoned when the payload is.
     */
    int newMessage(int payload, int key = -1)
    {
        const PayloadSpec& spec = payloads[static_cast<std::size_t>(payload)];
        if (key < 0)
            key = spec.keys > 1 ? static_cast<int>(random.below(static_cast<std::uint64_t>(spec.keys))) : 0;
        const int message = messages.create(now, payload, key);
        messages[message].poison = spec.poison;
        return message;
    }
    void traceHop(int message, int model, TraceStep step)
    {
        if (trace)
            trace->record(now, messages[message].serial, model, messages[message].key, step);
    }
};

} // namespace tributary
