// Kinesis streams and their event source mapping: records stay in order per shard, a failing
// batch holds back its shard and only its shard until MaximumRetryAttempts, and the shard write
// limit of 1,000 records a second; FilterCriteria skipping records (Kinesis `data`, DynamoDB
// `eventName` and `dynamodb`) without invoking.

#include "model/simulation/SimModel.h"
#include "model/simulation/Trace.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

#include <map>

using namespace tributary;
using namespace tributary::test;

namespace {

// Entries 0 and 2 land on shard 0 of two, entries 1 and 3 on shard 1 ((entry + 1) x 7919 mod 2).
QByteArray streamToFunction(const char* eventProperties, const char* entries)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 2
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Timeout: 60
      Events:
        FromClicks:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Clicks.Arn
            StartingPosition: LATEST
            BatchSize: 10
)") + eventProperties + R"(
Metadata:
  Tributary:
    simulation:
      durationSeconds: 120
      traceEvery: 1
      entries:
)" + entries;
}

const char* normalAndPoison = R"(        - resource: Clicks
          load: {shape: constant, ratePerSecond: 20}
        - resource: Clicks
          load: {shape: burst, count: 1, atSeconds: 10}
          payload: {poison: true}
        - resource: Clicks
          load: {shape: constant, ratePerSecond: 20}
        - resource: Clicks
          load: {shape: constant, ratePerSecond: 20}
)";

} // namespace

class TestStreamModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFailingBatchHoldsBackOnlyItsShard()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(streamToFunction("", normalAndPoison));
        simulator->run();
        const JsonTree results = simulator->resultsJson();
        const JsonTree& consumer = results["resources"]["Clicks"]["consumers"]["Worker"];
        QCOMPARE(results["resources"]["Clicks"]["shards"].get<int>(), 2);
        // Shard 1 (entries 1 and 3) is stuck behind the poison record from 10 s on; shard 0
        // (entries 0 and 2, 40 records a second) keeps flowing.
        int succeededAfter20s = 0;
        const int worker = simulator->model("Worker")->index();
        for (const TraceHop& hop : simulator->trace()->hops())
            if (hop.model == worker && hop.step == TraceStep::Succeed && hop.time > simSeconds(20))
                ++succeededAfter20s;
        // 100 s x 40 records: shard 0 alone (both shards would make 8,000).
        QVERIFY2(succeededAfter20s > 3500 && succeededAfter20s < 4100, qPrintable(QString::number(succeededAfter20s)));
        // About 110 s x 20 records of entry 3 are waiting behind it.
        QVERIFY2(consumer["waitingAtEnd"].get<std::uint64_t>() > 2000, qPrintable(QString::fromStdString(consumer.dump())));
        QVERIFY(consumer["iteratorAgeMs"]["maxMs"].get<double>() > 100000);
        QCOMPARE(consumer["discardedRecords"].get<std::uint64_t>(), std::uint64_t(0));
    }

    void maximumRetryAttemptsReleasesTheShard()
    {
        const JsonTree results =
            resultsFor(streamToFunction("            MaximumRetryAttempts: 2\n            BisectBatchOnFunctionError: true\n",
                                        normalAndPoison));
        const JsonTree& consumer = results["resources"]["Clicks"]["consumers"]["Worker"];
        // Bisection narrows the failing batch down to the poison record alone, which is dropped
        // after its retries; everything else is processed.
        QCOMPARE(consumer["discardedRecords"].get<std::uint64_t>(), std::uint64_t(1));
        QVERIFY(consumer["waitingAtEnd"].get<std::uint64_t>() < 200);
        QVERIFY(consumer["failedBatches"].get<std::uint64_t>() >= 3);
    }

    void ordersArePreservedPerShard()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(streamToFunction("", R"(        - resource: Clicks
          load: {shape: poisson, ratePerSecond: 300}
          payload: {partitionKeys: 50}
)"));
        simulator->run();
        const int worker = simulator->model("Worker")->index();
        std::map<int, std::uint64_t> last;
        int checked = 0;
        for (const TraceHop& hop : simulator->trace()->hops()) {
            if (hop.model != worker || hop.step != TraceStep::Succeed)
                continue;
            // Keys k and k + 2 share a shard; serials grow in write order.
            const int shard = static_cast<int>((7919u + static_cast<unsigned>(hop.key)) % 2u);
            QVERIFY(hop.serial > last[shard]);
            last[shard] = hop.serial;
            ++checked;
        }
        QVERIFY(checked > 30000);
    }

    void shardWritesAreLimitedTo1000RecordsPerSecond()
    {
        const JsonTree results = resultsFor(streamToFunction("", R"(        - resource: Clicks
          load: {shape: constant, ratePerSecond: 1500}
)"));
        // One entry, one key: one shard, 1,000 a second (plus the full bucket at the start).
        const std::uint64_t accepted = results["resources"]["Clicks"]["succeeded"].get<std::uint64_t>();
        QVERIFY2(accepted >= 120000 && accepted <= 121001, qPrintable(QString::number(accepted)));
        QVERIFY(results["resources"]["Clicks"]["throttles"].get<std::uint64_t>() > 58000);
    }

    void filterCriteriaSkipsRecordsWithoutInvoking()
    {
        // A payload without `data` is the record's data as a whole: the third entry's clicks match too.
        const JsonTree results = resultsFor(streamToFunction(R"(            FilterCriteria:
              Filters:
                - Pattern: '{"data": {"kind": ["click"]}}'
)", R"(        - resource: Clicks
          load: {shape: constant, ratePerSecond: 20}
          payload: {partitionKey: a, data: {kind: click}}
        - resource: Clicks
          load: {shape: constant, ratePerSecond: 30}
          payload: {partitionKey: b, data: {kind: view}}
        - resource: Clicks
          load: {shape: constant, ratePerSecond: 10}
          payload: {partitionKey: c, kind: click}
)"));
        const JsonTree& entries = results["entries"];
        const std::uint64_t kept = entries[0]["generated"].get<std::uint64_t>() + entries[2]["generated"].get<std::uint64_t>();
        const std::uint64_t skipped = entries[1]["generated"].get<std::uint64_t>();
        const JsonTree& consumer = results["resources"]["Clicks"]["consumers"]["Worker"];
        QCOMPARE(consumer["filtered"].get<std::uint64_t>(), skipped);
        QCOMPARE(results["connections"]["FromClicks"]["filtered"].get<std::uint64_t>(), skipped);
        // Only the clicks reach the function (a batch of up to 10 per shard may wait at the end).
        const std::uint64_t delivered = results["connections"]["FromClicks"]["delivered"].get<std::uint64_t>();
        QVERIFY2(delivered + 20 >= kept && delivered <= kept, qPrintable(QString::number(delivered)));
        QVERIFY(count(results, "Worker", "invocations") < delivered);
    }

    void tableStreamFiltersMatchEventNameAndNewImage()
    {
        const JsonTree results = resultsFor(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
  Shipper:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Events:
        Changes:
          Type: DynamoDB
          Properties:
            Stream: !GetAtt Orders.StreamArn
            StartingPosition: LATEST
            BatchSize: 1
            FilterCriteria:
              Filters:
                - Pattern: '{"eventName": ["MODIFY"], "dynamodb": {"NewImage": {"status": {"S": ["PAID"]}}}}'
Metadata:
  Tributary:
    simulation:
      durationSeconds: 60
      entries:
        - resource: Orders
          load: {shape: constant, ratePerSecond: 5}
          payload: {eventName: MODIFY, dynamodb: {NewImage: {status: {S: PAID}}}}
        - resource: Orders
          load: {shape: constant, ratePerSecond: 5}
          payload: {eventName: MODIFY, dynamodb: {NewImage: {status: {S: NEW}}}}
        - resource: Orders
          load: {shape: constant, ratePerSecond: 5}
          payload: {dynamodb: {NewImage: {status: {S: PAID}}}}
)");
        // Without eventName the record is an INSERT.
        const std::uint64_t paid = results["entries"][0]["generated"].get<std::uint64_t>();
        const std::uint64_t invocations = count(results, "Shipper", "invocations");
        QVERIFY2(invocations <= paid && invocations + 1 >= paid, qPrintable(QString::number(invocations)));
        QCOMPARE(results["connections"]["Changes"]["filtered"].get<std::uint64_t>(),
                 results["entries"][1]["generated"].get<std::uint64_t>() + results["entries"][2]["generated"].get<std::uint64_t>());
    }
};

QTEST_GUILESS_MAIN(TestStreamModel)
#include "tst_streammodel.moc"
