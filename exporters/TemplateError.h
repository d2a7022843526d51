#pragma once

#include "model/MessageError.h"

namespace tributary {

/** A template that parses but is not a template Tributary can open; the message names the file and where. */
class TemplateError : public MessageError
{
public:
    using MessageError::MessageError;
};

} // namespace tributary
