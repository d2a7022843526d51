#pragma once

#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

/**
 * Where the simulation scenario (Architecture::settings()["simulation"]) names resources: the keys
 * of `overrides`, the targets of a function's `emits`, and the `resource` of each entry and
 * failure. Renaming or deleting a resource, or cutting a function off from an emit target, edits
 * these so that the scenario keeps naming what exists. Containers left empty are removed.
 */
class ScenarioReferences
{
public:
    /** Renames every mention of from; true when something changed. */
    static bool rename(JsonTree& simulation, const std::string& from, const std::string& to);
    /** Drops the resource's overrides, entries and failures and the emits aimed at it; true when something changed. */
    static bool removeResource(JsonTree& simulation, const std::string& id);
    /** Drops what function emits to target; true when something changed. */
    static bool removeEmits(JsonTree& simulation, const std::string& function, const std::string& target);
};

} // namespace tributary
