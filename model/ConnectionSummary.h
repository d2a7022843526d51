#pragma once

#include "model/Architecture.h"

#include <QString>

namespace tributary {

/**
 * The short label an edge shows on the canvas: what its properties say at a glance (batch size
 * and window, parallelisation, the detail types or sources an event pattern matches, a filter
 * policy's first attribute, a filter on an event source mapping), or the rule's label when they
 * say nothing. A bus-to-rule edge shows the rule's event pattern.
 */
class ConnectionSummary
{
public:
    static QString of(const Connection& connection, const QString& ruleLabel, const Architecture& architecture);
};

} // namespace tributary
