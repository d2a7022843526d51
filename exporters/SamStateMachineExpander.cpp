#include "exporters/SamStateMachineExpander.h"

#include "exporters/IamRoleBuilder.h"
#include "exporters/SamEventExpander.h"
#include "exporters/SamExpansion.h"
#include "exporters/SamPolicies.h"

#include <QRegularExpression>

#include <memory>

namespace tributary {

namespace {

/** Replaces each intrinsic function inside value by a `${__ValueN__}` variable that holds it. */
void extractIntrinsics(JsonTree& value, JsonTree& variables)
{
    if (SamExpansion::isIntrinsic(value)) {
        const std::string name = "__Value" + std::to_string(variables.size()) + "__";
        variables[name] = value;
        value = "${" + name + "}";
    } else if (value.is_object() || value.is_array()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            extractIntrinsics(it.value(), variables);
    }
}

/** text with every `${name}` that variables does not hold written `${!name}`, as Fn::Sub keeps it literally. */
std::string escapeUnknown(const std::string& text, const JsonTree& variables)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([^}!][^}]*)\\}"));
    const QString source = QString::fromStdString(text);
    QString result;
    qsizetype last = 0;
    auto match = placeholder.globalMatch(source);
    while (match.hasNext()) {
        const QRegularExpressionMatch found = match.next();
        result += source.mid(last, found.capturedStart() - last);
        const std::string name = found.captured(1).toStdString();
        result += variables.contains(name) ? found.captured(0) : QStringLiteral("${!") + found.captured(1) + "}";
        last = found.capturedEnd();
    }
    result += source.mid(last);
    return result.toStdString();
}

JsonTree definitionString(const JsonTree& properties)
{
    JsonTree definition = properties["Definition"];
    JsonTree variables = properties.value("DefinitionSubstitutions", JsonTree::object());
    if (!variables.is_object())
        variables = JsonTree::object();
    extractIntrinsics(definition, variables);
    const std::string text = definition.dump(2);
    if (variables.empty())
        return text;
    return {{"Fn::Sub", JsonTree::array({escapeUnknown(text, variables), variables})}};
}

} // namespace

void SamStateMachineExpander::expand(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    JsonTree machine = JsonTree::object();
    if (properties.contains("Definition")) {
        machine["DefinitionString"] = definitionString(properties);
    } else if (properties.contains("DefinitionUri")) {
        const JsonTree location = SamExpansion::s3Location(properties["DefinitionUri"], "Bucket", "Key", "Version");
        machine["DefinitionS3Location"] = location.is_null() ? properties["DefinitionUri"] : location;
        if (location.is_null())
            expansion.warn(QStringLiteral("%1: DefinitionUri is a local path, written as DefinitionS3Location for "
                                          "`aws cloudformation package` to upload")
                               .arg(SamExpansion::q(id)));
        if (properties.contains("DefinitionSubstitutions"))
            machine["DefinitionSubstitutions"] = properties["DefinitionSubstitutions"];
    }
    if (properties.contains("Name"))
        machine["StateMachineName"] = properties["Name"];
    if (properties.contains("Type"))
        machine["StateMachineType"] = properties["Type"];
    if (properties.contains("Logging"))
        machine["LoggingConfiguration"] = properties["Logging"];
    if (properties.contains("Tracing"))
        machine["TracingConfiguration"] = properties["Tracing"];
    if (properties.contains("Tags"))
        machine["Tags"] = SamExpansion::tagList(properties["Tags"]);
    expansion.warnNotExpanded(id, properties, {"AutoPublishAlias", "DeploymentPreference", "UseAliasAsEventTarget"});

    const std::string roleId = id + "Role";
    std::unique_ptr<IamRoleBuilder> role;
    if (properties.contains("Role")) {
        machine["RoleArn"] = properties["Role"];
    } else {
        role = std::make_unique<IamRoleBuilder>("states.amazonaws.com");
        machine["RoleArn"] = SamExpansion::getAtt(roleId, "Arn");
    }
    expansion.add(id, "AWS::StepFunctions::StateMachine", machine);
    expansion.copyAttributes(id, id);
    if (role) {
        expansion.reserve(roleId);
        SamPolicies::apply(properties.value("Policies", JsonTree()), id, roleId, *role, expansion);
        if (properties.contains("PermissionsBoundary"))
            role->setProperty("PermissionsBoundary", properties["PermissionsBoundary"]);
        if (properties.contains("RolePath"))
            role->setProperty("Path", properties["RolePath"]);
        expansion.add(roleId, "AWS::IAM::Role", role->properties(), id);
    }

    SamEventExpander::Target target;
    target.owner = id;
    target.stateMachine = true;
    target.arn = SamExpansion::ref(id);
    target.roleId = roleId;
    const JsonTree events = properties.value("Events", JsonTree::object());
    if (events.is_object()) {
        for (auto it = events.begin(); it != events.end(); ++it)
            SamEventExpander::expand(it.key(), it.value(), target, expansion);
    }
}

} // namespace tributary
