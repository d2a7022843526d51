#include "exporters/SamEventExpander.h"

#include "exporters/IamRoleBuilder.h"
#include "exporters/SamExpansion.h"

#include <QRegularExpression>

namespace tributary {

namespace {

using Target = SamEventExpander::Target;

/** Copies every key of from except those in skipped into to. */
void copyExcept(const JsonTree& from, JsonTree& to, std::initializer_list<const char*> skipped)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        bool skip = false;
        for (const char* key : skipped)
            skip = skip || it.key() == key;
        if (!skip)
            to[it.key()] = it.value();
    }
}

void addPermission(const std::string& id, const Target& target, const std::string& principal, const JsonTree& sourceArn,
                   SamExpansion& expansion, const char* sourceKey = "SourceArn")
{
    JsonTree properties = {{"Action", "lambda:InvokeFunction"}, {"FunctionName", target.functionName},
                           {"Principal", principal}};
    if (!sourceArn.is_null())
        properties[sourceKey] = sourceArn;
    expansion.add(id, "AWS::Lambda::Permission", std::move(properties), target.owner);
}

/** A poller's permission to send to the on-failure destination of a stream mapping. */
void grantDestination(JsonTree& mapping, const Target& target, const std::string& id, SamExpansion& expansion)
{
    if (!mapping.contains("DestinationConfig") || !mapping["DestinationConfig"].is_object())
        return;
    JsonTree& onFailure = mapping["DestinationConfig"]["OnFailure"];
    if (!onFailure.is_object() || !onFailure.contains("Type"))
        return;
    const JsonTree type = onFailure["Type"];
    onFailure.erase("Type");
    if (!target.role || !onFailure.contains("Destination"))
        return;
    const JsonTree destination = onFailure["Destination"];
    if (type == "SQS")
        target.role->addStatements(id + "DestinationPolicy", IamRoleBuilder::allow("sqs:SendMessage", destination));
    else if (type == "SNS")
        target.role->addStatements(id + "DestinationPolicy", IamRoleBuilder::allow("sns:Publish", destination));
    else if (type == "S3")
        target.role->addStatements(id + "DestinationPolicy", IamRoleBuilder::allow(JsonTree::array({"s3:PutObject", "s3:ListBucket"}),
                                                                      destination));
}

void expandPoller(const std::string& id, const std::string& type, const JsonTree& properties, const Target& target,
                  SamExpansion& expansion)
{
    JsonTree mapping = JsonTree::object();
    const char* source = type == "SQS" ? "Queue" : type == "MQ" ? "Broker" : type == "DocumentDB" ? "Cluster" : "Stream";
    if (properties.contains(source))
        mapping["EventSourceArn"] = properties[source];
    mapping["FunctionName"] = target.functionName;
    copyExcept(properties, mapping,
               {source, "ConsumerGroupId", "KafkaBootstrapServers", "DatabaseName", "CollectionName", "FullDocument",
                "SecretsManagerKmsKeyId", "SchemaRegistryConfig"});
    if (properties.contains("ConsumerGroupId")) {
        const char* key = type == "MSK" ? "AmazonManagedKafkaEventSourceConfig" : "SelfManagedKafkaEventSourceConfig";
        mapping[key] = {{"ConsumerGroupId", properties["ConsumerGroupId"]}};
    }
    if (properties.contains("KafkaBootstrapServers"))
        mapping["SelfManagedEventSource"] = {{"Endpoints", {{"KafkaBootstrapServers", properties["KafkaBootstrapServers"]}}}};
    if (type == "DocumentDB") {
        JsonTree config = JsonTree::object();
        SamExpansion::copyKeys(properties, config, {"DatabaseName", "CollectionName", "FullDocument"});
        mapping["DocumentDBEventSourceConfig"] = config;
    }
    grantDestination(mapping, target, id, expansion);
    expansion.add(id, "AWS::Lambda::EventSourceMapping", mapping, target.owner);
    if (!target.role)
        return;
    if (type == "SQS")
        target.role->addAwsManagedPolicy("service-role/", "AWSLambdaSQSQueueExecutionRole");
    else if (type == "Kinesis")
        target.role->addAwsManagedPolicy("service-role/", "AWSLambdaKinesisExecutionRole");
    else if (type == "DynamoDB")
        target.role->addAwsManagedPolicy("service-role/", "AWSLambdaDynamoDBExecutionRole");
    else if (type == "MSK")
        target.role->addAwsManagedPolicy("service-role/", "AWSLambdaMSKExecutionRole");
    JsonTree statements = JsonTree::array();
    if (type == "MQ" && properties.contains("Broker"))
        statements.push_back(IamRoleBuilder::allow("mq:DescribeBroker", properties["Broker"]));
    if (type == "DocumentDB" && properties.contains("Cluster"))
        statements.push_back(IamRoleBuilder::allow(JsonTree::array({"rds:DescribeDBClusters", "rds:DescribeDBClusterParameters",
                                                        "rds:DescribeDBSubnetGroups"}),
                                       properties["Cluster"]));
    if (type == "MQ" || type == "SelfManagedKafka" || type == "DocumentDB") {
        const JsonTree access = properties.value("SourceAccessConfigurations", JsonTree::array());
        for (const JsonTree& entry : access) {
            if (entry.is_object() && entry.contains("URI") && entry.value("Type", "") != "VPC_SUBNET"
                && entry.value("Type", "") != "VPC_SECURITY_GROUP")
                statements.push_back(IamRoleBuilder::allow("secretsmanager:GetSecretValue", entry["URI"]));
        }
        statements.push_back(IamRoleBuilder::allow(JsonTree::array({"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                                                        "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups",
                                                        "ec2:DescribeSubnets", "ec2:DescribeVpcs"}),
                                       "*"));
    }
    if (!statements.empty())
        target.role->addStatements(id + "Policy", statements);
}

