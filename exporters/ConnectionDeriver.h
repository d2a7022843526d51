#pragma once

#include "model/Architecture.h"

#include <vector>

namespace tributary {

class Catalogue;

/**
 * Finds the connections a template's resources realise, by reading every catalogue rule
 * backwards: its `writes` patterns (a SAM event, a rule target, a policy with an environment
 * variable, a subscription resource …) and its `recognise` forms (event source mappings, SNS
 * subscriptions, EventInvokeConfig, S3 notifications, connectors …). Each connection lists the
 * template parts that realise it. References that no rule explains become `reference` edges,
 * DependsOn becomes `dependency` edges. The result depends only on the architecture's resources.
 */
class ConnectionDeriver
{
public:
    static std::vector<Connection> derive(const Architecture& architecture, const Catalogue& catalogue);
};

} // namespace tributary
