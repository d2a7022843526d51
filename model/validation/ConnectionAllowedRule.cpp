#include "model/validation/ConnectionAllowedRule.h"

#include "model/Architecture.h"
#include "model/ConnectionCheck.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

std::vector<Finding> ConnectionAllowedRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    const auto lookup = [&architecture](const QString& id) { return architecture.resource(id); };
    for (const Connection& connection : architecture.connections()) {
        const QString problem = ConnectionCheck::problem(catalogue, connection, lookup);
        if (problem.isEmpty())
            continue;
        QStringList resources;
        for (const QString& end : {connection.source, connection.target}) {
            if (architecture.resource(end) && !resources.contains(end))
                resources.append(end);
        }
        findings.push_back(finding(QStringLiteral("Connection %1 (%2 -> %3): %4")
                                       .arg(connection.id, connection.source, connection.target, problem),
                                   resources, {connection.id}, ValidationSupport::connectionPointer(connection)));
    }
    return findings;
}

} // namespace tributary
