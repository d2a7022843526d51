// SQS queues and Lambda's event source mapping against the documented behaviour: scaling from 5
// to 305 concurrent batches in a minute, visibility timeout redelivery, maxReceiveCount to the DLQ,
// partial batch responses, FIFO order per message group and a failing message blocking its group,
// and the mapping's FilterCriteria deleting what matches none of its patterns without invoking.

#include "model/simulation/FunctionModel.h"
#include "model/simulation/Trace.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

#include <map>

using namespace tributary;
using namespace tributary::test;

namespace {

// A queue (with `queueProperties`) polled by Worker (with `eventProperties` on its SQS event), a DLQ.
QByteArray queueToFunction(const char* queueProperties, const char* eventProperties, const char* scenario)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
)") + queueProperties + R"(
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Timeout: 60
      Events:
        FromJobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
)" + eventProperties + R"(
Metadata:
  Tributary:
    simulation:
)" + scenario;
}

} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mappingScalesFrom5To305InAMinute()
    {
        // "Lambda starts with 5 concurrent batches and adds up to 300 more per minute" while
        // messages wait: under a standing backlog, 5 at the start and 305 a minute later.
        std::unique_ptr<Simulator> simulator = simulatorFor(queueToFunction(
            "      VisibilityTimeout: 300\n", "            BatchSize: 10\n", R"(      durationSeconds: 200
      entries:
        - resource: Jobs
          load: {shape: burst, count: 200000, atSeconds: 0}
      overrides:
        Worker:
          duration: {distribution: constant, ms: 30000}
          coldStart: {distribution: constant, ms: 0}
)"));
        auto* worker = dynamic_cast<FunctionModel*>(simulator->model("Worker"));
        QVERIFY(worker);
        simulator->runUntil(simSeconds(0.5));
        QCOMPARE(worker->busy(), 5);
        simulator->runUntil(simSeconds(30.5));
        QCOMPARE(worker->busy(), 155);
        simulator->runUntil(simSeconds(60.5));
        QCOMPARE(worker->busy(), 305);
        simulator->runUntil(simSeconds(199.5));
        QCOMPARE(worker->maxConcurrency(), 1000);
        QCOMPARE(worker->throttles(), std::uint64_t(0));
    }

    void maximumConcurrencyCapsTheMapping()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(queueToFunction(
            "      VisibilityTimeout: 300\n", "            ScalingConfig:\n              MaximumConcurrency: 20\n",
            R"(      durationSeconds: 120
      entries:
        - resource: Jobs
          load: {shape: burst, count: 50000, atSeconds: 0}
      overrides:
        Worker:
          duration: {distribution: constant, ms: 2000}
)"));
        simulator->run();
        auto* worker = dynamic_cast<FunctionModel*>(simulator->model("Worker"));
        QCOMPARE(worker->maxConcurrency(), 20);
    }

    void failedMessagesReturnAfterTheVisibilityTimeoutThenMoveToTheDlq()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(queueToFunction(R"(      VisibilityTimeout: 30
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3)",
                                                                        "            BatchSize: 1\n",
                                                                        R"(      durationSeconds: 300
      traceEvery: 1
      entries:
        - resource: Jobs
          load: {shape: burst, count: 1, atSeconds: 1}
      overrides:
        Worker: {errorRate: 1}
)"));
        simulator->run();
        const JsonTree results = simulator->resultsJson();
        QCOMPARE(count(results, "Worker", "invocations"), std::uint64_t(3));
        QCOMPARE(count(results, "Jobs", "redeliveries"), std::uint64_t(3));
        QCOMPARE(count(results, "Jobs", "deadLettered"), std::uint64_t(1));
        QCOMPARE(count(results, "Dlq", "received"), std::uint64_t(1));
        std::vector<SimTime> arrivals;
        const int worker = simulator->model("Worker")->index();
        const int dlq = simulator->model("Dlq")->index();
        SimTime dlqArrival = 0;
        for (const TraceHop& hop : simulator->trace()->hops()) {
            if (hop.model == worker && hop.step == TraceStep::Start)
                arrivals.push_back(hop.time);
            if (hop.model == dlq && hop.step == TraceStep::Arrive)
                dlqArrival = hop.time;
        }
        QCOMPARE(arrivals.size(), std::size_t(3));
        // Received at 1 s, then each time its visibility timeout (30 s from the receive) ran out.
        QCOMPARE(arrivals[1] - arrivals[0], simSeconds(30));
        QCOMPARE(arrivals[2] - arrivals[1], simSeconds(30));
        // The fourth receive finds it received maxReceiveCount times: to the DLQ instead (the
        // function starts a batch 20 ms, the queue's receive latency, after its receive).
        QCOMPARE(dlqArrival - arrivals[2], simSeconds(30) - simMillis(20));
    }

    void partialBatchResponsesReturnOnlyFailedItems()
    {
        const char* scenario = R"(      durationSeconds: 600
      entries:
        - resource: Jobs
          load: {shape: poisson, ratePerSecond: 200}
      overrides:
        Worker: {errorRate: 0.05}
)";
        const JsonTree partial = resultsFor(queueToFunction(
            "      VisibilityTimeout: 20\n",
            "            BatchSize: 10\n            MaximumBatchingWindowInSeconds: 1\n            FunctionResponseTypes: [ReportBatchItemFailures]\n",
            scenario))["resources"]["Jobs"];
        const JsonTree whole = resultsFor(queueToFunction(
            "      VisibilityTimeout: 20\n", "            BatchSize: 10\n            MaximumBatchingWindowInSeconds: 1\n",
            scenario))["resources"]["Jobs"];
        const JsonTree& p = partial["consumers"]["Worker"];
        const JsonTree& w = whole["consumers"]["Worker"];
        QVERIFY2(p["meanBatchSize"].get<double>() > 5, qPrintable(QString::fromStdString(p.dump())));
        // Per item at 5 %: with partial responses about 5 % of items come back; without, every
        // item of a batch with any failure (1 - 0.95^10 = 40 % of full batches).
        const double partialShare = p["failedItems"].get<double>() / p["batches"].get<double>() / p["meanBatchSize"].get<double>();
        const double wholeShare = w["failedItems"].get<double>() / w["batches"].get<double>() / w["meanBatchSize"].get<double>();
        QVERIFY2(partialShare > 0.04 && partialShare < 0.065, qPrintable(QString::number(partialShare)));
        QVERIFY2(wholeShare > 0.25, qPrintable(QString::number(wholeShare)));
        // Every failed item, and nothing else, became visible again (but those failed in the last
        // visibility timeout before the end, still in flight).
        const std::uint64_t redelivered = partial["redeliveries"].get<std::uint64_t>();
        const std::uint64_t failed = p["failedItems"].get<std::uint64_t>();
        QVERIFY(redelivered <= failed);
        QVERIFY(failed - redelivered <= partial["depth"]["inFlightAtEnd"].get<std::uint64_t>());
    }

    void fifoKeepsOrderPerGroupAndAFailingMessageBlocksOnlyItsGroup()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(queueToFunction(
            "      FifoQueue: true\n      VisibilityTimeout: 5\n", "            BatchSize: 10\n", R"(      durationSeconds: 300
      traceEvery: 1
      entries:
        - resource: Jobs
          load: {shape: poisson, ratePerSecond: 40}
          payload: {messageGroups: 4}
      overrides:
        Worker: {errorRate: 0.03, duration: {distribution: constant, ms: 200}}
)"));
        simulator->run();
        const int worker = simulator->model("Worker")->index();
        std::map<int, std::uint64_t> lastSucceeded;
        std::map<int, std::uint64_t> blockedBy;
        int failures = 0;
        int progressWhileBlocked = 0;
        for (const TraceHop& hop : simulator->trace()->hops()) {
            if (hop.model != worker)
                continue;
            if (hop.step == TraceStep::Fail) {
                ++failures;
                if (!blockedBy.count(hop.key) || blockedBy[hop.key] > hop.serial)
                    blockedBy[hop.key] = hop.serial;
            } else if (hop.step == TraceStep::Succeed) {
                // In order within the group: each success follows the group's previous one.
                QVERIFY2(hop.serial > lastSucceeded[hop.key], qPrintable(QStringLiteral("group %1").arg(hop.key)));
                lastSucceeded[hop.key] = hop.serial;
                const auto blocked = blockedBy.find(hop.key);
                if (blocked != blockedBy.end()) {
                    // Nothing after the failed message succeeds before it does.
                    QVERIFY(hop.serial <= blocked->second);
                    if (hop.serial == blocked->second)
                        blockedBy.erase(blocked);
                }
                for (const auto& other : blockedBy)
                    if (other.first != hop.key)
                        ++progressWhileBlocked;
            }
        }
        QVERIFY(failures > 10);
        QVERIFY(progressWhileBlocked > 100);
        QCOMPARE(lastSucceeded.size(), std::size_t(4));
    }

    void filterCriteriaDeletesWhatMatchesNoPatternWithoutInvoking()
    {
        // Two patterns, OR-ed: a NEW type, or more than 5 items; the body given as JSON text is parsed.
        const char* filter = R"(            FilterCriteria:
              Filters:
                - Pattern: '{"body": {"type": ["NEW"]}}'
                - Pattern: '{"body": {"items": [{"numeric": [">", 5]}]}}'
)";
        const JsonTree results = resultsFor(queueToFunction("      VisibilityTimeout: 30\n", filter, R"(      durationSeconds: 60
      entries:
        - resource: Jobs
          load: {shape: constant, ratePerSecond: 10}
          payload: {body: {type: NEW, items: 1}}
        - resource: Jobs
          load: {shape: constant, ratePerSecond: 4}
          payload: {body: '{"type": "OLD", "items": 9}'}
        - resource: Jobs
          load: {shape: constant, ratePerSecond: 5}
          payload: {body: {type: OLD, items: 2}}
        - resource: Jobs
          load: {shape: constant, ratePerSecond: 2}
          payload: {body: not json at all}
)"));
        const JsonTree& entries = results["entries"];
        const std::uint64_t kept = entries[0]["generated"].get<std::uint64_t>() + entries[1]["generated"].get<std::uint64_t>();
        const std::uint64_t dropped = entries[2]["generated"].get<std::uint64_t>() + entries[3]["generated"].get<std::uint64_t>();
        const JsonTree& edge = results["connections"]["FromJobs"];
        QCOMPARE(edge["filtered"].get<std::uint64_t>(), dropped);
        QCOMPARE(edge["delivered"].get<std::uint64_t>(), kept);
        const JsonTree& consumer = results["resources"]["Jobs"]["consumers"]["Worker"];
        QCOMPARE(consumer["filtered"].get<std::uint64_t>(), dropped);
        // Filtered messages are deleted, not left to come back.
        QCOMPARE(count(results, "Jobs", "succeeded"), kept + dropped);
        QCOMPARE(count(results, "Jobs", "redeliveries"), std::uint64_t(0));
    }

    void aQueueWhoseMessagesAllFailTheFilterNeverInvokes()
    {
        const JsonTree results = resultsFor(queueToFunction(
            "      FifoQueue: true\n", "            FilterCriteria: {Filters: [{Pattern: '{\"body\": {\"type\": [\"NEW\"]}}'}]}\n",
            R"(      durationSeconds: 60
      entries:
        - resource: Jobs
          load: {shape: poisson, ratePerSecond: 30}
          payload: {messageGroups: 3, body: {type: OLD}}
)"));
        QCOMPARE(count(results, "Worker", "invocations"), std::uint64_t(0));
        QCOMPARE(results["connections"]["FromJobs"]["filtered"].get<std::uint64_t>(), count(results, "Jobs", "received"));
        QCOMPARE(results["resources"]["Jobs"]["depth"]["visibleAtEnd"].get<std::uint64_t>(), std::uint64_t(0));
        QCOMPARE(results["resources"]["Jobs"]["depth"]["inFlightAtEnd"].get<std::uint64_t>(), std::uint64_t(0));
    }

    void fifoFilteringKeepsTheGroupsOrder()
    {
        // A kept group and a filtered one (a group is a payload and key index) share batches: the
        // filtered messages are deleted at once, the kept ones go through in order despite failures.
        std::unique_ptr<Simulator> simulator = simulatorFor(queueToFunction(
            "      FifoQueue: true\n      VisibilityTimeout: 1\n",
            "            BatchSize: 10\n            FilterCriteria: {Filters: [{Pattern: '{\"body\": {\"keep\": [\"yes\"]}}'}]}\n",
            R"(      durationSeconds: 120
      traceEvery: 1
      entries:
        - resource: Jobs
          load: {shape: poisson, ratePerSecond: 30}
          payload: {body: {keep: "yes"}}
        - resource: Jobs
          load: {shape: poisson, ratePerSecond: 30}
          payload: {body: {keep: "no"}}
      overrides:
        Worker: {errorRate: 0.01, duration: {distribution: constant, ms: 100}}
)"));
        simulator->run();
        const JsonTree results = simulator->resultsJson();
        const int worker = simulator->model("Worker")->index();
        std::uint64_t last = 0;
        int succeeded = 0;
        for (const TraceHop& hop : simulator->trace()->hops())
            if (hop.model == worker && hop.step == TraceStep::Succeed) {
                QVERIFY(hop.serial > last);
                last = hop.serial;
                ++succeeded;
            }
        const std::uint64_t kept = results["entries"][0]["generated"].get<std::uint64_t>();
        QVERIFY2(succeeded > static_cast<int>(kept) - 100, qPrintable(QString::number(succeeded)));
        QVERIFY(count(results, "Jobs", "redeliveries") > 0);
        QCOMPARE(results["connections"]["FromJobs"]["filtered"].get<std::uint64_t>(),
                 results["entries"][1]["generated"].get<std::uint64_t>());
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
