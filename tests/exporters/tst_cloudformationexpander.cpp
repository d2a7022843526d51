#include "exporters/CloudFormationExpander.h"
#include "exporters/TemplateReader.h"
#include "model/MessageError.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace tributary;

#define COMPARE_TREE(actual, expected) \
    QCOMPARE(QString::fromStdString(JsonTree(actual).dump()), QString::fromStdString(JsonTree(expected).dump()))

namespace {

const char* const kHeader = "Transform: AWS::Serverless-2016-10-31\nResources:\n";

JsonTree yaml(const char* text)
{
    return YamlTreeReader::read(QByteArray(text), QStringLiteral("expected.yaml")).value;
}

CloudFormationExpander::Result expand(const char* resources)
{
    return CloudFormationExpander::expand(yaml((QByteArray(kHeader) + resources).constData()));
}

/** The Resources of the expansion of a template of resources; empty (failing the checks) when it warns or fails. */
JsonTree expandedResources(const char* resources)
{
    const CloudFormationExpander::Result result = expand(resources);
    if (!result.errors.isEmpty() || !result.warnings.isEmpty()) {
        qWarning() << "unexpected messages:" << result.errors << result.warnings;
        return JsonTree::object();
    }
    return result.tree.value("Resources", JsonTree::object());
}

QStringList idsOfType(const JsonTree& resources, const char* type)
{
    QStringList ids;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it.value().value("Type", "") == type)
            ids << QString::fromStdString(it.key());
    }
    return ids;
}

const char* const kFunction = R"(  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
)";

QByteArray functionWith(const char* more)
{
    return QByteArray(kFunction) + more;
}

} // namespace

