#pragma once

#include <cstdint>

namespace tributary {

/** How a call ended, as its caller sees it. */
enum class InvocationOutcome : std::int32_t { Success, Error, Throttled, Timeout };

/**
 * A synchronous call of one model by another (an API calling its function, a poller invoking with a
 * batch, a state machine task). The callee answers with a SimContext::invocationDone event to
 * caller carrying token and the outcome; items are read during the call only.
 */
struct Invocation
{
    std::int32_t caller = -1;
    std::int64_t token = 0;
    /** The messages the call carries (the caller keeps them). */
    const int* items = nullptr;
    std::int32_t count = 0;
    /** The batch reports failed items (ReportBatchItemFailures): the function's error rate applies per item. */
    bool perItem = false;
    /** The caller is Lambda's own asynchronous queue (destinations apply). */
    bool async = false;
};

} // namespace tributary
