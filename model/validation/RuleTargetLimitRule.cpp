#include "model/validation/RuleTargetLimitRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

bool isDelivery(const ConnectionRule* rule)
{
    return rule && rule->meaning != QLatin1String("reference") && rule->meaning != QLatin1String("dependency");
}

} // namespace

std::vector<Finding> RuleTargetLimitRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Resource& resource : architecture.resources()) {
        if (resource.kind != QLatin1String("eventRule"))
            continue;
        QStringList edgeTargets;
        QStringList connectionIds;
        for (const Connection& connection : architecture.connections()) {
            if (connection.source != resource.id || !isDelivery(catalogue.rule(connection.rule)))
                continue;
            edgeTargets.append(connection.target);
            connectionIds.append(connection.id);
        }
        QStringList listedTargets;
        const JsonTree* targets = ValidationSupport::at(resource.properties, "/Targets");
        if (targets && targets->is_array()) {
            for (const JsonTree& target : *targets) {
                QString name = target.is_object() ? ValidationSupport::referencedId(
                                                        target.contains("Arn") ? target["Arn"] : JsonTree())
                                                  : QString();
                if (name.isEmpty() && target.is_object())
                    name = ValidationSupport::text(ValidationSupport::at(target, "/Id"));
                listedTargets.append(name.isEmpty() ? QStringLiteral("?") : name);
            }
        }
        const QStringList& named = listedTargets.size() > edgeTargets.size() ? listedTargets : edgeTargets;
        if (named.size() <= maximumTargets)
            continue;
        QStringList resources{resource.id};
        for (const QString& target : std::as_const(edgeTargets)) {
            if (!resources.contains(target))
                resources.append(target);
        }
        findings.push_back(finding(QStringLiteral("Rule %1 has %2 targets (%3); EventBridge allows at most %4 per "
                                                  "rule. Split them over several rules with the same pattern.")
                                       .arg(resource.id)
                                       .arg(named.size())
                                       .arg(named.join(QStringLiteral(", ")))
                                       .arg(maximumTargets),
                                   resources, connectionIds,
                                   ValidationSupport::resourcePointer(resource.id, targets ? "/Targets" : "")));
    }
    return findings;
}

} // namespace tributary
