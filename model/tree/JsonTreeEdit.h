#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

#include <optional>

namespace tributary {

/** Edits of a JSON tree addressed by JSON pointer, each undoable exactly (key order included). */
class JsonTreeEdit
{
public:
    /** What stood at a pointer before an edit: its value and its index in the parent, or nothing. */
    struct Previous
    {
        std::optional<JsonTree> value;
        std::size_t index = 0;
        int createdParents = 0;
        bool removedFromList = false;
        /** True when the pointer addresses a list item (such edits are not merged). */
        bool inList = false;
    };

    /** The value at pointer, or nothing when the path does not exist. */
    static std::optional<JsonTree> valueAt(const JsonTree& tree, const QString& pointer);

    /** Why a value cannot be set at pointer in tree (a path through a scalar, a bad array index), or an empty string. */
    static QString problemSetting(const JsonTree& tree, const QString& pointer);

    /**
     * Sets (value) or removes (nothing) the value at pointer, creating missing parent objects.
     * A new key goes last in its object; an existing key keeps its place. Returns what stood there.
     */
    static Previous apply(JsonTree& tree, const QString& pointer, const std::optional<JsonTree>& value);

    /** Undoes apply(): puts previous back at its old index, or removes the key that apply() created. */
    static void restore(JsonTree& tree, const QString& pointer, const Previous& previous);

private:
    static JsonTree::json_pointer toPointer(const QString& pointer);
};

} // namespace tributary
