// The simulator as a whole: determinism, API throttling and timeouts, fan-out through topics with
// filter policies and buses with rule patterns, schedules, failure injection, pipes and their
// filters, the cost section and scenario errors.

#include "model/simulation/ScenarioError.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace tributary;
using namespace tributary::test;

namespace {

QByteArray orderPipeline(const char* scenario)
{
    QFile file(QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the order example");
    QByteArray text = file.readAll();
    // The example's own Metadata (layout and scenario) is replaced by the test's.
    const int metadata = text.indexOf("\nMetadata:");
    if (metadata >= 0) {
        int end = metadata + 1;
        do
            end = text.indexOf('\n', end) + 1;
        while (end > 0 && end < text.size() && (text[end] == ' ' || text[end] == '\n' || text[end] == '#'));
        text.remove(metadata + 1, (end > 0 ? end : text.size()) - metadata - 1);
    }
    if (!text.endsWith('\n'))
        text += '\n';
    return text + "Metadata:\n  Tributary:\n    simulation:\n" + scenario;
}

const char* orderLoad = R"(      durationSeconds: 120
      seed: 5
      entries:
        - resource: OrdersApi
          load: {shape: poisson, ratePerSecond: 200}
      overrides:
        StoreOrders: {errorRate: 0.02}
)";

QByteArray apiToFunction(const char* apiType, const char* functionProperties, const char* scenario)
{
    const bool rest = QByteArray(apiType) == "AWS::Serverless::Api";
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: )") + apiType + (rest ? "\n    Properties:\n      StageName: prod" : "") + R"(
  Front:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
)" + functionProperties + R"(
      Events:
        Call:
          Type: )" + (rest ? "Api" : "HttpApi") + R"(
          Properties:
            )" + (rest ? "RestApiId" : "ApiId") + R"(: !Ref Api
            Path: /x
            Method: get
Metadata:
  Tributary:
    simulation:
)" + scenario;
}

