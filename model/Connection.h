#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

namespace tributary {

/** A typed event edge from one resource to another, following one catalogue connection rule. */
struct Connection
{
    /** Unique among the architecture's connections; alphanumeric, so templates can name it. */
    QString id;
    QString source;
    QString target;
    /** The id of the catalogue ConnectionRule this edge follows. */
    QString rule;
    /** The edge's own properties (batch size, filter policy, event pattern …), in order. */
    JsonTree properties = JsonTree::object();

    bool operator==(const Connection& other) const
    {
        return id == other.id && source == other.source && target == other.target && rule == other.rule
            && properties == other.properties;
    }
    bool operator!=(const Connection& other) const { return !(*this == other); }
};

} // namespace tributary