/** A queue SAM creates for a subscription or a dead-letter config, with the policy that lets service send to it. */
void addOwnQueue(const std::string& queueId, const std::string& service, const JsonTree& sourceArn, const Target& target,
                 SamExpansion& expansion)
{
    expansion.add(queueId, "AWS::SQS::Queue", nullptr, target.owner);
    JsonTree allow = IamRoleBuilder::allow("sqs:SendMessage", SamExpansion::getAtt(queueId, "Arn"));
    allow["Principal"] = {{"Service", service}};
    allow["Condition"] = {{"ArnEquals", {{"aws:SourceArn", sourceArn}}}};
    expansion.add(queueId + "Policy", "AWS::SQS::QueuePolicy",
                  {{"Queues", JsonTree::array({SamExpansion::ref(queueId)})},
                   {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", JsonTree::array({allow})}}}},
                  target.owner);
}

void expandSns(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    const JsonTree topic = properties.value("Topic", JsonTree());
    JsonTree subscription = {{"Protocol", "lambda"}, {"Endpoint", target.arn}, {"TopicArn", topic}};
    SamExpansion::copyKeys(properties, subscription, {"Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"});
    const JsonTree& sqs = properties.value("SqsSubscription", JsonTree(false));
    if (sqs == false) {
        expansion.add(id, "AWS::SNS::Subscription", subscription, target.owner);
        addPermission(id + "Permission", target, "sns.amazonaws.com", topic, expansion);
        return;
    }
    JsonTree queueArn = sqs.is_object() ? sqs.value("QueueArn", JsonTree()) : JsonTree();
    if (queueArn.is_null()) {
        addOwnQueue(id + "Queue", "sns.amazonaws.com", topic, target, expansion);
        queueArn = SamExpansion::getAtt(id + "Queue", "Arn");
    }
    subscription["Protocol"] = "sqs";
    subscription["Endpoint"] = queueArn;
    expansion.add(id, "AWS::SNS::Subscription", subscription, target.owner);
    JsonTree mapping = {{"EventSourceArn", queueArn}, {"FunctionName", target.functionName}};
    if (sqs.is_object())
        SamExpansion::copyKeys(sqs, mapping, {"BatchSize", "Enabled"});
    expansion.add(id + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", mapping, target.owner);
    if (target.role)
        target.role->addAwsManagedPolicy("service-role/", "AWSLambdaSQSQueueExecutionRole");
}

/** The rule's target: the function (with a permission) or the state machine (with a role to start it). */
JsonTree ruleTarget(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    JsonTree entry = {{"Arn", target.arn}};
    if (properties.contains("Target") && properties["Target"].is_object() && properties["Target"].contains("Id"))
        entry["Id"] = properties["Target"]["Id"];
    else
        entry["Id"] = id + (target.stateMachine ? "StepFunctionsTarget" : "LambdaTarget");
    SamExpansion::copyKeys(properties, entry, {"Input", "InputPath", "InputTransformer", "RetryPolicy"});
    if (properties.contains("DeadLetterConfig") && properties["DeadLetterConfig"].is_object()) {
        const JsonTree& config = properties["DeadLetterConfig"];
        if (config.contains("Arn")) {
            entry["DeadLetterConfig"] = {{"Arn", config["Arn"]}};
        } else {
            const std::string queueId = config.value("QueueLogicalId", id + "Queue");
            addOwnQueue(queueId, "events.amazonaws.com", SamExpansion::getAtt(id, "Arn"), target, expansion);
            entry["DeadLetterConfig"] = {{"Arn", SamExpansion::getAtt(queueId, "Arn")}};
        }
    }
    if (target.stateMachine) {
        IamRoleBuilder role("events.amazonaws.com");
        role.addStatements(id + "RoleStartExecutionPolicy", IamRoleBuilder::allow("states:StartExecution", target.arn));
        expansion.add(id + "Role", "AWS::IAM::Role", role.properties(), target.owner);
        entry["RoleArn"] = SamExpansion::getAtt(id + "Role", "Arn");
    } else {
        addPermission(id + "Permission", target, "events.amazonaws.com", SamExpansion::getAtt(id, "Arn"), expansion);
    }
    return entry;
}

void expandRule(const std::string& id, const std::string& type, const JsonTree& properties, const Target& target,
                SamExpansion& expansion)
{
    JsonTree rule = JsonTree::object();
    if (type == "Schedule") {
        SamExpansion::copyKeys(properties, rule, {"Description"});
        if (properties.contains("Schedule"))
            rule["ScheduleExpression"] = properties["Schedule"];
        if (properties.contains("Name"))
            rule["Name"] = properties["Name"];
    } else {
        if (properties.contains("Pattern"))
            rule["EventPattern"] = properties["Pattern"];
        SamExpansion::copyKeys(properties, rule, {"EventBusName", "Description"});
        if (properties.contains("RuleName"))
            rule["Name"] = properties["RuleName"];
    }
    if (properties.contains("State"))
        rule["State"] = properties["State"];
    else if (properties.contains("Enabled") && properties["Enabled"].is_boolean())
        rule["State"] = properties["Enabled"].get<bool>() ? "ENABLED" : "DISABLED";
    expansion.reserve(id);
    rule["Targets"] = JsonTree::array({ruleTarget(id, properties, target, expansion)});
    expansion.add(id, "AWS::Events::Rule", rule, target.owner);
}

void expandScheduleV2(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    JsonTree schedule = JsonTree::object();
    SamExpansion::copyKeys(properties, schedule, {"ScheduleExpression", "ScheduleExpressionTimezone", "StartDate", "EndDate",
                                    "GroupName", "KmsKeyArn", "Description", "State"});
    schedule["FlexibleTimeWindow"] = properties.value("FlexibleTimeWindow", JsonTree({{"Mode", "OFF"}}));
    schedule["Name"] = properties.value("Name", JsonTree(id));
    JsonTree scheduleTarget = {{"Arn", target.arn}};
    const std::string roleId = id + "Role";
    scheduleTarget["RoleArn"] = properties.value("RoleArn", SamExpansion::getAtt(roleId, "Arn"));
    SamExpansion::copyKeys(properties, scheduleTarget, {"Input", "RetryPolicy"});
    if (properties.contains("DeadLetterConfig") && properties["DeadLetterConfig"].is_object()
        && properties["DeadLetterConfig"].contains("Arn"))
        scheduleTarget["DeadLetterConfig"] = {{"Arn", properties["DeadLetterConfig"]["Arn"]}};
    schedule["Target"] = scheduleTarget;
    expansion.add(id, "AWS::Scheduler::Schedule", schedule, target.owner);
    if (properties.contains("RoleArn"))
        return;
    IamRoleBuilder role("scheduler.amazonaws.com");
    role.addStatements(id + (target.stateMachine ? "StartExecutionPolicy" : "LambdaPolicy"),
                       IamRoleBuilder::allow(target.stateMachine ? "states:StartExecution" : "lambda:InvokeFunction", target.arn));
    expansion.add(roleId, "AWS::IAM::Role", role.properties(), target.owner);
}

void expandS3(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    const std::string bucket = SamExpansion::referencedId(properties.value("Bucket", JsonTree()));
    if (bucket.empty()) {
        expansion.warn(QStringLiteral("%1: the S3 event %2 does not name a bucket of the template with !Ref; left out")
                           .arg(SamExpansion::q(target.owner), SamExpansion::q(id)));
        return;
    }
    addPermission(id + "Permission", target, "s3.amazonaws.com", SamExpansion::ref("AWS::AccountId"), expansion,
                  "SourceAccount");
    const JsonTree events = properties.value("Events", JsonTree());
    for (const JsonTree& event : events.is_array() ? events : JsonTree::array({events})) {
        JsonTree configuration = {{"Event", event}, {"Function", target.arn}};
        if (properties.contains("Filter"))
            configuration["Filter"] = properties["Filter"];
        expansion.addBucketNotification(bucket, std::move(configuration), id + "Permission");
    }
}

/** The execute-api ARN pattern a permission for a route allows. */
JsonTree executeApiArn(const JsonTree& api, const std::string& method, const std::string& path)
{
    std::string suffix;
    if (path == "$default") {
        suffix = "*";
    } else {
        static const QRegularExpression parameter(QStringLiteral("\\{[^}]*\\}"));
        QString wildcarded = QString::fromStdString(path).replace(parameter, QStringLiteral("*"));
        suffix = (method == "ANY" ? std::string("*") : method) + wildcarded.toStdString();
    }
    return {{"Fn::Sub", JsonTree::array({"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/"
                                         "${__Stage__}/"
                                             + suffix,
                                         {{"__ApiId__", api}, {"__Stage__", "*"}}})}};
}

JsonTree lambdaOperation(bool http, const JsonTree& properties, const Target& target)
{
    const std::string arnText = target.arn.contains("Ref") ? target.arn["Ref"].get<std::string>()
                                                           : target.owner + ".Arn";
    JsonTree integration = {{"httpMethod", "POST"}, {"type", "aws_proxy"},
                            {"uri", {{"Fn::Sub", "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/"
                                                 "2015-03-31/functions/${" + arnText + "}/invocations"}}}};
    if (http) {
        integration["payloadFormatVersion"] = properties.value("PayloadFormatVersion", JsonTree("2.0"));
        if (properties.contains("TimeoutInMillis"))
            integration["timeoutInMillis"] = properties["TimeoutInMillis"];
    }
    return {{"x-amazon-apigateway-integration", integration}, {"responses", JsonTree::object()}};
}

/** A REST route that starts an execution of the state machine, through a role API Gateway assumes. */
JsonTree startExecutionOperation(const std::string& id, const Target& target, SamExpansion& expansion)
{
    IamRoleBuilder role("apigateway.amazonaws.com");
    role.addStatements(id + "RoleStartExecutionPolicy", IamRoleBuilder::allow("states:StartExecution", target.arn));
    expansion.add(id + "Role", "AWS::IAM::Role", role.properties(), target.owner);
    const std::string request = "{\"input\": \"$util.escapeJavaScript($input.json('$'))\", \"stateMachineArn\": \"${"
        + target.owner + "}\"}";
    JsonTree integration = {
        {"type", "aws"},
        {"httpMethod", "POST"},
        {"uri", {{"Fn::Sub", "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution"}}},
        {"credentials", SamExpansion::getAtt(id + "Role", "Arn")},
        {"requestTemplates", {{"application/json", {{"Fn::Sub", request}}}}},
        {"responses", {{"200", {{"statusCode", "200"}}}, {"400", {{"statusCode", "400"}}}}}};
    return {{"x-amazon-apigateway-integration", integration},
            {"responses", {{"200", {{"description", "OK"}}}, {"400", {{"description", "Bad Request"}}}}}};
}

void expandApi(const std::string& name, const std::string& id, bool http, const JsonTree& properties,
               const Target& target, SamExpansion& expansion)
{
    if (target.stateMachine && http) {
        expansion.warn(QStringLiteral("%1: the HttpApi event %2 of a state machine is not expanded (no route is written)")
                           .arg(SamExpansion::q(target.owner), SamExpansion::q(name)));
        return;
    }
    const JsonTree apiValue = properties.value(http ? "ApiId" : "RestApiId", JsonTree());
    std::string api = SamExpansion::referencedId(apiValue);
    if (apiValue.is_null())
        api = http ? "ServerlessHttpApi" : "ServerlessRestApi";
    const JsonTree methodValue = properties.value("Method", JsonTree("ANY"));
    const std::string method = SamExpansion::upper(methodValue.is_string() ? methodValue.get<std::string>() : "ANY");
    const std::string path = properties.value("Path", JsonTree(http ? "$default" : "/")).is_string()
        ? properties.value("Path", JsonTree(http ? "$default" : "/")).get<std::string>()
        : "/";
    JsonTree operation = target.stateMachine ? startExecutionOperation(id, target, expansion)
                                             : lambdaOperation(http, properties, target);
    if (http && path == "$default")
        operation["isDefaultRoute"] = true;
    for (const char* unsupported : {"Auth", "RequestModel", "RequestParameters", "RouteSettings"}) {
        if (properties.contains(unsupported))
            expansion.warn(QStringLiteral("%1: %2 of the event %3 is not expanded").arg(SamExpansion::q(target.owner),
                                                                                      QString::fromLatin1(unsupported),
                                                                                      SamExpansion::q(name)));
    }
    const std::string apiType = api.empty() ? std::string() : expansion.sourceType(api);
    const bool known = apiType == (http ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api")
        || (apiType.empty() && api == (http ? "ServerlessHttpApi" : "ServerlessRestApi"));
    if (known) {
        expansion.addRoute(api, {path, method == "ANY" ? "x-amazon-apigateway-any-method" : SamExpansion::lower(method),
                                 operation});
        expansion.noteRoutedApi(api);
    } else {
        expansion.warn(QStringLiteral("%1: the event %2 names an API that is not a SAM API of this template; only the "
                                      "permission is written, the route is left to that API")
                           .arg(SamExpansion::q(target.owner), SamExpansion::q(name)));
    }
    if (target.stateMachine)
        return;
    const JsonTree apiReference = apiValue.is_null() ? SamExpansion::ref(api) : apiValue;
    std::string permission = id + "Permission";
    if (!http) {
        const JsonTree* entry = expansion.sourceEntry(api);
        const JsonTree stage = entry ? expansion.properties(api).value("StageName", JsonTree()) : JsonTree("Prod");
        permission += stage.is_string() ? stage.get<std::string>() : std::string();
    }
    addPermission(permission, target, "apigateway.amazonaws.com", executeApiArn(apiReference, method, path), expansion);
}

void expandLogs(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    const JsonTree group = properties.value("LogGroupName", JsonTree());
    addPermission(id + "Permission", target, "logs.amazonaws.com",
                  {{"Fn::Sub", JsonTree::array({"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                                                "${__LogGroupName__}:*",
                                                {{"__LogGroupName__", group}}})}},
                  expansion);
    expansion.add(id, "AWS::Logs::SubscriptionFilter",
                  {{"DestinationArn", target.arn}, {"FilterPattern", properties.value("FilterPattern", JsonTree(""))},
                   {"LogGroupName", group}},
                  target.owner);
    expansion.addDependency(id, id + "Permission");
}

void expandIot(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    JsonTree payload = {{"Sql", properties.value("Sql", JsonTree())}, {"RuleDisabled", false},
                        {"Actions", JsonTree::array({{{"Lambda", {{"FunctionArn", target.arn}}}}})}};
    if (properties.contains("AwsIotSqlVersion"))
        payload["AwsIotSqlVersion"] = properties["AwsIotSqlVersion"];
    expansion.add(id, "AWS::IoT::TopicRule", {{"TopicRulePayload", payload}}, target.owner);
    addPermission(id + "Permission", target, "iot.amazonaws.com", SamExpansion::ref("AWS::AccountId"), expansion,
                  "SourceAccount");
}

void expandCognito(const std::string& id, const JsonTree& properties, const Target& target, SamExpansion& expansion)
{
    const std::string pool = SamExpansion::referencedId(properties.value("UserPool", JsonTree()));
    if (pool.empty() || !expansion.hasOutput(pool)) {
        expansion.warn(QStringLiteral("%1: the Cognito event %2 must name a user pool defined before the function; "
                                      "left out")
                           .arg(SamExpansion::q(target.owner), SamExpansion::q(id)));
        return;
    }
    JsonTree& entry = expansion.output(pool);
    if (!entry.contains("Properties") || !entry["Properties"].is_object())
        entry["Properties"] = JsonTree::object();
    JsonTree& config = entry["Properties"]["LambdaConfig"];
    if (!config.is_object())
        config = JsonTree::object();
    const JsonTree triggers = properties.value("Trigger", JsonTree());
    for (const JsonTree& trigger : triggers.is_array() ? triggers : JsonTree::array({triggers})) {
        if (trigger.is_string())
            config[trigger.get<std::string>()] = target.arn;
    }
    addPermission(id + "Permission", target, "cognito-idp.amazonaws.com", SamExpansion::getAtt(pool, "Arn"), expansion);
}

} // namespace

void SamEventExpander::expand(const std::string& name, const JsonTree& event, const Target& target, SamExpansion& expansion)
{
    const std::string id = target.owner + name;
    const std::string type = event.is_object() && event.contains("Type") && event["Type"].is_string()
        ? event["Type"].get<std::string>()
        : std::string();
    const JsonTree properties = event.is_object() && event.contains("Properties") && event["Properties"].is_object()
        ? event["Properties"]
        : JsonTree::object();
    const bool function = !target.stateMachine;
    if (function
        && (type == "SQS" || type == "Kinesis" || type == "DynamoDB" || type == "MSK" || type == "MQ"
            || type == "SelfManagedKafka" || type == "DocumentDB"))
        expandPoller(id, type, properties, target, expansion);
    else if (function && type == "SNS")
        expandSns(id, properties, target, expansion);
    else if (type == "EventBridgeRule" || type == "CloudWatchEvent" || type == "Schedule")
        expandRule(id, type, properties, target, expansion);
    else if (type == "ScheduleV2")
        expandScheduleV2(id, properties, target, expansion);
    else if (function && type == "S3")
        expandS3(id, properties, target, expansion);
    else if (type == "Api" || type == "HttpApi")
        expandApi(name, id, type == "HttpApi", properties, target, expansion);
    else if (function && type == "CloudWatchLogs")
        expandLogs(id, properties, target, expansion);
    else if (function && type == "IoTRule")
        expandIot(id, properties, target, expansion);
    else if (function && type == "Cognito")
        expandCognito(id, properties, target, expansion);
    else if (function && type == "AlexaSkill")
        addPermission(id + "Permission", target, "alexa-appkit.amazon.com", properties.value("SkillId", JsonTree()),
                      expansion, "EventSourceToken");
    else {
        expansion.warn(QStringLiteral("%1: the event %2 of type '%3' is not expanded; it is kept in the resource's "
                                      "Metadata (TributaryUnexpandedEvents)")
                           .arg(SamExpansion::q(target.owner), SamExpansion::q(name), QString::fromStdString(type)));
        expansion.output(target.owner)["Metadata"]["TributaryUnexpandedEvents"][name] = event;
    }
}

} // namespace tributary
