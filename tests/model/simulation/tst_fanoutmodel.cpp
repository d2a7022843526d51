// Topics and rules: refused deliveries are retried by the service's policy, then go to the
// target's dead-letter queue (an SNS subscription's RedrivePolicy, a rule target's
// DeadLetterConfig), found through its ARN reference, or are dropped when there is none.

#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

// Ten messages published at 1 s to a topic with two queue subscriptions: Down is out for the whole
// run, Up is not. SNS's policy is cut to 3 immediate, 2 pre-backoff and 10 backoff retries.
QByteArray topicTemplate(const char* downSubscriptionExtra)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::SNS::Topic
  Up:
    Type: AWS::SQS::Queue
  Down:
    Type: AWS::SQS::Queue
  Dlq:
    Type: AWS::SQS::Queue
  UpSubscription:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Orders
      Protocol: sqs
      Endpoint: !GetAtt Up.Arn
  DownSubscription:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Orders
      Protocol: sqs
      Endpoint: !GetAtt Down.Arn
)") + downSubscriptionExtra + R"(
Metadata:
  Tributary:
    simulation:
      durationSeconds: 600
      entries:
        - resource: Orders
          load: {shape: burst, count: 10, atSeconds: 1}
      overrides:
        Orders: {retryPostBackoff: 0}
      failures:
        - {resource: Down, outage: true}
)";
}

// SNS's attempts with the policy above: the first and 3 + 2 + 10 retries.
constexpr std::uint64_t snsAttempts = 16;

QByteArray ruleTemplate(int maximumRetryAttempts)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Target:
    Type: AWS::SQS::Queue
  Dlq:
    Type: AWS::SQS::Queue
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: {source: [com.example]}
      Targets:
        - Id: target
          Arn: !GetAtt Target.Arn
          RetryPolicy:
            MaximumRetryAttempts: )") + QByteArray::number(maximumRetryAttempts) + R"(
          DeadLetterConfig:
            Arn: !Sub '${Dlq.Arn}'
Metadata:
  Tributary:
    simulation:
      durationSeconds: 7200
      entries:
        - resource: Nightly
          load: {shape: burst, count: 4, atSeconds: 1}
      failures:
        - {resource: Target, outage: true}
)";
}

const char* downRedrive = R"(      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
)";

} // namespace

class TestFanOutModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriptionDeadLettersAfterSnsRetries()
    {
        const JsonTree results = resultsFor(topicTemplate(downRedrive));
        QCOMPARE(count(results, "Up", "received"), std::uint64_t(10));
        QCOMPARE(count(results, "Down", "received"), std::uint64_t(0));
        QCOMPARE(count(results, "Down", "throttles"), 10 * snsAttempts);
        // Each message once, after its last attempt; the healthy subscription sends nothing there.
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(10));
        QCOMPARE(count(results, "Orders", "deadLettered"), std::uint64_t(10));
        QCOMPARE(count(results, "Orders", "retries"), 10 * (snsAttempts - 1));
        QCOMPARE(count(results, "Orders", "dropped"), std::uint64_t(0));
    }

    void subscriptionWithoutRedrivePolicyDrops()
    {
        const JsonTree results = resultsFor(topicTemplate(""));
        QCOMPARE(count(results, "Down", "throttles"), 10 * snsAttempts);
        QCOMPARE(count(results, "Orders", "dropped"), std::uint64_t(10));
        QCOMPARE(count(results, "Orders", "deadLettered"), std::uint64_t(0));
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(0));
    }

    void deadLetterQueueOutageDropsTheMessage()
    {
        QByteArray yaml = topicTemplate(downRedrive);
        yaml.replace("        - {resource: Down, outage: true}\n",
                     "        - {resource: Down, outage: true}\n        - {resource: Dlq, outage: true}\n");
        const JsonTree results = resultsFor(yaml);
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(0));
        QCOMPARE(count(results, "Orders", "dropped"), std::uint64_t(10));
        QCOMPARE(count(results, "Orders", "deadLettered"), std::uint64_t(0));
    }

    void ruleTargetDeadLettersAfterMaximumRetryAttempts_data()
    {
        QTest::addColumn<int>("retries");
        QTest::newRow("no retry") << 0;
        QTest::newRow("2 retries") << 2;
        QTest::newRow("12 retries") << 12;
    }

    void ruleTargetDeadLettersAfterMaximumRetryAttempts()
    {
        QFETCH(int, retries);
        const JsonTree results = resultsFor(ruleTemplate(retries));
        const auto attempts = static_cast<std::uint64_t>(retries + 1);
        QCOMPARE(count(results, "Target", "throttles"), 4 * attempts);
        QCOMPARE(results["connections"].begin().value()["refused"].get<std::uint64_t>(), 4 * attempts);
        QCOMPARE(count(results, "Nightly", "retries"), 4 * (attempts - 1));
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(4));
        QCOMPARE(count(results, "Nightly", "deadLettered"), std::uint64_t(4));
        QCOMPARE(count(results, "Nightly", "dropped"), std::uint64_t(0));
    }

    void ruleTargetMaximumEventAgeEndsRetriesEarly()
    {
        QByteArray yaml = ruleTemplate(185);
        yaml.replace("            MaximumRetryAttempts: 185\n",
                     "            MaximumRetryAttempts: 185\n            MaximumEventAgeInSeconds: 60\n");
        const JsonTree results = resultsFor(yaml);
        const std::uint64_t attempts = count(results, "Target", "throttles") / 4;
        QVERIFY2(attempts > 1 && attempts < 186, qPrintable(QString::number(attempts)));
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(4));
    }

    void scheduleTargetDeadLettersFromItsTargetProperty()
    {
        // Every 5 minutes for an hour: 11 scheduled events (at 5, 10, … 55 min), each tried 3 times.
        const JsonTree results = resultsFor(R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Target:
    Type: AWS::SQS::Queue
  Dlq:
    Type: AWS::SQS::Queue
  Every5:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(5 minutes)
      FlexibleTimeWindow: {Mode: 'OFF'}
      Target:
        Arn: !GetAtt Target.Arn
        RoleArn: arn:aws:iam::123456789012:role/scheduler
        RetryPolicy: {MaximumRetryAttempts: 2}
        DeadLetterConfig: {Arn: !GetAtt Dlq.Arn}
Metadata:
  Tributary:
    simulation:
      durationSeconds: 3600
      failures:
        - {resource: Target, outage: true}
)");
        const std::uint64_t events = count(results, "Every5", "scheduledEvents");
        QCOMPARE(events, std::uint64_t(11));
        QCOMPARE(count(results, "Target", "throttles"), 3 * events);
        QCOMPARE(count(results, "Dlq", "received"), events);
        QCOMPARE(count(results, "Every5", "deadLettered"), events);
    }

    void deadLetterQueueOutsideTheTemplateStillCounts()
    {
        QByteArray yaml = topicTemplate(R"(      RedrivePolicy:
        deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:elsewhere
)");
        const JsonTree results = resultsFor(yaml);
        QCOMPARE(count(results, "Orders", "deadLettered"), std::uint64_t(10));
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestFanOutModel)
#include "tst_fanoutmodel.moc"
