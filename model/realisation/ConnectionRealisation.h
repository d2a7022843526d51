#pragma once

#include "model/Architecture.h"
#include "model/tree/JsonTree.h"

#include <QString>

#include <optional>
#include <vector>

namespace tributary {

struct ConnectionRule;

/**
 * What a connection puts into the template, from its rule's `writes` (resources/catalogue/README.md):
 * the parts to add for a new edge, and where an edge property lives in the parts of an existing one.
 * Pure functions of the architecture; commands apply the result.
 */
class ConnectionRealisation
{
public:
    /** One template part: a value at a pointer into a resource's Properties, or a whole resource (empty pointer). */
    struct Part
    {
        QString resource;
        QString pointer;
        /** The CloudFormation type of a whole resource. */
        QString cfnType;
        JsonTree value;
    };

    /**
     * The parts that realise connection (its id, ends and properties set) in architecture: placeholders
     * filled in, absent edge properties left out, "-" list steps made concrete, new resource ids made unique.
     */
    static std::vector<Part> plan(const Architecture& architecture, const ConnectionRule& rule,
                                  const Connection& connection);

    /** The parts as Connection::parts records them. */
    static JsonTree partsOf(const std::vector<Part>& parts);

    /**
     * Where the edge property at pointer is written in the template: the resource and the pointer
     * into its Properties, found through the connection's parts; nothing when no part holds it.
     */
    static std::optional<std::pair<QString, QString>> propertyLocation(const Architecture& architecture,
                                                                       const ConnectionRule& rule,
                                                                       const Connection& connection,
                                                                       const QString& pointer);

    /** Upper snake case of a logical id, for environment variable names: OrdersQueue → ORDERS_QUEUE. */
    static QString upperSnake(const QString& id);
};

} // namespace tributary
