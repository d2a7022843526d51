#include "exporters/SamResourceExpander.h"

#include "exporters/SamExpansion.h"

namespace tributary {

void SamResourceExpander::expandTable(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    const JsonTree key = properties.value("PrimaryKey", JsonTree({{"Name", "id"}, {"Type", "String"}}));
    const JsonTree name = key.value("Name", JsonTree("id"));
    const JsonTree type = key.value("Type", JsonTree("String"));
    const JsonTree attributeType = type == "String" ? JsonTree("S")
        : type == "Number"                          ? JsonTree("N")
        : type == "Binary"                          ? JsonTree("B")
                                                    : type;
    JsonTree table = {{"AttributeDefinitions", JsonTree::array({{{"AttributeName", name}, {"AttributeType", attributeType}}})},
                      {"KeySchema", JsonTree::array({{{"AttributeName", name}, {"KeyType", "HASH"}}})}};
    if (properties.contains("ProvisionedThroughput"))
        table["ProvisionedThroughput"] = properties["ProvisionedThroughput"];
    else
        table["BillingMode"] = "PAY_PER_REQUEST";
    SamExpansion::copyKeys(properties, table, {"TableName", "SSESpecification", "PointInTimeRecoverySpecification"});
    if (properties.contains("Tags"))
        table["Tags"] = SamExpansion::tagList(properties["Tags"]);
    expansion.add(id, "AWS::DynamoDB::Table", table);
    expansion.copyAttributes(id, id);
}

void SamResourceExpander::expandLayer(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    JsonTree layer = JsonTree::object();
    const JsonTree uri = properties.value("ContentUri", JsonTree());
    const JsonTree location = SamExpansion::s3Location(uri, "S3Bucket", "S3Key", "S3ObjectVersion");
    layer["Content"] = location.is_null() ? uri : location;
    if (location.is_null())
        expansion.warn(QStringLiteral("%1: ContentUri is a local path, written as Content for `aws cloudformation "
                                      "package` to upload")
                           .arg(SamExpansion::q(id)));
    SamExpansion::copyKeys(properties, layer,
                           {"CompatibleRuntimes", "CompatibleArchitectures", "Description", "LayerName", "LicenseInfo"});
    expansion.add(id, "AWS::Lambda::LayerVersion", layer);
    expansion.copyAttributes(id, id);
    if (properties.contains("RetentionPolicy") && properties["RetentionPolicy"].is_string()) {
        const std::string policy = SamExpansion::lower(properties["RetentionPolicy"].get<std::string>());
        expansion.output(id)["DeletionPolicy"] = policy == "retain" ? "Retain" : "Delete";
    }
}

void SamResourceExpander::expandApplication(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    const JsonTree location = properties.value("Location", JsonTree());
    if (location.is_object() && location.contains("ApplicationId")) {
        expansion.fail(QStringLiteral("%1: an AWS::Serverless::Application from the Serverless Application Repository "
                                      "cannot be expanded without the repository; give its template URL as Location")
                           .arg(SamExpansion::q(id)));
        return;
    }
    JsonTree stack = {{"TemplateURL", location}};
    SamExpansion::copyKeys(properties, stack, {"Parameters", "NotificationARNs", "TimeoutInMinutes"});
    if (properties.contains("Tags"))
        stack["Tags"] = SamExpansion::tagList(properties["Tags"]);
    expansion.add(id, "AWS::CloudFormation::Stack", stack);
    expansion.copyAttributes(id, id);
}

} // namespace tributary
