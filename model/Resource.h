#pragma once

#include "model/tree/JsonTree.h"

#include <QPointF>
#include <QString>
#include <QStringList>

namespace tributary {

/** One resource of a template: a node of the architecture graph. */
struct Resource
{
    /** The CloudFormation logical id (see LogicalId). */
    QString id;
    /** The catalogue kind it belongs to (the generic kind for types the catalogue does not know). */
    QString kind;
    /** The CloudFormation type as the template names it, e.g. AWS::SQS::Queue. */
    QString cfnType;
    /** The template's Properties, in their order; may hold intrinsic functions in long form. */
    JsonTree properties = JsonTree::object();
    /** The other keys of the template entry (Condition, DependsOn, Metadata, DeletionPolicy …), in order. */
    JsonTree attributes = JsonTree::object();
    /** Top-left corner on the canvas, in scene units. */
    QPointF position;
    /** The keys of the template entry (Type, Properties, attributes) in source order; empty for a new resource. */
    QStringList entryKeys;

    bool operator==(const Resource& other) const
    {
        return id == other.id && kind == other.kind && cfnType == other.cfnType && properties == other.properties
            && attributes == other.attributes && position == other.position && entryKeys == other.entryKeys;
    }
    bool operator!=(const Resource& other) const { return !(*this == other); }
};

} // namespace tributary
