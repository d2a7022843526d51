#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

#include <functional>
#include <string>

namespace tributary {

/**
 * The ways a template names another resource: {"Ref": id}, {"Fn::GetAtt": [id, attr]} and its
 * "id.attr" string form, "${id}" and "${id.attr}" inside Fn::Sub (not where a Fn::Sub variable of
 * that name shadows it, and not "${!literal}"), DependsOn, and the Source/Destination Id of a SAM
 * connector.
 */
class References
{
public:
    /** Rewrites every reference to from into to inside a value; returns whether anything changed. */
    static bool rename(JsonTree& value, const std::string& from, const std::string& to);

    /** Rewrites a DependsOn value (a string or a list of strings); returns whether anything changed. */
    static bool renameInDependsOn(JsonTree& dependsOn, const std::string& from, const std::string& to);

    /**
     * Rewrites every reference to from in a resource entry: its Properties, and its other entry keys
     * (DependsOn as a list of names, the rest as values); returns whether anything changed.
     */
    static bool renameInEntry(JsonTree& properties, JsonTree& attributes, const std::string& from, const std::string& to);

    /** Rewrites ${from} and ${from.attr} in a Fn::Sub string; returns whether anything changed. */
    static bool renameInSubString(std::string& text, const std::string& from, const std::string& to);

    /** Called with the JSON pointer (below the start pointer) of a reference and the id it names. */
    using Visitor = std::function<void(const std::string& pointer, const std::string& id)>;

    /**
     * Reports every reference inside value: Ref, Fn::GetAtt (both forms), each ${id} of a Fn::Sub
     * that no Sub variable shadows, and a connector end {"Id": id}. pointer is value's own pointer.
     * Pseudo parameters (AWS::…) are left out; whether an id names a resource is the caller's question.
     */
    static void visit(const JsonTree& value, const std::string& pointer, const Visitor& visitor);
};

} // namespace tributary
