#include "exporters/SamConnectorExpander.h"

#include "exporters/IamRoleBuilder.h"
#include "exporters/SamExpansion.h"

namespace tributary {

namespace {

struct Endpoint
{
    std::string id;
    std::string type;
    JsonTree arn;
};

Endpoint resolve(const JsonTree& reference, const SamExpansion& expansion)
{
    Endpoint endpoint;
    if (!reference.is_object())
        return endpoint;
    if (reference.contains("Id") && reference["Id"].is_string()) {
        endpoint.id = reference["Id"].get<std::string>();
        endpoint.type = expansion.sourceType(endpoint.id);
    }
    if (reference.contains("Type") && reference["Type"].is_string())
        endpoint.type = reference["Type"].get<std::string>();
    if (reference.contains("Arn"))
        endpoint.arn = reference["Arn"];
    if (endpoint.arn.is_null() && !endpoint.id.empty()) {
        const bool refIsArn = endpoint.type == "AWS::SNS::Topic" || endpoint.type == "AWS::StepFunctions::StateMachine"
            || endpoint.type == "AWS::Serverless::StateMachine";
        endpoint.arn = refIsArn ? SamExpansion::ref(endpoint.id) : SamExpansion::getAtt(endpoint.id, "Arn");
    }
    return endpoint;
}

bool has(const JsonTree& permissions, const char* permission)
{
    for (const JsonTree& entry : permissions) {
        if (entry == permission)
            return true;
    }
    return false;
}

/** The actions a role needs on destination for permissions, and the resources they apply to. */
std::pair<JsonTree, JsonTree> grants(const Endpoint& destination, const JsonTree& permissions)
{
    JsonTree actions = JsonTree::array();
    JsonTree resources = JsonTree::array({destination.arn});
    const auto add = [&](std::initializer_list<const char*> read, std::initializer_list<const char*> write) {
        if (has(permissions, "Read"))
            for (const char* action : read)
                actions.push_back(action);
        if (has(permissions, "Write"))
            for (const char* action : write)
                actions.push_back(action);
    };
    const std::string& type = destination.type;
    if (type == "AWS::SQS::Queue") {
        add({"sqs:ReceiveMessage", "sqs:GetQueueAttributes"},
            {"sqs:DeleteMessage", "sqs:SendMessage", "sqs:ChangeMessageVisibility", "sqs:PurgeQueue"});
    } else if (type == "AWS::SNS::Topic") {
        add({}, {"sns:Publish"});
    } else if (type == "AWS::DynamoDB::Table" || type == "AWS::Serverless::SimpleTable") {
        add({"dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
             "dynamodb:PartiQLSelect"},
            {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
             "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate"});
        resources.push_back({{"Fn::Sub", JsonTree::array({"${DestinationArn}/index/*", {{"DestinationArn", destination.arn}}})}});
    } else if (type == "AWS::S3::Bucket") {
        add({"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectLegalHold", "s3:GetObjectRetention", "s3:GetObjectTorrent",
             "s3:GetObjectVersion", "s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication",
             "s3:GetObjectVersionTorrent", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions",
             "s3:ListMultipartUploadParts"},
            {"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObject",
             "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:RestoreObject"});
        resources.push_back({{"Fn::Sub", JsonTree::array({"${DestinationArn}/*", {{"DestinationArn", destination.arn}}})}});
    } else if (type == "AWS::Lambda::Function" || type == "AWS::Serverless::Function") {
        add({"lambda:GetFunction"}, {"lambda:InvokeAsync", "lambda:InvokeFunction"});
    } else if (type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine") {
        add({"states:DescribeStateMachine", "states:ListExecutions"}, {"states:StartExecution", "states:StartSyncExecution"});
    } else if (type == "AWS::Events::EventBus") {
        add({}, {"events:PutEvents"});
    } else if (type == "AWS::Kinesis::Stream") {
        add({"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
             "kinesis:ListShards", "kinesis:ListStreams"},
            {"kinesis:PutRecord", "kinesis:PutRecords"});
    }
    return {actions, resources};
}

const char* servicePrincipal(const std::string& type)
{
    if (type == "AWS::SNS::Topic")
        return "sns.amazonaws.com";
    if (type == "AWS::Events::Rule")
        return "events.amazonaws.com";
    if (type == "AWS::S3::Bucket")
        return "s3.amazonaws.com";
    if (type == "AWS::Serverless::Api" || type == "AWS::ApiGateway::RestApi" || type == "AWS::Serverless::HttpApi"
        || type == "AWS::ApiGatewayV2::Api")
        return "apigateway.amazonaws.com";
    return nullptr;
}

/** The role of a source that has one: a SAM function or state machine without a Role of its own. */
JsonTree sourceRole(const Endpoint& source, const JsonTree& reference, const SamExpansion& expansion)
{
    if (reference.is_object() && reference.contains("RoleName"))
        return reference["RoleName"];
    if ((source.type == "AWS::Serverless::Function" || source.type == "AWS::Serverless::StateMachine")
        && !expansion.properties(source.id).contains("Role"))
        return SamExpansion::ref(source.id + "Role");
    return nullptr;
}

/** What a function's role needs to poll the source of an event source mapping, or null actions. */
std::pair<JsonTree, JsonTree> pollerGrants(const Endpoint& source, const JsonTree& permissions)
{
    if (source.type == "AWS::DynamoDB::Table" && has(permissions, "Read"))
        return {JsonTree::array({"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                 "dynamodb:ListStreams"}),
                JsonTree::array({SamExpansion::getAtt(source.id, "StreamArn")})};
    if (source.type == "AWS::SQS::Queue" || source.type == "AWS::Kinesis::Stream")
        return grants(source, permissions);
    return {JsonTree::array(), JsonTree::array()};
}

void connect(const std::string& id, const std::string& owner, const JsonTree& sourceReference,
             const JsonTree& destinationReference, const JsonTree& permissions, SamExpansion& expansion)
{
    const Endpoint source = resolve(sourceReference, expansion);
    const Endpoint destination = resolve(destinationReference, expansion);
    JsonTree role = sourceRole(source, sourceReference, expansion);
    const auto destinationRole = sourceRole(destination, JsonTree(), expansion);
    const bool polled = role.is_null() && !destinationRole.is_null() && destination.type == "AWS::Serverless::Function"
        && !pollerGrants(source, permissions).first.empty();
    if (polled)
        role = destinationRole;
    const auto unknown = [&] {
        expansion.warn(QStringLiteral("%1: a connector from %2 to %3 is not expanded")
                           .arg(SamExpansion::q(id), SamExpansion::q(source.type.empty() ? source.id : source.type),
                                SamExpansion::q(destination.type.empty() ? destination.id : destination.type)));
    };
    if (!role.is_null()) {
        const auto [actions, resources] = polled ? pollerGrants(source, permissions) : grants(destination, permissions);
        if (actions.empty()) {
            unknown();
            return;
        }
        const JsonTree statement = IamRoleBuilder::allow(actions, resources);
        expansion.add(id + "Policy", "AWS::IAM::ManagedPolicy",
                      {{"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", JsonTree::array({statement})}}},
                       {"Roles", JsonTree::array({role})}},
                      owner);
        return;
    }
    const char* principal = servicePrincipal(source.type);
    if (!principal || !has(permissions, "Write")) {
        unknown();
        return;
    }
    const JsonTree condition = {{"ArnEquals", {{"aws:SourceArn", source.arn}}}};
    const auto resourcePolicy = [&](const char* type, const char* listKey, const char* action) {
        JsonTree statement = {{"Effect", "Allow"}, {"Principal", {{"Service", principal}}}, {"Action", action},
                              {"Resource", destination.arn}, {"Condition", condition}};
        expansion.add(id + (listKey[0] == 'Q' ? "QueuePolicy" : "TopicPolicy"), type,
                      {{listKey, JsonTree::array({SamExpansion::ref(destination.id)})},
                       {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", JsonTree::array({statement})}}}},
                      owner);
    };
    if (destination.type == "AWS::SQS::Queue" && !destination.id.empty()) {
        resourcePolicy("AWS::SQS::QueuePolicy", "Queues", "sqs:SendMessage");
    } else if (destination.type == "AWS::SNS::Topic" && !destination.id.empty()) {
        resourcePolicy("AWS::SNS::TopicPolicy", "Topics", "sns:Publish");
    } else if (destination.type == "AWS::Lambda::Function" || destination.type == "AWS::Serverless::Function") {
        expansion.add(id + "WriteLambdaPermission", "AWS::Lambda::Permission",
                      {{"Action", "lambda:InvokeFunction"}, {"FunctionName", destination.arn}, {"Principal", principal},
                       {"SourceArn", source.arn}},
                      owner);
    } else {
        unknown();
    }
}

void expandProperties(const std::string& id, const std::string& owner, const JsonTree& source,
                      const JsonTree& properties, SamExpansion& expansion)
{
    const JsonTree permissions = properties.value("Permissions", JsonTree::array());
    const JsonTree destinations = properties.value("Destinations", properties.value("Destination", JsonTree()));
    if (destinations.is_array()) {
        for (std::size_t index = 0; index < destinations.size(); ++index)
            connect(id + "Destination" + std::to_string(index), owner, source, destinations[index], permissions, expansion);
    } else {
        connect(id, owner, source, properties.value("Destination", JsonTree()), permissions, expansion);
    }
}

} // namespace

void SamConnectorExpander::expand(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    expandProperties(id, id, properties.value("Source", JsonTree()), properties, expansion);
}

void SamConnectorExpander::expandEmbedded(const std::string& owner, const std::string& name, const JsonTree& connector,
                                          SamExpansion& expansion)
{
    const JsonTree properties = connector.is_object() ? connector.value("Properties", JsonTree::object()) : JsonTree();
    if (!properties.is_object())
        return;
    JsonTree source = properties.value("SourceReference", JsonTree::object());
    source["Id"] = owner;
    expandProperties(owner + name, owner, source, properties, expansion);
}

} // namespace tributary