/** Each family of SAM resources expanded as SAM would, checked against hand-written CloudFormation. */
class TestCloudFormationExpander : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void functionBecomesLambdaFunctionAndRole()
    {
        const CloudFormationExpander::Result result = CloudFormationExpander::expand(yaml(R"(
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 10
    Environment: {Variables: {STAGE: prod}}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      Environment: {Variables: {TABLE: t}}
      Tracing: Active
)"));
        QVERIFY(result.errors.isEmpty());
        QVERIFY(!result.tree.contains("Transform"));
        QVERIFY(!result.tree.contains("Globals"));
        const JsonTree& resources = result.tree["Resources"];
        COMPARE_TREE(resources["Fn"], yaml(R"(
Type: AWS::Lambda::Function
Properties:
  Code: {ZipFile: "def handler(e, c): pass"}
  Environment: {Variables: {STAGE: prod, TABLE: t}}
  Handler: index.handler
  Runtime: python3.12
  Timeout: 10
  Role: !GetAtt FnRole.Arn
  TracingConfig: {Mode: Active}
)"));
        COMPARE_TREE(resources["FnRole"], yaml(R"(
Type: AWS::IAM::Role
Properties:
  AssumeRolePolicyDocument:
    Version: '2012-10-17'
    Statement:
      - Action: [sts:AssumeRole]
        Effect: Allow
        Principal: {Service: [lambda.amazonaws.com]}
  ManagedPolicyArns:
    - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
    - !Sub arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess
)"));
    }

    void codeLocations()
    {
        JsonTree resources = expandedResources(R"(  S3:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: s3://bucket/path/code.zip}
  Map:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: {Bucket: b, Key: k, Version: v}}
  Image:
    Type: AWS::Serverless::Function
    Properties: {ImageUri: 1.dkr.ecr.us-east-1.amazonaws.com/repo:tag}
)");
        COMPARE_TREE(resources["S3"]["Properties"]["Code"], yaml("{S3Bucket: bucket, S3Key: path/code.zip}"));
        COMPARE_TREE(resources["Map"]["Properties"]["Code"], yaml("{S3Bucket: b, S3Key: k, S3ObjectVersion: v}"));
        COMPARE_TREE(resources["Image"]["Properties"]["Code"], yaml("{ImageUri: 1.dkr.ecr.us-east-1.amazonaws.com/repo:tag}"));
        COMPARE_TREE(resources["Image"]["Properties"]["PackageType"], "Image");

        const CloudFormationExpander::Result local
            = expand("  L:\n    Type: AWS::Serverless::Function\n    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: src/}\n");
        COMPARE_TREE(local.tree["Resources"]["L"]["Properties"]["Code"], "src/");
        QCOMPARE(local.warnings.size(), 1);
        QVERIFY(local.warnings.front().contains("local path"));
    }

    void policies()
    {
        const CloudFormationExpander::Result result = expand(functionWith(R"(      Policies:
        - AmazonS3ReadOnlyAccess
        - arn:aws:iam::123456789012:policy/Mine
        - SQSPollerPolicy: {QueueName: !GetAtt Q.QueueName}
        - CloudWatchPutMetricPolicy: {}
        - Statement: [{Effect: Allow, Action: s3:GetObject, Resource: '*'}]
        - NoSuchPolicy: {X: y}
  Q: {Type: AWS::SQS::Queue}
)").constData());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.front().contains("NoSuchPolicy"));
        const JsonTree& role = result.tree["Resources"]["FnRole"]["Properties"];
        COMPARE_TREE(role["ManagedPolicyArns"], yaml(R"(
- !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
- !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess
- arn:aws:iam::123456789012:policy/Mine
)"));
        QCOMPARE(role["Policies"].size(), 3u);
        COMPARE_TREE(role["Policies"][0], yaml(R"(
PolicyName: FnRolePolicy0
PolicyDocument:
  Version: '2012-10-17'
  Statement:
    - Effect: Allow
      Action: [sqs:ChangeMessageVisibility, sqs:ChangeMessageVisibilityBatch, sqs:DeleteMessage,
               sqs:DeleteMessageBatch, sqs:GetQueueAttributes, sqs:ReceiveMessage]
      Resource: !Sub ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}', {queueName: !GetAtt Q.QueueName}]
)"));
        COMPARE_TREE(role["Policies"][1]["PolicyDocument"]["Statement"][0]["Action"][0], "cloudwatch:PutMetricData");
        COMPARE_TREE(role["Policies"][2]["PolicyDocument"],
                     yaml("Statement: [{Effect: Allow, Action: s3:GetObject, Resource: '*'}]"));
    }

    void ownRoleIsKept()
    {
        const CloudFormationExpander::Result result = expand(functionWith("      Role: arn:aws:iam::1:role/r\n"
                                                                          "      Policies: [AmazonS3ReadOnlyAccess]\n")
                                                                 .constData());
        COMPARE_TREE(result.tree["Resources"]["Fn"]["Properties"]["Role"], "arn:aws:iam::1:role/r");
        QVERIFY(!result.tree["Resources"].contains("FnRole"));
        QCOMPARE(result.warnings.size(), 1);
    }

    void pollingEvents()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      Events:
        FromQueue: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn, BatchSize: 5}}
        FromStream:
          Type: Kinesis
          Properties:
            Stream: !GetAtt S.Arn
            StartingPosition: LATEST
            DestinationConfig: {OnFailure: {Type: SQS, Destination: !GetAtt Q.Arn}}
  Q: {Type: AWS::SQS::Queue}
  S: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
)").constData());
        COMPARE_TREE(resources["FnFromQueue"], yaml(R"(
Type: AWS::Lambda::EventSourceMapping
Properties: {EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref Fn, BatchSize: 5}
)"));
        COMPARE_TREE(resources["FnFromStream"]["Properties"], yaml(R"(
EventSourceArn: !GetAtt S.Arn
FunctionName: !Ref Fn
StartingPosition: LATEST
DestinationConfig: {OnFailure: {Destination: !GetAtt Q.Arn}}
)"));
        const JsonTree& role = resources["FnRole"]["Properties"];
        QCOMPARE(role["ManagedPolicyArns"].size(), 3u);
        COMPARE_TREE(role["ManagedPolicyArns"][1]["Fn::Sub"],
                 "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
        COMPARE_TREE(role["ManagedPolicyArns"][2]["Fn::Sub"],
                 "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole");
        COMPARE_TREE(role["Policies"][0]["PolicyName"], "FnFromStreamDestinationPolicy");
        COMPARE_TREE(role["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"], "sqs:SendMessage");
    }

    void snsEvent()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      Events:
        Note: {Type: SNS, Properties: {Topic: !Ref T, FilterPolicy: {kind: [a]}}}
  T: {Type: AWS::SNS::Topic}
)").constData());
        COMPARE_TREE(resources["FnNote"], yaml(R"(
Type: AWS::SNS::Subscription
Properties: {Protocol: lambda, Endpoint: !GetAtt Fn.Arn, TopicArn: !Ref T, FilterPolicy: {kind: [a]}}
)"));
        COMPARE_TREE(resources["FnNotePermission"], yaml(R"(
Type: AWS::Lambda::Permission
Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Fn, Principal: sns.amazonaws.com, SourceArn: !Ref T}
)"));
    }

    void ruleEvents()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      Events:
        Orders: {Type: EventBridgeRule, Properties: {EventBusName: bus, Pattern: {source: [shop]}}}
        Tick: {Type: Schedule, Properties: {Schedule: rate(1 minute), Enabled: false}}
)").constData());
        COMPARE_TREE(resources["FnOrders"], yaml(R"(
Type: AWS::Events::Rule
Properties:
  EventPattern: {source: [shop]}
  EventBusName: bus
  Targets: [{Arn: !GetAtt Fn.Arn, Id: FnOrdersLambdaTarget}]
)"));
        COMPARE_TREE(resources["FnOrdersPermission"]["Properties"]["SourceArn"], yaml("!GetAtt FnOrders.Arn"));
        COMPARE_TREE(resources["FnTick"]["Properties"], yaml(R"(
ScheduleExpression: rate(1 minute)
State: DISABLED
Targets: [{Arn: !GetAtt Fn.Arn, Id: FnTickLambdaTarget}]
)"));
        COMPARE_TREE(resources["FnTickPermission"]["Properties"]["Principal"], "events.amazonaws.com");
    }

    void scheduleV2()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      Events:
        Nightly: {Type: ScheduleV2, Properties: {ScheduleExpression: 'cron(0 2 * * ? *)'}}
)").constData());
        COMPARE_TREE(resources["FnNightly"], yaml(R"(
Type: AWS::Scheduler::Schedule
Properties:
  ScheduleExpression: cron(0 2 * * ? *)
  FlexibleTimeWindow: {Mode: 'OFF'}
  Name: FnNightly
  Target: {Arn: !GetAtt Fn.Arn, RoleArn: !GetAtt FnNightlyRole.Arn}
)"));
        COMPARE_TREE(resources["FnNightlyRole"]["Type"], "AWS::IAM::Role");
        COMPARE_TREE(resources["FnNightlyRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"][0],
                 "scheduler.amazonaws.com");
    }

    void s3Event()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      Events:
        Upload: {Type: S3, Properties: {Bucket: !Ref B, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*']}}
  B: {Type: AWS::S3::Bucket}
)").constData());
        COMPARE_TREE(resources["B"], yaml(R"(
Type: AWS::S3::Bucket
Properties:
  NotificationConfiguration:
    LambdaConfigurations:
      - {Event: 's3:ObjectCreated:*', Function: !GetAtt Fn.Arn}
      - {Event: 's3:ObjectRemoved:*', Function: !GetAtt Fn.Arn}
DependsOn: [FnUploadPermission]
)"));
        COMPARE_TREE(resources["FnUploadPermission"]["Properties"]["Principal"], "s3.amazonaws.com");
    }

    void httpApis()
    {
        const JsonTree resources = expandedResources(R"(  Api: {Type: AWS::Serverless::HttpApi, Properties: {StageName: v1}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        Post: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /orders, Method: post}}
        Any: {Type: HttpApi}
)");
        const JsonTree& paths = resources["Api"]["Properties"]["Body"]["paths"];
        COMPARE_TREE(paths["/orders"]["post"]["x-amazon-apigateway-integration"], yaml(R"(
httpMethod: POST
type: aws_proxy
uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
payloadFormatVersion: '2.0'
)"));
        COMPARE_TREE(resources["Apiv1Stage"]["Properties"], yaml("{ApiId: !Ref Api, StageName: v1, AutoDeploy: true}"));
        COMPARE_TREE(resources["ServerlessHttpApi"]["Type"], "AWS::ApiGatewayV2::Api");
        QVERIFY(resources["ServerlessHttpApi"]["Properties"]["Body"]["paths"]["$default"].contains(
            "x-amazon-apigateway-any-method"));
        COMPARE_TREE(resources["ServerlessHttpApiApiGatewayDefaultStage"]["Properties"]["StageName"], "$default");
        COMPARE_TREE(resources["FnPostPermission"]["Properties"]["SourceArn"], yaml(R"(
!Sub
  - arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/POST/orders
  - {__ApiId__: !Ref Api, __Stage__: '*'}
)"));
    }

    void restApi()
    {
        const CloudFormationExpander::Result result = CloudFormationExpander::expand(yaml(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        Get: {Type: Api, Properties: {Path: '/items/{id}', Method: get}}
Outputs:
  Url: {Value: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod'}
)"));
        const JsonTree& resources = result.tree["Resources"];
        QCOMPARE(idsOfType(resources, "AWS::ApiGateway::RestApi"), QStringList{QStringLiteral("ServerlessRestApi")});
        QCOMPARE(idsOfType(resources, "AWS::ApiGateway::Stage"), QStringList{QStringLiteral("ServerlessRestApiProdStage")});
        const QStringList deployments = idsOfType(resources, "AWS::ApiGateway::Deployment");
        QCOMPARE(deployments.size(), 1);
        QVERIFY(deployments.front().startsWith(QStringLiteral("ServerlessRestApiDeployment")));
        COMPARE_TREE(resources["ServerlessRestApiProdStage"]["Properties"]["DeploymentId"],
                     JsonTree({{"Ref", deployments.front().toStdString()}}));
        QVERIFY(resources["ServerlessRestApi"]["Properties"]["Body"]["paths"]["/items/{id}"].contains("get"));
        QVERIFY(resources.contains("FnGetPermissionProd"));
        QVERIFY(resources["FnGetPermissionProd"]["Properties"]["SourceArn"]["Fn::Sub"][0].get<std::string>().find(
                    "/GET/items/*")
                != std::string::npos);
    }

    void restApiCors()
    {
        const JsonTree resources = expandedResources(R"(  Api: {Type: AWS::Serverless::Api, Properties: {StageName: v1, Cors: "'*'"}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /items, Method: get}}
)");
        const JsonTree& options = resources["Api"]["Properties"]["Body"]["paths"]["/items"]["options"];
        const JsonTree& parameters = options["x-amazon-apigateway-integration"]["responses"]["default"]["responseParameters"];
        COMPARE_TREE(options["x-amazon-apigateway-integration"]["type"], "mock");
        COMPARE_TREE(parameters["method.response.header.Access-Control-Allow-Origin"], "'*'");
        COMPARE_TREE(parameters["method.response.header.Access-Control-Allow-Methods"], "'GET,OPTIONS'");
        QVERIFY(resources.contains("Apiv1Stage"));
        QVERIFY(resources.contains("FnGetPermissionv1"));
    }

    void aliasVersionAndDestinations()
    {
        const CloudFormationExpander::Result result = CloudFormationExpander::expand(yaml(R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Q: {Type: AWS::SQS::Queue}
  T: {Type: AWS::SNS::Topic}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      AutoPublishAlias: live
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt Q.Arn}
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig: {OnFailure: {Type: SNS, Destination: !Ref T}}
      Events:
        Note: {Type: SNS, Properties: {Topic: !Ref T}}
Outputs:
  Live: {Value: !Ref Fn.Alias}
)"));
        const JsonTree& resources = result.tree["Resources"];
        QCOMPARE(idsOfType(resources, "AWS::Lambda::Alias"), QStringList{QStringLiteral("FnAliaslive")});
        const QStringList versions = idsOfType(resources, "AWS::Lambda::Version");
        QCOMPARE(versions.size(), 1);
        COMPARE_TREE(resources[versions.front().toStdString()]["DeletionPolicy"], "Retain");
        COMPARE_TREE(resources["FnAliaslive"]["Properties"]["FunctionVersion"],
                     JsonTree({{"Fn::GetAtt", {versions.front().toStdString(), "Version"}}}));
        COMPARE_TREE(result.tree["Outputs"]["Live"]["Value"], yaml("!Ref FnAliaslive"));
        COMPARE_TREE(resources["FnNote"]["Properties"]["Endpoint"], yaml("!Ref FnAliaslive"));
        COMPARE_TREE(resources["Fn"]["Properties"]["DeadLetterConfig"], yaml("{TargetArn: !GetAtt Q.Arn}"));
        COMPARE_TREE(resources["FnEventInvokeConfig"]["Properties"], yaml(R"(
FunctionName: !Ref Fn
Qualifier: live
MaximumRetryAttempts: 1
DestinationConfig: {OnFailure: {Destination: !Ref T}}
)"));
        const JsonTree& policies = resources["FnRole"]["Properties"]["Policies"];
        QCOMPARE(policies.size(), 2u);
        COMPARE_TREE(policies[0]["PolicyDocument"]["Statement"][0]["Action"], "sqs:SendMessage");
        COMPARE_TREE(policies[1]["PolicyDocument"]["Statement"][0]["Action"], "sns:Publish");
    }

    void stateMachine()
    {
        const JsonTree resources = expandedResources(R"(  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A: {Type: Task, Resource: '${FnArn}', Next: B}
          B: {Type: Task, Resource: !GetAtt Other.Arn, Parameters: {'x.$': '${literal}'}, End: true}
      DefinitionSubstitutions: {FnArn: !GetAtt Other.Arn}
      Policies: [LambdaInvokePolicy: {FunctionName: !Ref Other}]
      Events:
        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
  Other: {Type: AWS::Lambda::Function}
)");
        const JsonTree& machine = resources["Flow"]["Properties"];
        const JsonTree& sub = machine["DefinitionString"]["Fn::Sub"];
        const std::string text = sub[0].get<std::string>();
        QVERIFY(text.find("\"Resource\": \"${FnArn}\"") != std::string::npos);
        QVERIFY(text.find("\"Resource\": \"${__Value1__}\"") != std::string::npos);
        QVERIFY(text.find("${!literal}") != std::string::npos);
        COMPARE_TREE(sub[1], yaml("{FnArn: !GetAtt Other.Arn, __Value1__: !GetAtt Other.Arn}"));
        COMPARE_TREE(machine["RoleArn"], yaml("!GetAtt FlowRole.Arn"));
        COMPARE_TREE(resources["FlowRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"][0],
                 "lambda:InvokeFunction");
        COMPARE_TREE(resources["FlowNightly"]["Properties"]["Targets"], yaml(R"(
- {Arn: !Ref Flow, Id: FlowNightlyStepFunctionsTarget, RoleArn: !GetAtt FlowNightlyRole.Arn}
)"));
        COMPARE_TREE(resources["FlowNightlyRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"],
                 "states:StartExecution");
    }

    void stateMachineApiRoute()
    {
        const JsonTree resources = expandedResources(R"(  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
      Events:
        Start: {Type: Api, Properties: {Path: /start, Method: post}}
)");
        const JsonTree& operation = resources["ServerlessRestApi"]["Properties"]["Body"]["paths"]["/start"]["post"];
        const JsonTree& integration = operation["x-amazon-apigateway-integration"];
        COMPARE_TREE(integration["type"], "aws");
        COMPARE_TREE(integration["credentials"], yaml("!GetAtt FlowStartRole.Arn"));
        QVERIFY(integration["requestTemplates"]["application/json"]["Fn::Sub"].get<std::string>().find("${Flow}")
                != std::string::npos);
        COMPARE_TREE(resources["FlowStartRole"]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
                     yaml("{Service: [apigateway.amazonaws.com]}"));
        QVERIFY(idsOfType(resources, "AWS::Lambda::Permission").isEmpty());
    }

    void createdDestinationsAndPolledConnectors()
    {
        const JsonTree resources = expandedResources(functionWith(R"(      EventInvokeConfig:
        DestinationConfig: {OnFailure: {Type: SQS}}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      StreamSpecification: {StreamViewType: NEW_IMAGE}
  TableToFn:
    Type: AWS::Serverless::Connector
    Properties: {Source: {Id: Table}, Destination: {Id: Fn}, Permissions: [Read]}
)").constData());
        COMPARE_TREE(resources["FnEventInvokeConfigOnFailureQueue"]["Type"], "AWS::SQS::Queue");
        COMPARE_TREE(resources["FnEventInvokeConfig"]["Properties"]["DestinationConfig"]["OnFailure"]["Destination"],
                     yaml("!GetAtt FnEventInvokeConfigOnFailureQueue.Arn"));
        COMPARE_TREE(resources["TableToFnPolicy"]["Properties"]["Roles"], yaml("[!Ref FnRole]"));
        COMPARE_TREE(resources["TableToFnPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Resource"],
                     yaml("[!GetAtt Table.StreamArn]"));
    }

    void tableLayerAndApplication()
    {
        const JsonTree resources = expandedResources(R"(  Table: {Type: AWS::Serverless::SimpleTable, Properties: {PrimaryKey: {Name: pk, Type: Number}}}
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties: {ContentUri: s3://b/layer.zip, CompatibleRuntimes: [python3.12], RetentionPolicy: Retain}
  Nested: {Type: AWS::Serverless::Application, Properties: {Location: 'https://s3.amazonaws.com/b/t.yaml'}}
)");
        COMPARE_TREE(resources["Table"], yaml(R"(
Type: AWS::DynamoDB::Table
Properties:
  AttributeDefinitions: [{AttributeName: pk, AttributeType: N}]
  KeySchema: [{AttributeName: pk, KeyType: HASH}]
  BillingMode: PAY_PER_REQUEST
)"));
        COMPARE_TREE(resources["Layer"], yaml(R"(
Type: AWS::Lambda::LayerVersion
Properties: {Content: {S3Bucket: b, S3Key: layer.zip}, CompatibleRuntimes: [python3.12]}
DeletionPolicy: Retain
)"));
        COMPARE_TREE(resources["Nested"], yaml(R"(
Type: AWS::CloudFormation::Stack
Properties: {TemplateURL: 'https://s3.amazonaws.com/b/t.yaml'}
)"));

        const CloudFormationExpander::Result refused = expand(
            "  App:\n    Type: AWS::Serverless::Application\n"
            "    Properties: {Location: {ApplicationId: arn:aws:serverlessrepo:us-east-1:1:applications/x, "
            "SemanticVersion: 1.0.0}}\n"
            "  Graph: {Type: AWS::Serverless::GraphQLApi}\n");
        QCOMPARE(refused.errors.size(), 2);
        QVERIFY(refused.errors[0].startsWith(QStringLiteral("App: ")));
        QVERIFY(refused.errors[1].contains(QStringLiteral("AWS::Serverless::GraphQLApi")));
    }

    void connectors()
    {
        const JsonTree resources = expandedResources(functionWith(R"(    Connectors:
      ToTable: {Properties: {Destination: {Id: Table}, Permissions: [Read]}}
  Q: {Type: AWS::SQS::Queue}
  T: {Type: AWS::SNS::Topic}
  Table: {Type: AWS::Serverless::SimpleTable}
  FnToQueue:
    Type: AWS::Serverless::Connector
    Properties: {Source: {Id: Fn}, Destination: {Id: Q}, Permissions: [Write]}
  TopicToQueue:
    Type: AWS::Serverless::Connector
    Properties: {Source: {Id: T}, Destination: {Id: Q}, Permissions: [Write]}
)").constData());
        COMPARE_TREE(resources["FnToQueuePolicy"], yaml(R"(
Type: AWS::IAM::ManagedPolicy
Properties:
  PolicyDocument:
    Version: '2012-10-17'
    Statement:
      - Effect: Allow
        Action: [sqs:DeleteMessage, sqs:SendMessage, sqs:ChangeMessageVisibility, sqs:PurgeQueue]
        Resource: [!GetAtt Q.Arn]
  Roles: [!Ref FnRole]
)"));
        COMPARE_TREE(resources["FnToTablePolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Action"][0], "dynamodb:GetItem");
        const JsonTree& queuePolicy = resources["TopicToQueueQueuePolicy"];
        COMPARE_TREE(queuePolicy["Type"], "AWS::SQS::QueuePolicy");
        COMPARE_TREE(queuePolicy["Properties"]["PolicyDocument"]["Statement"][0]["Condition"],
                     yaml("{ArnEquals: {'aws:SourceArn': !Ref T}}"));
        QVERIFY(!resources["Fn"].contains("Connectors"));
        QVERIFY(!resources.contains("FnToQueue"));
    }

    void sectionsAndAttributesCarriedThrough()
    {
        const CloudFormationExpander::Result result = CloudFormationExpander::expand(yaml(R"(
AWSTemplateFormatVersion: '2010-09-09'
Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
Parameters: {Env: {Type: String}}
Conditions: {IsProd: !Equals [!Ref Env, prod]}
Mappings: {M: {a: {b: c}}}
Resources:
  Q: {Type: AWS::SQS::Queue, DeletionPolicy: Retain}
  Fn:
    Type: AWS::Serverless::Function
    Condition: IsProd
    DependsOn: Q
    DeletionPolicy: Retain
    Metadata: {Note: kept}
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        FromQueue: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
Outputs:
  Arn: {Value: !GetAtt Fn.Arn, Condition: IsProd}
)"));
        QVERIFY(result.errors.isEmpty());
        COMPARE_TREE(result.tree["Transform"], "AWS::LanguageExtensions");
        for (const char* section : {"AWSTemplateFormatVersion", "Parameters", "Conditions", "Mappings", "Outputs"})
            QVERIFY2(result.tree.contains(section), section);
        const JsonTree& resources = result.tree["Resources"];
        COMPARE_TREE(resources["Q"], yaml("{Type: AWS::SQS::Queue, DeletionPolicy: Retain}"));
        const JsonTree& function = resources["Fn"];
        COMPARE_TREE(function["Condition"], "IsProd");
        COMPARE_TREE(function["DependsOn"], "Q");
        COMPARE_TREE(function["DeletionPolicy"], "Retain");
        COMPARE_TREE(function["Metadata"]["Note"], "kept");
        COMPARE_TREE(resources["FnRole"]["Condition"], "IsProd");
        COMPARE_TREE(resources["FnFromQueue"]["Condition"], "IsProd");
        COMPARE_TREE(result.tree["Outputs"]["Arn"]["Value"], yaml("!GetAtt Fn.Arn"));
    }

    void unknownEventIsKeptWithWarning()
    {
        const CloudFormationExpander::Result result
            = expand(functionWith("      Events:\n        Odd: {Type: SomethingNew, Properties: {A: b}}\n").constData());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.front().contains(QStringLiteral("SomethingNew")));
        COMPARE_TREE(result.tree["Resources"]["Fn"]["Metadata"]["TributaryUnexpandedEvents"]["Odd"],
                     yaml("{Type: SomethingNew, Properties: {A: b}}"));
    }

    void plainTemplateIsUnchanged()
    {
        const JsonTree plain = yaml("Resources:\n  Q: {Type: AWS::SQS::Queue}\nOutputs:\n  U: {Value: !Ref Q}\n");
        const CloudFormationExpander::Result result = CloudFormationExpander::expand(plain);
        COMPARE_TREE(result.tree, plain);
        QVERIFY(result.warnings.isEmpty() && result.errors.isEmpty());
    }

    /**
     * Every corpus template the reader accepts expands without a crash, and what expands has no
     * SAM left: no SAM transform, no Globals, no AWS::Serverless:: type.
     */
    void corpusExpandsToPlainCloudFormation()
    {
        const QString root = QStringLiteral(TRIBUTARY_CORPUS_DIR);
        if (!QDir(root + QStringLiteral("/serverless-patterns")).exists())
            QSKIP("the corpus is not beside the checkout");
        int read = 0;
        int expanded = 0;
        QStringList leftovers;
        for (const QString& folder : {QStringLiteral("serverless-patterns"), QStringLiteral("sam-translator")}) {
            QDirIterator it(root + QLatin1Char('/') + folder,
                            {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                Architecture architecture;
                try {
                    architecture = TemplateReader::read(path, Catalogue::builtIn(), nullptr);
                } catch (const TreeParseError&) {
                    continue;
                } catch (const MessageError&) {
                    continue;
                }
                ++read;
                const CloudFormationExpander::Result result = CloudFormationExpander::toTree(architecture);
                if (!result.errors.isEmpty())
                    continue;
                ++expanded;
                const QByteArray text = QByteArray::fromStdString(result.tree.dump());
                if (text.contains("AWS::Serverless-2016-10-31") || result.tree.contains("Globals")
                    || text.contains("\"Type\":\"AWS::Serverless::"))
                    leftovers << it.fileName();
            }
        }
        qInfo("plain CloudFormation: %d of %d corpus templates read expand without error", expanded, read);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QStringLiteral(", "))));
        QVERIFY(read > 300);
        QVERIFY(expanded >= read * 9 / 10);
    }

    void writesTheArchitectureInItsStyle()
    {
        const Architecture architecture = TemplateReader::read(
            QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml"), Catalogue::builtIn(), nullptr);
        CloudFormationExpander::Result result;
        const QByteArray yamlText = CloudFormationExpander::write(architecture, TemplateStyle::Format::Yaml, &result);
        QVERIFY(result.errors.isEmpty());
        QVERIFY(!yamlText.contains("Transform"));
        QVERIFY(yamlText.contains("Role: !GetAtt AcceptOrderRole.Arn"));
        QVERIFY(yamlText.contains("Type: AWS::Lambda::EventSourceMapping"));
        COMPARE_TREE(YamlTreeReader::read(yamlText, QStringLiteral("out.yaml")).value, result.tree);
        const QByteArray jsonText = CloudFormationExpander::write(architecture, TemplateStyle::Format::Json);
        QVERIFY(jsonText.startsWith("{"));
        QVERIFY(jsonText.contains("\"Fn::GetAtt\""));
    }
};

QTEST_GUILESS_MAIN(TestCloudFormationExpander)
#include "tst_cloudformationexpander.moc"
