#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace tributary {

/**
 * One `writes` entry of a connection rule read backwards: where in a resource's Properties the
 * pattern may stand (its path, with placeholder steps matching any key and "-" any list item) and
 * whether a value there fits it. Placeholders: a reference to {{source}} or {{target}} (Ref,
 * Fn::GetAtt, Fn::Sub) fits any reference to one resource and binds that end; "{{property:/P}}"
 * binds the edge property P and may be absent; other strings with placeholders fit anything;
 * constants must be equal; list patterns need each element that names an end to fit some item.
 */
class WritePattern
{
public:
    /** What a match found: the ends it names, the edge's id and properties. */
    struct Binding
    {
        std::string source;
        std::string target;
        std::string connection;
        JsonTree properties = JsonTree::object();
    };

    /** A place in a resource's Properties where the pattern's path leads, and the binding of its path. */
    struct Place
    {
        std::string pointer;
        const JsonTree* value = nullptr;
        std::string connection;
    };

    /** The single resource id value references (the only one it names), or an empty string. */
    using ResolveEnd = std::function<std::string(const JsonTree& value)>;

    /** The places in properties where path leads. */
    static std::vector<Place> places(const JsonTree& properties, const std::string& path);

    /** Whether actual fits pattern; on success the binding holds what it bound (on failure it is unspecified). */
    static bool fits(const JsonTree& pattern, const JsonTree& actual, Binding& binding, const ResolveEnd& resolve);

private:
    static void collectPlaces(const JsonTree& node, const std::vector<std::string>& steps, std::size_t step,
                              const std::string& pointer, const std::string& connection, std::vector<Place>& places);
};

} // namespace tributary
