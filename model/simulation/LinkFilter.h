#pragma once

#include "model/Architecture.h"
#include "model/simulation/Scenario.h"

#include <vector>

namespace tributary {

/**
 * Which scenario entries' messages pass an edge's filter: an SNS subscription's filter policy, the
 * event pattern of the rule a bus feeds, or a SAM EventBridgeRule event's pattern. Payloads are
 * fixed per entry, so each filter is matched once per entry before the run.
 */
class LinkFilter
{
public:
    /**
     * One flag per entry (1 = passes), or an empty list when the edge has no filter. Throws
     * ScenarioError naming the connection when its filter is not valid.
     */
    static std::vector<char> passes(const Connection& connection, const Architecture& architecture,
                                    const std::vector<EntrySpec>& entries);
};

} // namespace tributary
