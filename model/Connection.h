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
    /**
     * The template parts that realise the edge, so that deleting it removes exactly them: a list of
     * {"resource": id, "path": pointer into its Properties} for a subtree of a resource (a SAM
     * event, a rule target, a policy), or {"resource": id} for a whole resource that exists only
     * for the edge (an event source mapping, a subscription, a permission). Empty for an edge
     * drawn on the canvas and not yet saved. A part with "keep": true is where the edge is read
     * from but not what it owns (a state machine's definition, which names many edges): removing
     * the edge leaves it.
     */
    JsonTree parts = JsonTree::array();

    bool operator==(const Connection& other) const
    {
        return id == other.id && source == other.source && target == other.target && rule == other.rule
            && properties == other.properties && parts == other.parts;
    }
    bool operator!=(const Connection& other) const { return !(*this == other); }
};

} // namespace tributary
