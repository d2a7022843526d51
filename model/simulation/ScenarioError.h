#pragma once

#include "model/MessageError.h"

namespace tributary {

/** A simulation setting that cannot be used; the message names the key, e.g. "simulation/entries/0/load/shape". */
class ScenarioError : public MessageError
{
public:
    using MessageError::MessageError;
};

} // namespace tributary
