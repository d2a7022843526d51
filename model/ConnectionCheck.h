#pragma once

#include "model/Connection.h"
#include "model/Resource.h"

#include <QString>

#include <functional>

namespace tributary {

class Catalogue;

/** Whether a connection may exist: both ends exist, and the catalogue has its rule for their kinds. */
class ConnectionCheck
{
public:
    using ResourceLookup = std::function<const Resource*(const QString& id)>;

    /** Why connection is not allowed, naming the resources and kinds; empty when it is. */
    static QString problem(const Catalogue& catalogue, const Connection& connection, const ResourceLookup& lookup);
};

} // namespace tributary
