// Payloads that change along the way: a function's SDK edge emits what the scenario says it sends
// (`overrides: {Fn: {emits: {Target: payload}}}`), downstream patterns see the emitted payload, a
// bus -> function -> bus loop stops, lists are emitted in turn, FIFO groups and stream shards are
// keyed by the emitted payload, and `emits` naming a resource without an SDK edge is refused.

#include "model/simulation/ScenarioError.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

// Step reacts to detail-type A on Bus and puts events on Bus; rules OnlyB and OnlyC feed a queue each.
QByteArray busLoop(const char* overrides)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: shop}
  Step:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Environment:
        Variables:
          BUS_EVENT_BUS_NAME: !Ref Bus
      Policies:
        - EventBridgePutEventsPolicy:
            EventBusName: !Ref Bus
      Events:
        OnA:
          Type: EventBridgeRule
          Properties:
            EventBusName: !Ref Bus
            Pattern:
              detail-type: [A]
  OnlyB:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        detail-type: [B]
      Targets:
        - Id: b
          Arn: !GetAtt BQueue.Arn
  OnlyC:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        detail-type: [C]
      Targets:
        - Id: c
          Arn: !GetAtt CQueue.Arn
  BQueue:
    Type: AWS::SQS::Queue
  CQueue:
    Type: AWS::SQS::Queue
Metadata:
  Tributary:
    simulation:
      durationSeconds: 30
      entries:
        - resource: Bus
          load: {shape: constant, ratePerSecond: 1}
          payload: {source: shop, detail-type: A, detail: {}}
)") + overrides;
}

// Front (invoked by the entry) sends to Target (given its environment variable and policy), a FIFO
// queue or a two-shard stream that Worker reads.
QByteArray frontTo(const char* targetType, const char* targetProperties, const char* variable, const char* policy,
                   const char* event, const char* emits)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Target:
    Type: )") + targetType + R"(
    Properties:
)" + targetProperties + R"(
  Front:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Environment:
        Variables:
          )" + variable + R"(: !Ref Target
      Policies:
)" + policy + R"(
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Timeout: 60
      Events:
        FromTarget:
)" + event + R"(
Metadata:
  Tributary:
    simulation:
      durationSeconds: 120
      entries:
        - resource: Front
          load: {shape: constant, ratePerSecond: 20}
      overrides:
        Front:
          emits:
            Target:
)" + emits;
}

// Two payloads emitted in turn: the first poisons whatever processes it.
const char* poisonThenGood = R"(              - {poison: true, detail: bad}
              - {detail: good}
)";

} // namespace

