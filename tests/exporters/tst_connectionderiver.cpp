#include "exporters/ConnectionDeriver.h"
#include "exporters/TemplateReader.h"
#include "model/Document.h"
#include "model/commands/DisconnectCommand.h"
#include "model/catalogue/Catalogue.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tributary;

/** Each way templates wire services becomes the right connection, with the parts that realise it. */
class TestConnectionDeriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;

    Architecture read(const char* yaml, QStringList* warnings = nullptr)
    {
        const QString path = m_directory.filePath(QStringLiteral("template.yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the fixture");
        file.write("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        file.write(yaml);
        file.close();
        return TemplateReader::read(path, Catalogue::builtIn(), warnings);
    }

    static QStringList edges(const Architecture& architecture)
    {
        QStringList list;
        for (const Connection& connection : architecture.connections())
            list.append(connection.source + QLatin1Char('>') + connection.target + QLatin1Char(':') + connection.rule);
        return list;
    }

    static const Connection& only(const Architecture& architecture, const QString& rule)
    {
        for (const Connection& connection : architecture.connections()) {
            if (connection.rule == rule)
                return connection;
        }
        qFatal("no connection of that rule");
    }

private Q_SLOTS:
    void samSqsEventIsAQueueTrigger()
    {
        const Architecture a = read(R"(
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      Events:
        FromJobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
            BatchSize: 25
            MaximumBatchingWindowInSeconds: 5
)");
        QCOMPARE(edges(a), QStringList({"Jobs>Worker:queueToFunction"}));
        const Connection& edge = a.connections().front();
        QCOMPARE(edge.id, QStringLiteral("FromJobs"));
        QCOMPARE(edge.properties.value("BatchSize", 0), 25);
        QCOMPARE(edge.properties.value("MaximumBatchingWindowInSeconds", 0), 5);
        QCOMPARE(edge.parts, JsonTree::parse(R"([{"resource": "Worker", "path": "/Events/FromJobs"}])"));
    }

    void eventSourceMappingIsAQueueTriggerAndHidden()
    {
        const Architecture a = read(R"(
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: {ZipFile: "def handler(e, c): pass"}
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Jobs.Arn
      FunctionName: !Ref Worker
      BatchSize: 7
)");
        QCOMPARE(edges(a), QStringList({"Jobs>Worker:queueToFunction"}));
        QCOMPARE(a.connections().front().properties.value("BatchSize", 0), 7);
        QCOMPARE(a.connections().front().parts, JsonTree::parse(R"([{"resource": "Mapping"}])"));
        QCOMPARE(a.carrierIds(), QSet<QString>({QStringLiteral("Mapping")}));
    }

    void subscriptionResourceAndQueuePolicyRealiseTopicToQueue()
    {
        QStringList warnings;
        const Architecture a = read(R"(
  Topic:
    Type: AWS::SNS::Topic
  Queue:
    Type: AWS::SQS::Queue
  Subscription:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Topic
      Protocol: sqs
      Endpoint: !GetAtt Queue.Arn
      RawMessageDelivery: true
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: sns.amazonaws.com}
            Action: SQS:SendMessage
            Resource: !GetAtt Queue.Arn
            Condition: {ArnEquals: {aws:SourceArn: !Ref Topic}}
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties: {Namespace: AWS/SQS, MetricName: ApproximateNumberOfMessagesVisible}
)", &warnings);
        QCOMPARE(edges(a), QStringList({"Topic>Queue:topicToQueue"}));
        QCOMPARE(a.connections().front().parts,
                 JsonTree::parse(R"([{"resource": "Subscription"}, {"resource": "Policy"}])"));
        QCOMPARE(a.connections().front().properties.value("RawMessageDelivery", false), true);
        // The subscription and the policy are generic resources too, but exist only for the edge: not warned.
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(QStringLiteral(":26:3: 'Alarm' is of type AWS::CloudWatch::Alarm")),
                 qPrintable(warnings[0]));
    }

    void inlineSubscriptionIsTopicToFunction()
    {
        const Architecture a = read(R"(
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: lambda
          Endpoint: !GetAtt Handler.Arn
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
)");
        QCOMPARE(edges(a), QStringList({"Topic>Handler:topicToFunction"}));
        QCOMPARE(a.connections().front().parts, JsonTree::parse(R"([{"resource": "Topic", "path": "/Subscription/0"}])"));
    }

    void eventInvokeConfigIsAnOnFailureDestination()
    {
        const Architecture a = read(R"(
  Failures:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
  InvokeConfig:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Worker
      Qualifier: $LATEST
      DestinationConfig:
        OnFailure:
          Destination: !GetAtt Failures.Arn
)");
        QCOMPARE(edges(a), QStringList({"Worker>Failures:functionOnFailureToQueue"}));
    }

    void ruleTargetWithPermission()
    {
        const Architecture a = read(R"(
  Rule:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: {source: [shop.orders]}
      Targets:
        - Id: Handle
          Arn: !GetAtt Handler.Arn
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
  Allow:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Handler
      Principal: events.amazonaws.com
      SourceArn: !GetAtt Rule.Arn
)");
        QCOMPARE(edges(a), QStringList({"Rule>Handler:eventRuleToFunction"}));
        QCOMPARE(a.connections().front().parts,
                 JsonTree::parse(R"([{"resource": "Rule", "path": "/Targets/0"}, {"resource": "Allow"}])"));
    }

    void policyWithEnvironmentVariableIsAnSdkCall()
    {
        const Architecture a = read(R"(
  Outbox:
    Type: AWS::SQS::Queue
  Sender:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      Environment:
        Variables:
          OUTBOX: !Ref Outbox
      Policies:
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Outbox.QueueName
)");
        QCOMPARE(edges(a), QStringList({"Sender>Outbox:functionSendsToQueue"}));
        const JsonTree& parts = a.connections().front().parts;
        QCOMPARE(parts.size(), std::size_t(2));
        const auto hasPart = [&parts](const char* part) {
            return std::find(parts.begin(), parts.end(), JsonTree::parse(part)) != parts.end();
        };
        QVERIFY(hasPart(R"({"resource": "Sender", "path": "/Policies/0"})"));
        QVERIFY(hasPart(R"({"resource": "Sender", "path": "/Environment/Variables/OUTBOX"})"));
    }

    void policyAloneIsOnlyAReference()
    {
        const Architecture a = read(R"(
  Outbox:
    Type: AWS::SQS::Queue
  Sender:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      Policies:
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Outbox.QueueName
)");
        QCOMPARE(edges(a), QStringList({"Sender>Outbox:reference"}));
    }

    void connectorIsAnSdkCall()
    {
        const Architecture a = read(R"(
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Writer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
  WriterToOrders:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Writer}
      Destination: {Id: Orders}
      Permissions: [Write]
)");
        QCOMPARE(edges(a), QStringList({"Writer>Orders:functionAccessesTable"}));
        QCOMPARE(a.carrierIds(), QSet<QString>({QStringLiteral("WriterToOrders")}));
    }

    void aDefinitionNamingSeveralResourcesIsATaskEdgeToEach()
    {
        const Architecture a = read(R"(
  One:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
  Two:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
  Done:
    Type: AWS::SQS::Queue
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/machine
      DefinitionString: !Sub |
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "${One.Arn}", "Next": "B"},
          "B": {"Type": "Task", "Resource": "${Two.Arn}", "Next": "C"},
          "C": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                "Parameters": {"QueueUrl": "${Done}", "MessageBody.$": "$"}, "End": true}}}
)");
        QCOMPARE(edges(a), QStringList({"Machine>One:stateMachineToFunction", "Machine>Two:stateMachineToFunction",
                                        "Machine>Done:stateMachineToQueue"}));
        // The definition is read, not owned: each edge keeps it.
        QCOMPARE(only(a, QStringLiteral("stateMachineToQueue")).parts,
                 JsonTree::parse(R"([{"resource": "Machine", "path": "/DefinitionString", "keep": true}])"));
        Document document(Catalogue::builtIn());
        document.resetArchitecture(a);
        const JsonTree definition = a.resource(QStringLiteral("Machine"))->properties;
        // Even with every edge it names gone, the definition stays.
        QStringList ids;
        for (const Connection& connection : a.connections())
            ids.append(connection.id);
        QVERIFY(document.push(new DisconnectCommand(&document, ids)).isEmpty());
        QVERIFY(document.architecture().connections().empty());
        QVERIFY(document.architecture().resource(QStringLiteral("Machine"))->properties == definition);
    }

    void remainingReferencesAndDependsOn()
    {
        const Architecture a = read(R"(
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {Version: '2012-10-17', Statement: []}
  Queue:
    Type: AWS::SQS::Queue
    DependsOn: [Key]
    Properties:
      KmsMasterKeyId: !Ref Key
      QueueName: !Sub '${AWS::StackName}-${Queue2}-x'
  Queue2:
    Type: AWS::SQS::Queue
    DependsOn: Queue2
)");
        QCOMPARE(edges(a), QStringList({"Queue>Key:reference", "Queue>Queue2:reference", "Queue>Key:dependency"}));
        QVERIFY(a.connections().front().parts.empty());
    }

    void derivationIsDeterministic()
    {
        const Architecture a = read(R"(
  Topic:
    Type: AWS::SNS::Topic
  A:
    Type: AWS::SQS::Queue
  B:
    Type: AWS::SQS::Queue
  SubA:
    Type: AWS::SNS::Subscription
    Properties: {TopicArn: !Ref Topic, Protocol: sqs, Endpoint: !GetAtt A.Arn}
  SubB:
    Type: AWS::SNS::Subscription
    Properties: {TopicArn: !Ref Topic, Protocol: sqs, Endpoint: !GetAtt B.Arn}
)");
        const auto again = ConnectionDeriver::derive(a, Catalogue::builtIn());
        QCOMPARE(again.size(), a.connections().size());
        for (std::size_t i = 0; i < again.size(); ++i)
            QVERIFY(again[i] == a.connections()[i]);
        QCOMPARE(edges(a), QStringList({"Topic>A:topicToQueue", "Topic>B:topicToQueue"}));
    }

    void theBuiltInExampleIsFullyWired()
    {
        const Architecture a = TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"), Catalogue::builtIn(), nullptr);
        QStringList found = edges(a);
        found.sort();
        QCOMPARE(found, QStringList({"AcceptOrder>OrdersQueue:functionSendsToQueue",
                                     "OrdersApi>AcceptOrder:httpApiToFunction",
                                     "OrdersQueue>OrdersDeadLetterQueue:queueDeadLetterToQueue",
                                     "OrdersQueue>StoreOrders:queueToFunction",
                                     "StoreOrders>OrdersTable:functionAccessesTable"}));
    }
};

QTEST_GUILESS_MAIN(TestConnectionDeriver)
#include "tst_connectionderiver.moc"
