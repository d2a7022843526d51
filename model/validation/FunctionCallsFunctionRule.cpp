#include "model/validation/FunctionCallsFunctionRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

std::vector<Finding> FunctionCallsFunctionRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        const Resource* caller = architecture.resource(connection.source);
        const Resource* callee = architecture.resource(connection.target);
        if (!rule || rule->meaning != QLatin1String("sdk") || !caller || !callee
            || caller->kind != QLatin1String("function") || callee->kind != QLatin1String("function"))
            continue;
        if (ValidationSupport::text(ValidationSupport::at(connection.properties, "/InvocationType")) == QLatin1String("Event"))
            continue;
        findings.push_back(finding(QStringLiteral("Function %1 invokes function %2 synchronously: %1 waits, and is "
                                                  "billed, while %2 runs, and their timeouts and errors compound. Put a "
                                                  "queue, a topic or a state machine between them, or invoke %2 "
                                                  "asynchronously.")
                                       .arg(caller->id, callee->id),
                                   {caller->id, callee->id}, {connection.id},
                                   ValidationSupport::connectionPointer(connection)));
    }
    return findings;
}

} // namespace tributary
