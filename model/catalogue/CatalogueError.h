#pragma once

#include "model/MessageError.h"

namespace tributary {

/** A catalogue that cannot be used; the message names the file, the key and the line. */
class CatalogueError : public MessageError
{
public:
    using MessageError::MessageError;
};

} // namespace tributary
