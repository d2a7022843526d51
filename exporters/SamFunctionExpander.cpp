#include "exporters/SamFunctionExpander.h"

#include "exporters/IamRoleBuilder.h"
#include "exporters/SamEventExpander.h"
#include "exporters/SamExpansion.h"
#include "exporters/SamPolicies.h"

#include <memory>

namespace tributary {

namespace {

JsonTree code(const std::string& id, const JsonTree& properties, SamExpansion& expansion)
{
    if (properties.contains("InlineCode"))
        return {{"ZipFile", properties["InlineCode"]}};
    if (properties.contains("ImageUri"))
        return {{"ImageUri", properties["ImageUri"]}};
    const JsonTree uri = properties.value("CodeUri", JsonTree());
    const JsonTree location = SamExpansion::s3Location(uri, "S3Bucket", "S3Key", "S3ObjectVersion");
    if (!location.is_null())
        return location;
    if (uri.is_string()) {
        expansion.warn(QStringLiteral("%1: CodeUri '%2' is a local path, written as Code for `aws cloudformation "
                                      "package` to upload")
                           .arg(SamExpansion::q(id), QString::fromStdString(uri.get<std::string>())));
        return uri;
    }
    expansion.warn(QStringLiteral("%1: no InlineCode, CodeUri or ImageUri that Tributary can turn into Code")
                       .arg(SamExpansion::q(id)));
    return uri.is_null() ? JsonTree({{"ZipFile", ""}}) : uri;
}

JsonTree destinationStatement(const JsonTree& type, const JsonTree& destination)
{
    const char* action = type == "SQS" ? "sqs:SendMessage"
        : type == "SNS"               ? "sns:Publish"
        : type == "Lambda"            ? "lambda:InvokeFunction"
        : type == "EventBridge"       ? "events:PutEvents"
        : type == "S3Bucket"          ? "s3:PutObject"
                                      : nullptr;
    if (!action)
        return nullptr;
    return IamRoleBuilder::allow(action, destination);
}

void expandEventInvokeConfig(const std::string& id, const JsonTree& config, const JsonTree& qualifier,
                             IamRoleBuilder* role, SamExpansion& expansion)
{
    JsonTree properties = {{"FunctionName", SamExpansion::ref(id)}, {"Qualifier", qualifier}};
    SamExpansion::copyKeys(config, properties, {"MaximumEventAgeInSeconds", "MaximumRetryAttempts"});
    if (config.contains("DestinationConfig") && config["DestinationConfig"].is_object()) {
        JsonTree destinations = JsonTree::object();
        for (const char* which : {"OnSuccess", "OnFailure"}) {
            JsonTree entry = config["DestinationConfig"].value(which, JsonTree());
            if (!entry.is_object())
                continue;
            if (!entry.contains("Destination")) {
                const JsonTree type = entry.value("Type", JsonTree());
                if (type != "SQS" && type != "SNS") {
                    expansion.warn(QStringLiteral("%1: EventInvokeConfig %2 needs a Destination").arg(
                        SamExpansion::q(id), QString::fromLatin1(which)));
                    continue;
                }
                const bool queue = type == "SQS";
                const std::string created = id + "EventInvokeConfig" + which + (queue ? "Queue" : "Topic");
                expansion.add(created, queue ? "AWS::SQS::Queue" : "AWS::SNS::Topic", nullptr, id);
                entry["Destination"] = queue ? SamExpansion::getAtt(created, "Arn") : SamExpansion::ref(created);
            }
            destinations[which] = {{"Destination", entry["Destination"]}};
            const JsonTree grant = destinationStatement(entry.value("Type", JsonTree()), entry["Destination"]);
            if (role && !grant.is_null())
                role->addStatements(id + "EventInvokeConfig" + which + entry["Type"].get<std::string>() + "Policy", grant);
        }
        if (!destinations.empty())
            properties["DestinationConfig"] = destinations;
    }
    expansion.add(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig", properties, id);
}

void expandUrl(const std::string& id, const JsonTree& config, const JsonTree& alias, const JsonTree& target,
               SamExpansion& expansion)
{
    JsonTree properties = {{"TargetFunctionArn", SamExpansion::ref(id)}};
    if (!alias.is_null())
        properties["Qualifier"] = alias;
    for (auto it = config.begin(); it != config.end(); ++it)
        properties[it.key()] = it.value();
    expansion.add(id + "Url", "AWS::Lambda::Url", properties, id);
    if (config.value("AuthType", JsonTree()) == "NONE")
        expansion.add(id + "UrlPublicPermissions", "AWS::Lambda::Permission",
                      {{"Action", "lambda:InvokeFunctionUrl"}, {"FunctionName", target}, {"Principal", "*"},
                       {"FunctionUrlAuthType", "NONE"}},
                      id);
}

} // namespace

void SamFunctionExpander::expand(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    JsonTree function = JsonTree::object();
    function["Code"] = code(id, properties, expansion);
    SamExpansion::copyKeys(properties, function,
                           {"Architectures", "CodeSigningConfigArn", "Description", "Environment", "EphemeralStorage",
                            "FileSystemConfigs", "FunctionName", "Handler", "ImageConfig", "KmsKeyArn", "Layers",
                            "LoggingConfig", "MemorySize", "PackageType", "ReservedConcurrentExecutions", "Runtime",
                            "RuntimeManagementConfig", "SnapStart", "Timeout", "VpcConfig", "RecursiveLoop",
                            "TenancyConfig"});
    if (properties.contains("ImageUri") && !function.contains("PackageType"))
        function["PackageType"] = "Image";
    expansion.warnNotExpanded(id, properties, {"DeploymentPreference", "CapacityProviderConfig", "DurableConfig"});

    std::unique_ptr<IamRoleBuilder> role;
    const std::string roleId = id + "Role";
    if (properties.contains("Role")) {
        function["Role"] = properties["Role"];
    } else {
        role = std::make_unique<IamRoleBuilder>("lambda.amazonaws.com");
        role->addAwsManagedPolicy("service-role/", "AWSLambdaBasicExecutionRole");
        function["Role"] = SamExpansion::getAtt(roleId, "Arn");
    }
    if (properties.contains("Tracing")) {
        function["TracingConfig"] = {{"Mode", properties["Tracing"]}};
        if (role && properties["Tracing"] == "Active")
            role->addAwsManagedPolicy("", "AWSXrayWriteOnlyAccess");
    }
    if (role && properties.contains("VpcConfig"))
        role->addAwsManagedPolicy("service-role/", "AWSLambdaVPCAccessExecutionRole");
    if (properties.contains("DeadLetterQueue") && properties["DeadLetterQueue"].is_object()) {
        const JsonTree& queue = properties["DeadLetterQueue"];
        function["DeadLetterConfig"] = {{"TargetArn", queue.value("TargetArn", JsonTree())}};
        const JsonTree grant = destinationStatement(queue.value("Type", JsonTree()), queue.value("TargetArn", JsonTree()));
        if (role && !grant.is_null())
            role->addStatements("DeadLetterQueuePolicy", grant);
    }
    if (properties.contains("Tags"))
        function["Tags"] = SamExpansion::tagList(properties["Tags"]);
    expansion.add(id, "AWS::Lambda::Function", function);
    expansion.copyAttributes(id, id);
    if (role) {
        expansion.reserve(roleId);
        SamPolicies::apply(properties.value("Policies", JsonTree()), id, roleId, *role, expansion);
        if (properties.contains("AssumeRolePolicyDocument"))
            role->setAssumeRolePolicy(properties["AssumeRolePolicyDocument"]);
        if (properties.contains("PermissionsBoundary"))
            role->setProperty("PermissionsBoundary", properties["PermissionsBoundary"]);
        if (properties.contains("RolePath"))
            role->setProperty("Path", properties["RolePath"]);
        if (properties.contains("Tags"))
            role->setProperty("Tags", function["Tags"]);
    } else if (properties.contains("Policies")) {
        expansion.warn(QStringLiteral("%1: Policies are ignored because the function names its own Role")
                           .arg(SamExpansion::q(id)));
    }

    SamEventExpander::Target target;
    target.owner = id;
    target.arn = SamExpansion::getAtt(id, "Arn");
    target.functionName = SamExpansion::ref(id);
    target.role = role.get();
    target.roleId = roleId;
    JsonTree qualifier = "$LATEST";
    const JsonTree alias = properties.value("AutoPublishAlias", JsonTree());
    if (!alias.is_null()) {
        const std::string aliasName = alias.is_string() ? alias.get<std::string>() : std::string("Alias");
        const std::string versionId = id + "Version" + SamExpansion::hashOf(function["Code"]);
        const std::string aliasId = id + "Alias" + aliasName;
        JsonTree version = {{"FunctionName", SamExpansion::ref(id)}};
        if (properties.contains("VersionDescription"))
            version["Description"] = properties["VersionDescription"];
        expansion.add(versionId, "AWS::Lambda::Version", version, id);
        expansion.output(versionId)["DeletionPolicy"] = "Retain";
        JsonTree aliasProperties = {{"Name", alias}, {"FunctionName", SamExpansion::ref(id)},
                                    {"FunctionVersion", SamExpansion::getAtt(versionId, "Version")}};
        if (properties.contains("ProvisionedConcurrencyConfig"))
            aliasProperties["ProvisionedConcurrencyConfig"] = properties["ProvisionedConcurrencyConfig"];
        expansion.add(aliasId, "AWS::Lambda::Alias", aliasProperties, id);
        expansion.aliasReference(id + ".Alias", aliasId);
        expansion.aliasReference(id + ".Version", versionId);
        target.arn = SamExpansion::ref(aliasId);
        target.functionName = SamExpansion::ref(aliasId);
        qualifier = alias;
    }
    if (properties.contains("EventInvokeConfig") && properties["EventInvokeConfig"].is_object())
        expandEventInvokeConfig(id, properties["EventInvokeConfig"], qualifier, role.get(), expansion);
    if (properties.contains("FunctionUrlConfig") && properties["FunctionUrlConfig"].is_object())
        expandUrl(id, properties["FunctionUrlConfig"], alias, target.functionName, expansion);
    const JsonTree events = properties.value("Events", JsonTree::object());
    if (events.is_object()) {
        for (auto it = events.begin(); it != events.end(); ++it)
            SamEventExpander::expand(it.key(), it.value(), target, expansion);
    }
    if (role)
        expansion.add(roleId, "AWS::IAM::Role", role->properties(), id);
}

} // namespace tributary
