#include "model/validation/RequiredPropertiesRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

/** One required property of a CloudFormation type: any of paths will do, unless exemptPath equals exemptValue. */
struct Requirement
{
    const char* type;
    std::vector<const char*> paths;
    const char* exemptPath = nullptr;
    const char* exemptValue = nullptr;
};

const std::vector<Requirement>& requirements()
{
    static const std::vector<Requirement> table = {
        {"AWS::Serverless::Function", {"/Runtime"}, "/PackageType", "Image"},
        {"AWS::Serverless::Function", {"/Handler"}, "/PackageType", "Image"},
        {"AWS::Lambda::Function", {"/Code"}},
        {"AWS::Lambda::Function", {"/Role"}},
        {"AWS::Lambda::Function", {"/Runtime"}, "/PackageType", "Image"},
        {"AWS::Lambda::Function", {"/Handler"}, "/PackageType", "Image"},
        {"AWS::DynamoDB::Table", {"/KeySchema"}},
        {"AWS::DynamoDB::Table", {"/AttributeDefinitions"}},
        {"AWS::Events::Rule", {"/EventPattern", "/ScheduleExpression"}},
        {"AWS::Events::EventBus", {"/Name"}},
        {"AWS::Scheduler::Schedule", {"/ScheduleExpression"}},
        {"AWS::Scheduler::Schedule", {"/FlexibleTimeWindow"}},
        {"AWS::Scheduler::Schedule", {"/Target"}},
        {"AWS::Pipes::Pipe", {"/RoleArn"}},
        {"AWS::Pipes::Pipe", {"/Source"}},
        {"AWS::Pipes::Pipe", {"/Target"}},
        {"AWS::StepFunctions::StateMachine", {"/RoleArn"}},
        {"AWS::StepFunctions::StateMachine", {"/Definition", "/DefinitionString", "/DefinitionS3Location"}},
        {"AWS::Serverless::StateMachine", {"/Definition", "/DefinitionUri"}},
        {"AWS::ApiGateway::RestApi", {"/Name", "/Body", "/BodyS3Location"}},
        {"AWS::ApiGatewayV2::Api", {"/Name", "/Body", "/BodyS3Location"}},
        {"AWS::ApiGatewayV2::Api", {"/ProtocolType", "/Body", "/BodyS3Location"}},
        {"AWS::Serverless::Api", {"/StageName"}},
    };
    return table;
}

/** "/Target/Arn" as "Target.Arn". */
QString propertyName(const QString& path)
{
    return path.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
}

/** The resource's Properties key (its own key when it has no Properties). */
QString propertiesPointer(const QString& id)
{
    return ValidationSupport::resourcePointer(id) + QStringLiteral("/Properties");
}

bool isSkipped(const Resource& resource)
{
    if (!resource.properties.is_object())
        return true;
    for (auto it = resource.properties.begin(); it != resource.properties.end(); ++it) {
        if (it.key() == "Fn::Transform")
            return true;
    }
    return false;
}

QString kindName(const Catalogue& catalogue, const QString& kind)
{
    const ResourceKind* found = catalogue.kind(kind);
    return found ? found->displayName : kind;
}

} // namespace

bool RequiredPropertiesRule::isMarkedRequired(const QString& help)
{
    const QString text = help.trimmed();
    return text == QLatin1String("Required.") || text.startsWith(QLatin1String("Required. "))
        || text.endsWith(QLatin1String(" Required."));
}

std::vector<Finding> RequiredPropertiesRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Resource& resource : architecture.resources()) {
        if (isSkipped(resource))
            continue;
        const QString what = QStringLiteral("%1 %2").arg(kindName(catalogue, resource.kind), resource.id);
        for (const Requirement& requirement : requirements()) {
            if (resource.cfnType != QLatin1String(requirement.type))
                continue;
            bool present = false;
            QStringList names;
            for (const char* path : requirement.paths) {
                present = present || ValidationSupport::property(architecture, resource, path) != nullptr;
                names.append(propertyName(QLatin1String(path)));
            }
            if (present)
                continue;
            if (requirement.exemptPath) {
                const JsonTree* exempt = ValidationSupport::property(architecture, resource, requirement.exemptPath);
                if (exempt && (ValidationSupport::isIntrinsic(*exempt)
                               || ValidationSupport::text(exempt) == QLatin1String(requirement.exemptValue)))
                    continue;
            }
            QString message;
            if (names.size() == 1)
                message = QStringLiteral("%1 has no %2, which %3 requires").arg(what, names.front(), resource.cfnType);
            else
                message = QStringLiteral("%1 has none of %2; %3 requires one of them")
                              .arg(what, ValidationSupport::joined(names).replace(QLatin1String(" and "), QLatin1String(" or ")),
                                   resource.cfnType);
            if (requirement.exemptPath)
                message += QStringLiteral(" unless %1 is %2").arg(propertyName(QLatin1String(requirement.exemptPath)),
                                                                 QLatin1String(requirement.exemptValue));
            findings.push_back(finding(message + QLatin1Char('.'), {resource.id}, {},
                                       propertiesPointer(resource.id)));
        }
        if (const ResourceKind* kind = catalogue.kind(resource.kind)) {
            for (const PropertyField& field : kind->fields) {
                if (!isMarkedRequired(field.help)
                    || ValidationSupport::property(architecture, resource, field.path.toStdString()))
                    continue;
                findings.push_back(finding(QStringLiteral("%1 has no %2 (%3), which is required.")
                                               .arg(what, field.label, propertyName(field.path)),
                                           {resource.id}, {}, propertiesPointer(resource.id)));
            }
        }
    }
    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        // An edge the template already realises is judged by its template parts (and cfn-lint): the
        // properties read back from them may leave out what the template says in its own way.
        if (!rule || !connection.properties.is_object() || (connection.parts.is_array() && !connection.parts.empty()))
            continue;
        for (const PropertyField& field : rule->properties) {
            if (!isMarkedRequired(field.help) || ValidationSupport::at(connection.properties, field.path.toStdString()))
                continue;
            findings.push_back(finding(QStringLiteral("The %1 connection from %2 to %3 has no %4, which is required.")
                                           .arg(rule->label, connection.source, connection.target, field.label),
                                       {connection.source, connection.target}, {connection.id},
                                       ValidationSupport::connectionPointer(connection)));
        }
    }
    return findings;
}

} // namespace tributary
