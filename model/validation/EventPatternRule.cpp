#include "model/validation/EventPatternRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/EventPatternCheck.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

using Dialect = EventPatternCheck::Dialect;

/** The filter policy dialect its scope selects; scope may be null. */
Dialect snsDialect(const JsonTree* scope)
{
    return ValidationSupport::text(scope) == QLatin1String("MessageBody") ? Dialect::SnsBody : Dialect::SnsAttributes;
}

/** The problem of the pattern-like values in an object (Properties of a resource, an event, or an edge). */
struct PatternProblem
{
    QString what;
    std::string key;
    QString problem;
};

std::vector<PatternProblem> problemsIn(const JsonTree& properties)
{
    std::vector<PatternProblem> problems;
    if (!properties.is_object())
        return problems;
    for (const char* key : {"Pattern", "EventPattern"}) {
        if (const JsonTree* pattern = ValidationSupport::at(properties, std::string("/") + key)) {
            const QString problem = EventPatternCheck::problem(*pattern, Dialect::EventPattern);
            if (!problem.isEmpty())
                problems.push_back({QStringLiteral("event pattern"), key, problem});
        }
    }
    if (const JsonTree* policy = ValidationSupport::at(properties, "/FilterPolicy")) {
        const QString problem =
            EventPatternCheck::problem(*policy, snsDialect(ValidationSupport::at(properties, "/FilterPolicyScope")));
        if (!problem.isEmpty())
            problems.push_back({QStringLiteral("filter policy"), "FilterPolicy", problem});
    }
    if (const JsonTree* criteria = ValidationSupport::at(properties, "/FilterCriteria")) {
        const QString problem = EventPatternCheck::filterCriteriaProblem(*criteria);
        if (!problem.isEmpty())
            problems.push_back({QStringLiteral("filter criteria"), "FilterCriteria", problem});
    }
    return problems;
}

QString kindName(const Catalogue& catalogue, const Resource& resource)
{
    const ResourceKind* kind = catalogue.kind(resource.kind);
    return kind && !kind->generic ? kind->displayName : resource.cfnType;
}

} // namespace

std::vector<Finding> EventPatternRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    const auto report = [&](const QString& owner, const PatternProblem& problem, const QStringList& resources,
                            const QStringList& connections, const QString& pointer) {
        findings.push_back(finding(QStringLiteral("The %1 of %2 is not valid: %3.").arg(problem.what, owner, problem.problem),
                                   resources, connections, pointer));
    };

    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        const QString owner = QStringLiteral("the %1 from %2 to %3")
                                  .arg(rule ? rule->label : connection.rule, connection.source, connection.target);
        for (const PatternProblem& problem : problemsIn(connection.properties))
            report(owner, problem, {connection.source, connection.target}, {connection.id},
                   ValidationSupport::connectionPointer(connection));
    }

    for (const Resource& resource : architecture.resources()) {
        const QString owner = QStringLiteral("%1 %2").arg(kindName(catalogue, resource), resource.id);
        if (resource.kind == QLatin1String("eventRule")) {
            if (const JsonTree* pattern = ValidationSupport::at(resource.properties, "/EventPattern")) {
                const QString problem = EventPatternCheck::problem(*pattern, Dialect::EventPattern);
                if (!problem.isEmpty())
                    report(owner, {QStringLiteral("event pattern"), "EventPattern", problem}, {resource.id}, {},
                           ValidationSupport::resourcePointer(resource.id, "/EventPattern"));
            }
        }
        if (resource.kind == QLatin1String("pipe")) {
            if (const JsonTree* criteria = ValidationSupport::at(resource.properties, "/SourceParameters/FilterCriteria")) {
                const QString problem = EventPatternCheck::filterCriteriaProblem(*criteria);
                if (!problem.isEmpty())
                    report(owner, {QStringLiteral("filter criteria"), "FilterCriteria", problem}, {resource.id}, {},
                           ValidationSupport::resourcePointer(resource.id, "/SourceParameters/FilterCriteria"));
            }
        }
        if (resource.cfnType == QLatin1String("AWS::SNS::Subscription")
            || resource.cfnType == QLatin1String("AWS::Lambda::EventSourceMapping")) {
            if (ValidationSupport::coveredByConnection(architecture, resource.id, ""))
                continue;
            for (const PatternProblem& problem : problemsIn(resource.properties))
                report(owner, problem, {resource.id}, {},
                       ValidationSupport::resourcePointer(resource.id, "/" + problem.key));
        }
        const JsonTree* events = ValidationSupport::at(resource.properties, "/Events");
        if ((resource.kind == QLatin1String("function") || resource.kind == QLatin1String("stateMachine")) && events
            && events->is_object()) {
            for (auto event = events->begin(); event != events->end(); ++event) {
                const std::string eventPointer = "/Events/" + event.key();
                const JsonTree* properties = ValidationSupport::at(event.value(), "/Properties");
                if (!properties || ValidationSupport::coveredByConnection(architecture, resource.id, eventPointer))
                    continue;
                const QString eventOwner =
                    QStringLiteral("event %1 of %2").arg(QString::fromStdString(event.key()), owner);
                for (const PatternProblem& problem : problemsIn(*properties))
                    report(eventOwner, problem, {resource.id}, {},
                           ValidationSupport::resourcePointer(resource.id, eventPointer + "/Properties/" + problem.key));
            }
        }
    }
    return findings;
}

} // namespace tributary