std::uint64_t responses(const JsonTree& results, const char* api, const char* status)
{
    return results["resources"][api]["responses"][status].get<std::uint64_t>();
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dailyCycleFollowsTheClock()
    {
        const auto invocations = [](const char* startsAtHour) {
            const QByteArray yaml = QByteArray(R"(Transform: AWS::Serverless-2016-10-31
Metadata:
  Tributary:
    simulation:
      durationSeconds: 600
      seed: 3
      entries:
        - resource: Fn
          load: {shape: dailyCycle, meanPerSecond: 10, peakFactor: 2, startsAtHour: )") + startsAtHour + R"(}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
)";
            return count(resultsFor(yaml), "Fn", "received");
        };
        // rate = 10 × (1 + cos(2π (t − 14 h) / 24 h)): 20/s at 14:00, 10/s at 08:00, about 1.3/s at midnight.
        const double peak = static_cast<double>(invocations("14")) / 600;
        const double morning = static_cast<double>(invocations("8")) / 600;
        const double midnight = static_cast<double>(invocations("0")) / 600;
        QVERIFY2(std::abs(peak - 20) < 1, qPrintable(QString::number(peak)));
        QVERIFY2(std::abs(morning - 10.9) < 1, qPrintable(QString::number(morning)));
        QVERIFY2(midnight < 2, qPrintable(QString::number(midnight)));
    }

    void sameSeedSameResultsOtherSeedOtherResults()
    {
        const QByteArray text = orderPipeline(orderLoad);
        const std::string first = resultsFor(text).dump();
        const std::string second = resultsFor(text).dump();
        QCOMPARE(first, second);
        QByteArray reseeded = text;
        reseeded.replace("seed: 5", "seed: 6");
        const std::string other = resultsFor(reseeded).dump();
        QVERIFY(other != first);
    }

    void orderPipelineFlowsEndToEnd()
    {
        const JsonTree results = resultsFor(orderPipeline(orderLoad));
        const std::uint64_t requests = count(results, "OrdersApi", "received");
        QVERIFY(std::abs(static_cast<double>(requests) - 24000) < 5 * std::sqrt(24000.0));
        // Every request is answered 200 but the few still running at the end.
        QVERIFY(responses(results, "OrdersApi", "200") <= requests);
        QVERIFY(responses(results, "OrdersApi", "200") + 50 > requests);
        QCOMPARE(count(results, "AcceptOrder", "invocations"), requests);
        // Each successful AcceptOrder sends one message.
        QCOMPARE(count(results, "OrdersQueue", "received"), count(results, "AcceptOrder", "succeeded"));
        // Every message sent is deleted, in flight or waiting at the end (none reached the DLQ yet).
        const JsonTree& queue = results["resources"]["OrdersQueue"];
        const std::uint64_t deleted = queue["succeeded"].get<std::uint64_t>();
        QCOMPARE(queue["received"].get<std::uint64_t>(),
                 deleted + queue["depth"]["inFlightAtEnd"].get<std::uint64_t>()
                     + queue["depth"]["visibleAtEnd"].get<std::uint64_t>() + queue["deadLettered"].get<std::uint64_t>());
        // Each stored order is a deleted message (deletes follow the write by the 5 ms invoke overhead).
        const std::uint64_t stored = count(results, "OrdersTable", "received");
        QVERIFY2(stored >= deleted && stored < deleted + 50, qPrintable(QString::number(stored)));
        QVERIFY(stored > requests * 95 / 100);
        // 2 % of items fail and wait out the 180 s visibility timeout: none is back within 120 s.
        QVERIFY(queue["consumers"]["StoreOrders"]["failedItems"].get<std::uint64_t>() > 200);
        QCOMPARE(queue["redeliveries"].get<std::uint64_t>(), std::uint64_t(0));
        QVERIFY(results["cost"]["monthlyTotal"].get<double>() > 0);
        QVERIFY(results["cost"]["byResource"].contains("AcceptOrder"));
        const JsonTree& consumer = results["resources"]["OrdersQueue"]["consumers"]["StoreOrders"];
        // The polled edge carried every item of every batch (the mean batch size is rounded to 4 places).
        const double batches = consumer["batches"].get<double>();
        QVERIFY(std::abs(results["connections"]["OrdersFromQueue"]["delivered"].get<double>()
                         - batches * consumer["meanBatchSize"].get<double>())
                <= 1 + batches * 5e-5);
    }

    void apiTokenBucketAnswers429()
    {
        // Rate 100/s, burst 50, offered 200/s for 10 s (the last at 9.995 s): 50 + 999.5 pass.
        const JsonTree results = resultsFor(apiToFunction("AWS::Serverless::HttpApi", "", R"(      durationSeconds: 10
      entries:
        - resource: Api
          load: {shape: constant, ratePerSecond: 200}
      overrides:
        Api: {rateLimitRps: 100, burst: 50}
)"));
        const std::uint64_t passed = count(results, "Api", "received") - responses(results, "Api", "429");
        QCOMPARE(passed, std::uint64_t(1049));
        QVERIFY(responses(results, "Api", "200") <= passed);
        QVERIFY(responses(results, "Api", "200") + 20 > passed);
    }

    void accountThrottleIs10000RequestsPerSecond()
    {
        // Two APIs at 8,000 rps each (Poisson) share the account's 10,000 rps (burst 5,000).
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  One:
    Type: AWS::Serverless::HttpApi
  Two:
    Type: AWS::Serverless::HttpApi
Metadata:
  Tributary:
    simulation:
      durationSeconds: 5
      entries:
        - resource: One
          load: {shape: poisson, ratePerSecond: 8000}
        - resource: Two
          load: {shape: poisson, ratePerSecond: 8000}
)";
        const JsonTree results = resultsFor(text);
        const std::uint64_t ok = responses(results, "One", "200") + responses(results, "Two", "200");
        QVERIFY2(ok >= 54990 && ok <= 55001, qPrintable(QString::number(ok)));
        QVERIFY(responses(results, "One", "429") > 10000);
        QVERIFY(responses(results, "Two", "429") > 10000);
    }

    void restIntegrationTimesOutAfter29Seconds()
    {
        const JsonTree results = resultsFor(apiToFunction("AWS::Serverless::Api", "      Timeout: 60\n", R"(      durationSeconds: 120
      entries:
        - resource: Api
          load: {shape: constant, ratePerSecond: 1}
      overrides:
        Front: {duration: {distribution: constant, ms: 35000}}
)"));
        QVERIFY(responses(results, "Api", "504") > 70);
        QCOMPARE(responses(results, "Api", "200"), std::uint64_t(0));
        QCOMPARE(results["resources"]["Api"]["latencyMs"]["maxMs"].get<double>(), 29000.0);
    }

    void throttledFunctionGives429()
    {
        const JsonTree results = resultsFor(apiToFunction("AWS::Serverless::HttpApi", "      ReservedConcurrentExecutions: 2\n",
                                                          R"(      durationSeconds: 30
      entries:
        - resource: Api
          load: {shape: constant, ratePerSecond: 50}
      overrides:
        Front: {duration: {distribution: constant, ms: 500}}
)"));
        QVERIFY(responses(results, "Api", "429") > 1000);
        QVERIFY(responses(results, "Api", "200") > 100);
    }

    void topicCopiesPerSubscriptionWithFilterPolicies()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::SNS::Topic
  Everything:
    Type: AWS::SQS::Queue
  BigOnly:
    Type: AWS::SQS::Queue
  EverythingSub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Orders
      Protocol: sqs
      Endpoint: !GetAtt Everything.Arn
  BigSub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Orders
      Protocol: sqs
      Endpoint: !GetAtt BigOnly.Arn
      FilterPolicy:
        total: [{numeric: [">=", 100]}]
Metadata:
  Tributary:
    simulation:
      durationSeconds: 100
      entries:
        - resource: Orders
          load: {shape: constant, ratePerSecond: 1}
          payload: {attributes: {total: 150}}
        - resource: Orders
          load: {shape: constant, ratePerSecond: 2}
          payload: {attributes: {total: 20}}
)";
        const JsonTree results = resultsFor(text);
        // Constant arrivals at 1/s and 2/s for 100 s: 99 and 199 messages, the first at 1 s and 0.5 s.
        QCOMPARE(count(results, "Everything", "received"), std::uint64_t(298));
        QCOMPARE(count(results, "BigOnly", "received"), std::uint64_t(99));
    }

    void busRulesMatchTheirPatterns()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bus:
    Type: AWS::Events::EventBus
    Properties: {Name: shop}
  Placed:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern:
        source: [shop.orders]
        detail-type: [OrderPlaced]
        detail: {total: [{numeric: [">", 50]}]}
      Targets:
        - Id: q
          Arn: !GetAtt PlacedQueue.Arn
  PlacedQueue:
    Type: AWS::SQS::Queue
Metadata:
  Tributary:
    simulation:
      durationSeconds: 50
      entries:
        - resource: Bus
          load: {shape: constant, ratePerSecond: 2}
          payload: {source: shop.orders, detail-type: OrderPlaced, detail: {total: 80}}
        - resource: Bus
          load: {shape: constant, ratePerSecond: 2}
          payload: {source: shop.orders, detail-type: OrderPlaced, detail: {total: 10}}
)";
        const JsonTree results = resultsFor(text);
        QCOMPARE(count(results, "Placed", "received"), std::uint64_t(99));
        QCOMPARE(count(results, "PlacedQueue", "received"), std::uint64_t(99));
    }

    void schedulesFireAtTheirRate()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Nightly:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
  Every:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(5 minutes)
      FlexibleTimeWindow: {Mode: "OFF"}
      Target:
        Arn: !GetAtt Nightly.Arn
        RoleArn: arn:aws:iam::123456789012:role/scheduler
