#include "model/simulation/Trace.h"

namespace tributary {

const char* Trace::stepName(TraceStep step)
{
    switch (step) {
    case TraceStep::Arrive:
        return "arrive";
    case TraceStep::Start:
        return "start";
    case TraceStep::Succeed:
        return "succeed";
    case TraceStep::Fail:
        return "fail";
    case TraceStep::Throttle:
        return "throttle";
    case TraceStep::Retry:
        return "retry";
    case TraceStep::DeadLetter:
        return "deadLetter";
    case TraceStep::Drop:
        return "drop";
    }
    return "?";
}

} // namespace tributary
