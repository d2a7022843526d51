#pragma once

#include "model/Architecture.h"
#include "model/simulation/Scenario.h"

#include <vector>

namespace tributary {

/**
 * Which payloads pass an edge's filter: an SNS subscription's filter policy, the event pattern of
 * the rule a bus feeds, a SAM EventBridgeRule event's pattern, the FilterCriteria of an event
 * source mapping (queue, stream or table to a function) or of a pipe (its
 * SourceParameters/FilterCriteria, on the edge from its source). Payloads are fixed, so each
 * filter is matched once per payload before the run. An event source mapping's patterns match
 * the record Lambda would get (see recordOf()).
 */
class LinkFilter
{
public:
    /**
     * One flag per payload (1 = passes), or an empty list when the edge has no filter. Throws
     * ScenarioError naming the connection when its filter is not valid.
     */
    static std::vector<char> passes(const Connection& connection, const Architecture& architecture,
                                    const std::vector<PayloadSpec>& payloads);

    /**
     * The record a filter of a mapping on a `sourceKind` resource sees for payload: for a queue
     * {body, attributes, messageAttributes} (body: the payload's `body`, parsed when it is JSON
     * text, else the whole payload); for a stream {data, partitionKey} (data: the payload's `data`,
     * parsed likewise, else the whole payload); for a table {eventName (default INSERT), dynamodb}.
     */
    static JsonTree recordOf(const std::string& sourceKind, const JsonTree& payload);
};

} // namespace tributary