Metadata:
  Tributary:
    simulation:
      durationSeconds: 3600
)";
        const JsonTree results = resultsFor(text);
        QVERIFY2(results["resources"]["Nightly"]["invocations"].get<std::uint64_t>() == 11,
                 qPrintable(QString::fromStdString(results["resources"].dump())));
    }

    void outageWindowFailsOnlyInsideIt()
    {
        const JsonTree results = resultsFor(apiToFunction("AWS::Serverless::HttpApi", "", R"(      durationSeconds: 100
      entries:
        - resource: Api
          load: {shape: constant, ratePerSecond: 10}
      failures:
        - resource: Front
          outage: true
          fromSeconds: 20
          toSeconds: 30
)"));
        const std::uint64_t failed = responses(results, "Api", "502");
        QVERIFY2(failed >= 99 && failed <= 101, qPrintable(QString::number(failed)));
    }

    void stateMachineTasksRunInOrderWithRetries()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Reserve:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
  Charge:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
  Saga:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Definition:
        StartAt: Reserve
        States:
          Reserve: {Type: Task, Resource: "${ReserveArn}", Next: Charge}
          Charge: {Type: Task, Resource: "${ChargeArn}", Retry: [{ErrorEquals: [States.TaskFailed], MaxAttempts: 2}], End: true}
      DefinitionSubstitutions:
        ReserveArn: !GetAtt Reserve.Arn
        ChargeArn: !GetAtt Charge.Arn
Metadata:
  Tributary:
    simulation:
      durationSeconds: 400
      entries:
        - resource: Saga
          load: {shape: constant, ratePerSecond: 10}
      overrides:
        Charge: {errorRate: 0.5}
)";
        const JsonTree results = resultsFor(text);
        const JsonTree& saga = results["resources"]["Saga"];
        const double started = saga["received"].get<double>();
        QVERIFY(started > 3990);
        // Charge fails half the time and is tried 3 times: 1/8 of executions fail, and Charge is
        // invoked 1 + 1/2 + 1/4 = 1.75 times per execution; Reserve once.
        const double failed = saga["errors"].get<double>();
        const double sigma = std::sqrt(started * 0.125 * 0.875);
        QVERIFY2(std::abs(failed - started * 0.125) < 5 * sigma, qPrintable(QString::number(failed)));
        QVERIFY(std::abs(count(results, "Charge", "invocations") / started - 1.75) < 0.05);
        QVERIFY(count(results, "Reserve", "invocations") >= started - 1);
        QCOMPARE(saga["type"].get<std::string>(), std::string("EXPRESS"));
        QVERIFY(results["cost"]["byResource"]["Saga"].get<double>() > 0);
    }

    void pipesMoveRecordsAndTheirSourceRetriesRefusals()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::SQS::Queue
    Properties: {VisibilityTimeout: 10}
  Target:
    Type: AWS::SQS::Queue
  Pipe:
    Type: AWS::Pipes::Pipe
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/pipe
      Source: !GetAtt Source.Arn
      Target: !GetAtt Target.Arn
