#pragma once

#include "model/tree/JsonTree.h"

#include <string>
#include <vector>

namespace tributary {

/**
 * A reference path of the Amazon States Language ("$", "$.order.items[0]", "$['a b']"), read
 * against a state's input. "$$.Execution.Input" stands for the input itself (the simulator's
 * input is the execution's). Paths with wildcards, filters, slices or other context-object fields
 * are not followed: supported() is false and find() finds nothing.
 */
class AslPath
{
public:
    AslPath() = default;
    /** Compiles text; an unsupported or malformed path gives an AslPath that finds nothing. */
    static AslPath compile(const std::string& text);

    bool supported() const { return m_supported; }
    /** The value the path names inside input, or nullptr when it is not there. */
    const JsonTree* find(const JsonTree& input) const;

private:
    struct Step
    {
        std::string name;
        /** The index for a [n] step, -1 for a name. */
        long long index = -1;
    };

    std::vector<Step> m_steps;
    bool m_supported = false;
};

} // namespace tributary