class TestPayloads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutEmitsTheIncomingPayloadLoops()
    {
        const JsonTree results = resultsFor(busLoop(""));
        // 29 entry events; Step puts each one back on the bus as A, which Step receives again.
        QVERIFY2(count(results, "Step", "invocations") > 100,
                 qPrintable(QString::number(count(results, "Step", "invocations"))));
        QCOMPARE(count(results, "BQueue", "received"), std::uint64_t(0));
    }

    void emitsChangeWhatDownstreamPatternsSee()
    {
        const JsonTree results = resultsFor(busLoop(R"(      overrides:
        Step:
          emits:
            Bus: {source: shop.step, detail-type: B, detail: {}}
)"));
        // The loop stops: Step runs once per entry event, and its emitted B reaches only OnlyB.
        QCOMPARE(results["entries"][0]["generated"].get<std::uint64_t>(), std::uint64_t(29));
        QCOMPARE(count(results, "Step", "invocations"), std::uint64_t(29));
        QCOMPARE(count(results, "OnlyB", "received"), std::uint64_t(29));
        QCOMPARE(count(results, "BQueue", "received"), std::uint64_t(29));
        QCOMPARE(count(results, "OnlyC", "received"), std::uint64_t(0));
        // The bus saw 29 As from outside and 29 Bs from Step.
        QCOMPARE(count(results, "Bus", "received"), std::uint64_t(58));
    }

    void aListOfPayloadsIsEmittedInTurn()
    {
        const JsonTree results = resultsFor(busLoop(R"(      overrides:
        Step:
          emits:
            Bus:
              - {source: shop.step, detail-type: B, detail: {}}
              - {source: shop.step, detail-type: C, detail: {}}
)"));
        QCOMPARE(count(results, "Step", "invocations"), std::uint64_t(29));
        QCOMPARE(count(results, "BQueue", "received"), std::uint64_t(15));
        QCOMPARE(count(results, "CQueue", "received"), std::uint64_t(14));
    }

    void emitsMustNameAnSdkTarget()
    {
        const char* wrong[][2] = {
            {"      overrides:\n        Step:\n          emits:\n            BQueue: {detail: x}\n",
             "simulation/overrides/Step/emits/BQueue"},
            {"      overrides:\n        Step:\n          emits: [Bus]\n", "simulation/overrides/Step/emits"},
            {"      overrides:\n        Step:\n          emits:\n            Bus: 3\n", "simulation/overrides/Step/emits/Bus"},
            {"      overrides:\n        Step:\n          emits:\n            Bus: {messageGroups: 0}\n",
             "simulation/overrides/Step/emits/Bus/messageGroups"},
        };
        for (const auto& [overrides, key] : wrong) {
            try {
                simulatorFor(busLoop(overrides));
                QFAIL(overrides);
            } catch (const ScenarioError& error) {
                QVERIFY2(error.message().contains(QLatin1String(key)), qPrintable(error.message()));
            }
        }
    }

    void fifoGroupsAreKeyedByTheEmittedPayload()
    {
        const JsonTree results = resultsFor(frontTo(
            "AWS::SQS::Queue", "      FifoQueue: true\n      VisibilityTimeout: 5\n", "TARGET_QUEUE_URL",
            "        - SQSSendMessagePolicy:\n            QueueName: !GetAtt Target.QueueName\n",
            "          Type: SQS\n          Properties:\n            Queue: !GetAtt Target.Arn\n            BatchSize: 1\n",
            poisonThenGood));
        // The poisoned payload's group is stuck behind its head; the other payload's group flows.
        const std::uint64_t sent = count(results, "Target", "received");
        QVERIFY(sent > 2000);
        const std::uint64_t deleted = count(results, "Target", "succeeded");
        QVERIFY2(deleted >= sent / 2 - 20 && deleted <= sent / 2, qPrintable(QString::number(deleted)));
    }

    void streamShardsAreKeyedByTheEmittedPayload()
    {
        // Payloads 1 and 2 (after the entry's 0) hash to shards 0 and 1 of two.
        const JsonTree results = resultsFor(frontTo(
            "AWS::Kinesis::Stream", "      ShardCount: 2\n", "TARGET_STREAM_NAME",
            "        - Statement:\n            - Effect: Allow\n              Action: ['kinesis:PutRecord']\n"
            "              Resource: !GetAtt Target.Arn\n",
            "          Type: Kinesis\n          Properties:\n            Stream: !GetAtt Target.Arn\n"
            "            StartingPosition: LATEST\n            BatchSize: 10\n",
            poisonThenGood));
        const JsonTree& consumer = results["resources"]["Target"]["consumers"]["Worker"];
        const std::uint64_t written = count(results, "Target", "received");
        QVERIFY(written > 2000);
        // Half the records wait behind the poison on its shard; the other shard keeps up (one batch
        // of at most 10 may be in flight at the end).
        const std::uint64_t waiting = consumer["waitingAtEnd"].get<std::uint64_t>();
        QVERIFY2(waiting >= written / 2 && waiting <= written / 2 + 11, qPrintable(QString::fromStdString(consumer.dump())));
    }
};

QTEST_GUILESS_MAIN(TestPayloads)
#include "tst_payloads.moc"