Metadata:
  Tributary:
    simulation:
      durationSeconds: 100
      entries:
        - resource: Source
          load: {shape: constant, ratePerSecond: 10}
      failures:
        - resource: Target
          outage: true
          fromSeconds: 20
          toSeconds: 30
)";
        const JsonTree results = resultsFor(text);
        // Everything sent reaches the target; what arrived during the outage came back after the
        // visibility timeout and went through then.
        QCOMPARE(count(results, "Target", "received"), count(results, "Source", "received"));
        QVERIFY(count(results, "Source", "redeliveries") >= 99);
        QVERIFY(count(results, "Target", "throttles") >= 99);
    }

    void pipesBatchAsTheirSourceParametersSay()
    {
        const auto meanBatch = [](const char* sourceParameters) {
            const QByteArray text = QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::SQS::Queue
  Target:
    Type: AWS::SQS::Queue
  Pipe:
    Type: AWS::Pipes::Pipe
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/pipe
      Source: !GetAtt Source.Arn
      Target: !GetAtt Target.Arn
)") + sourceParameters + R"(
Metadata:
  Tributary:
    simulation:
      durationSeconds: 60
      entries:
        - resource: Source
          load: {shape: burst, count: 200, atSeconds: 1}
)";
            const JsonTree results = resultsFor(text);
            return results["resources"]["Source"]["consumers"]["Pipe"]["meanBatchSize"].get<double>();
        };
        const double byDefault = meanBatch("");
        const double small = meanBatch("      SourceParameters:\n        SqsQueueParameters: {BatchSize: 2}\n");
        QVERIFY2(small <= 2 && small > 1, qPrintable(QString::number(small)));
        QVERIFY2(byDefault > 2 && byDefault <= 10, qPrintable(QString::number(byDefault)));
    }

    void pipeFiltersDropRecordsBeforeTheTarget()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::SQS::Queue
  Target:
    Type: AWS::SQS::Queue
  Pipe:
    Type: AWS::Pipes::Pipe
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/pipe
      Source: !GetAtt Source.Arn
      Target: !GetAtt Target.Arn
      SourceParameters:
        FilterCriteria:
          Filters:
            - Pattern: '{"body": {"kind": ["keep"]}}'
