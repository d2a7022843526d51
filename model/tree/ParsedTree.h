#pragma once

#include "model/tree/JsonTree.h"
#include "model/tree/SourceLocation.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tributary {

/** A template file read into one tree, with where its nodes came from and how they were written. */
struct ParsedTree
{
    enum class Format { Yaml, Json };

    JsonTree value;
    Format format = Format::Yaml;
    /**
     * Position of every node keyed by its JSON pointer ("" for the root): for a map entry the
     * position of its key, for a sequence item the position of the item.
     */
    std::unordered_map<std::string, SourceLocation> locations;
    /** JSON pointers of intrinsic-function objects written as YAML short-form tags (`!Ref X`). */
    std::unordered_set<std::string> shortForms;
    /** JSON pointers of `Fn::GetAtt` objects written as `!GetAtt A.B` (a dotted string). */
    std::unordered_set<std::string> getAttDotForms;

    /** Pointer of the entry key of the object at parent, escaped as RFC 6901 says (~0, ~1). */
    static std::string childPointer(const std::string& parent, const std::string& key)
    {
        std::string pointer;
        pointer.reserve(parent.size() + key.size() + 1);
        pointer += parent;
        pointer += '/';
        for (const char c : key) {
            if (c == '~')
                pointer += "~0";
            else if (c == '/')
                pointer += "~1";
            else
                pointer += c;
        }
        return pointer;
    }

    /** Pointer of item index of the array at parent. */
    static std::string childPointer(const std::string& parent, std::size_t index)
    {
        return parent + '/' + std::to_string(index);
    }
};

} // namespace tributary