Metadata:
  Tributary:
    simulation:
      durationSeconds: 100
      entries:
        - resource: Source
          load: {shape: constant, ratePerSecond: 10}
          payload: {body: {kind: keep}}
        - resource: Source
          load: {shape: constant, ratePerSecond: 5}
          payload: {body: {kind: skip}}
)";
        const JsonTree results = resultsFor(text);
        const std::uint64_t kept = results["entries"][0]["generated"].get<std::uint64_t>();
        const std::uint64_t skipped = results["entries"][1]["generated"].get<std::uint64_t>();
        QCOMPARE(count(results, "Target", "received"), kept);
        QCOMPARE(count(results, "Pipe", "received"), kept);
        QCOMPARE(count(results, "Source", "succeeded"), kept + skipped);
        std::uint64_t filtered = 0;
        for (const auto& connection : results["connections"].items())
            filtered += connection.value()["filtered"].get<std::uint64_t>();
        QCOMPARE(filtered, skipped);
    }

    void invalidFilterCriteriaNameTheConnection()
    {
        const char* bad[] = {
            "            FilterCriteria: {Filters: [{Pattern: '{\"body\": '}]}\n",
            "            FilterCriteria: {Filters: [{Pattern: '{\"body\": {\"type\": \"NEW\"}}'}]}\n",
            "            FilterCriteria: {Filters: {Pattern: x}}\n",
            "            FilterCriteria: {Filters: [{NoPattern: x}]}\n",
        };
        for (const char* filter : bad) {
            const QByteArray text = QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        FromJobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
)") + filter + R"(Metadata:
  Tributary:
    simulation:
      entries:
        - resource: Jobs
          load: {shape: constant, ratePerSecond: 1}
)";
            try {
                simulatorFor(text);
                QFAIL(filter);
            } catch (const ScenarioError& error) {
                QVERIFY2(error.message().contains(QLatin1String("FromJobs")) && error.message().contains(QLatin1String("FilterCriteria")),
                         qPrintable(error.message()));
            }
        }
    }

    void apiRequestsTakeTheirRoute()
    {
        const auto function = [](const char* id, const char* method, const char* path) {
            return QByteArray("  ") + id + R"(:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        Call:
          Type: HttpApi
          Properties:
            ApiId: !Ref Api
)" + (path ? QByteArray("            Path: ") + path + "\n            Method: " + method + "\n" : QByteArray());
        };
        const QByteArray yaml = QByteArray(R"(Transform: AWS::Serverless-2016-10-31
Metadata:
  Tributary:
    simulation:
      durationSeconds: 100
      entries:
        - {resource: Api, route: POST /orders, load: {shape: constant, ratePerSecond: 10}}
        - {resource: Api, route: GET /orders/42, load: {shape: constant, ratePerSecond: 5}}
        - {resource: Api, route: GET /orders/42/items/7, load: {shape: constant, ratePerSecond: 3}}
        - {resource: Api, route: DELETE /orders/42, load: {shape: constant, ratePerSecond: 2}}
        - {resource: Api, route: GET /health, load: {shape: constant, ratePerSecond: 1}}
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
)") + function("Create", "post", "/orders") + function("Read", "get", "/orders/{id}")
            + function("Anything", "any", "/orders/{proxy+}") + function("Health", "get", "/health");
        const JsonTree results = resultsFor(yaml);
        // Constant loads over 100 s: rate × 100 requests, the last one may fall on the end.
        const auto about = [](std::uint64_t actual, std::uint64_t expected) { return actual + 2 >= expected && actual <= expected; };
        QVERIFY(about(count(results, "Create", "received"), 1000));
        // A variable segment beats the greedy proxy; the proxy takes the rest, whatever the method.
        QVERIFY(about(count(results, "Read", "received"), 500));
        QVERIFY(about(count(results, "Anything", "received"), 300 + 200));
        QVERIFY(about(count(results, "Health", "received"), 100));
        QCOMPARE(responses(results, "Api", "404"), std::uint64_t(0));

        QByteArray unmatched = yaml;
        unmatched.replace("route: GET /health", "route: GET /nowhere");
        const JsonTree refused = resultsFor(unmatched);
        QVERIFY(about(responses(refused, "Api", "404"), 100));
        QCOMPARE(count(refused, "Health", "received"), std::uint64_t(0));
        unmatched.replace("route: GET /nowhere", "route: nowhere");
        try {
            simulatorFor(unmatched);
            QFAIL("a route without a path was taken");
        } catch (const ScenarioError& error) {
            QVERIFY2(error.message().contains(QLatin1String("simulation/entries/4/route")), qPrintable(error.message()));
        }
    }

    void scenarioErrorsNameTheResource()
    {
        for (const char* scenario : {"      entries:\n        - resource: Nowhere\n          load: {shape: constant, ratePerSecond: 1}\n",
                                     "      overrides:\n        Nowhere: {errorRate: 1}\n",
                                     "      failures:\n        - resource: Nowhere\n          outage: true\n"}) {
            try {
                simulatorFor(orderPipeline(scenario));
                QFAIL(scenario);
            } catch (const ScenarioError& error) {
                QVERIFY2(error.message().contains(QLatin1String("Nowhere")), qPrintable(error.message()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
