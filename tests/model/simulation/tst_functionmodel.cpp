// The Lambda function model against documented behaviour and the SimFaaS model: cold starts and
// environment counts, reuse policy, reserved concurrency, the account pool, the scaling limit,
// timeouts, and asynchronous retries with their destinations.

#include "model/simulation/FunctionModel.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/Trace.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace tributary;
using namespace tributary::test;

namespace {

QByteArray simFaaSTemplate()
{
    QFile file(QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/simulation/simfaas.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the SimFaaS fixture");
    return file.readAll();
}

// One function behind a load; `extra` goes under the function's Properties, `scenario` under simulation.
QByteArray oneFunction(const char* properties, const char* scenario)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): return 1"
)") + properties
        + R"(
Metadata:
  Tributary:
    simulation:
)" + scenario;
}

double number(const JsonTree& json, const char* key)
{
    return json[key].get<double>();
}

} // namespace

class TestFunctionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simFaaSCrossCheck_data()
    {
        QTest::addColumn<int>("seed");
        QTest::newRow("seed 1") << 1;
        QTest::newRow("seed 2") << 2;
    }

    void simFaaSCrossCheck()
    {
        // SimFaaS (Mahmoudi & Khazaei, CLOSER 2021), validated against AWS Lambda: cold-start
        // probability 0.00134, time-averaged environments 7.70 (busy 1.79, idle 5.90).
        // Tolerances: 10^6 s at 0.9/s is about 900,000 requests and 1,200 cold starts; as a Poisson
        // count its relative standard error is 1/sqrt(1200) = 2.9 %, so +-10 % is over 3 sigma even
        // if the clustering of cold starts doubles the variance. The busy count is an M/G/inf
        // occupancy (variance 1.79, correlation time about 2 s): its time average has a standard
        // error near 0.003 (0.2 %), so +-2 % is generous. The total follows the 600 s reclaim time:
        // about 830 independent windows of a count with standard deviation near 1.5 give 0.05
        // (0.7 %); +-3 % for the total and +-4 % for the idle difference are over 4 sigma.
        QFETCH(int, seed);
        const Architecture architecture = architectureFromYaml(simFaaSTemplate());
        Scenario scenario = Scenario::fromSettings(architecture.settings());
        QCOMPARE(scenario.durationSeconds, 1e6);
        scenario.seed = static_cast<std::uint64_t>(seed);
        Simulator simulator(architecture, Catalogue::builtIn(), scenario);
        simulator.run();
        const JsonTree worker = simulator.resultsJson()["resources"]["Worker"];
        const double coldStartProbability = static_cast<double>(worker["coldStarts"].get<std::uint64_t>())
            / static_cast<double>(worker["invocations"].get<std::uint64_t>());
        const JsonTree& environments = worker["environments"];
        const QString got = QString::fromStdString(worker.dump());
        QVERIFY2(std::abs(coldStartProbability / 0.00134 - 1) < 0.10, qPrintable(got));
        QVERIFY2(std::abs(number(environments, "busy") / 1.79 - 1) < 0.02, qPrintable(got));
        QVERIFY2(std::abs(number(environments, "total") / 7.70 - 1) < 0.03, qPrintable(got));
        QVERIFY2(std::abs(number(environments, "idle") / 5.90 - 1) < 0.04, qPrintable(got));
        QCOMPARE(worker["throttles"].get<std::uint64_t>(), std::uint64_t(0));
        // Poisson arrivals at 0.9/s: 900,000 +- 5 standard deviations (949).
        QVERIFY(std::abs(static_cast<double>(worker["invocations"].get<std::uint64_t>()) - 900000) < 4750);
    }

    void reusePolicyIsASetting()
    {
        // Oldest-first reuse keeps every environment busy now and then, so fewer are reclaimed:
        // fewer cold starts and more environments than newest-first.
        QByteArray newest = simFaaSTemplate().replace("durationSeconds: 1000000", "durationSeconds: 100000");
        QByteArray oldest = newest;
        oldest.replace("environmentReuse: newestFirst", "environmentReuse: oldestFirst");
        QVERIFY(oldest != newest);
        const JsonTree n = resultsFor(newest)["resources"]["Worker"];
        const JsonTree o = resultsFor(oldest)["resources"]["Worker"];
        QVERIFY2(o["coldStarts"].get<std::uint64_t>() < n["coldStarts"].get<std::uint64_t>(), qPrintable(QString::fromStdString(o.dump())));
        QVERIFY(number(o["environments"], "total") > number(n["environments"], "total"));
        QVERIFY(std::abs(number(o["environments"], "busy") - number(n["environments"], "busy")) < 0.1);
    }

    void badReusePolicyNamesTheKey()
    {
        QByteArray text = simFaaSTemplate().replace("environmentReuse: newestFirst", "environmentReuse: random");
        try {
            simulatorFor(text);
            QFAIL("an unknown reuse policy was accepted");
        } catch (const ScenarioError& error) {
            QVERIFY2(error.message().contains(QLatin1String("simulation/overrides/Worker/environmentReuse")),
                     qPrintable(error.message()));
        }
    }

    void reservedConcurrencyIsNeverExceeded()
    {
        const JsonTree results = resultsFor(oneFunction("      ReservedConcurrentExecutions: 10\n      Timeout: 10\n",
                                                        R"(      durationSeconds: 60
      entries:
        - resource: Worker
          load: {shape: poisson, ratePerSecond: 50}
      overrides:
        Worker:
          duration: {distribution: constant, ms: 1000}
)"));
        const JsonTree& worker = results["resources"]["Worker"];
        QCOMPARE(worker["maxConcurrency"].get<int>(), 10);
        QVERIFY(worker["throttles"].get<std::uint64_t>() > 2000);
        QCOMPARE(worker["invocations"].get<std::uint64_t>() + worker["throttles"].get<std::uint64_t>(),
                 results["entries"][0]["generated"].get<std::uint64_t>());
    }

    void scalingIsLimitedTo1000EnvironmentsPer10Seconds()
    {
        const JsonTree results = resultsFor(oneFunction("      Timeout: 60\n", R"(      durationSeconds: 20
      entries:
        - resource: Worker
          load: {shape: burst, count: 3000, atSeconds: 1}
      overrides:
        Worker:
          accountConcurrency: 10000
          duration: {distribution: constant, ms: 30000}
)"));
        const JsonTree& worker = results["resources"]["Worker"];
        QCOMPARE(worker["coldStarts"].get<std::uint64_t>(), std::uint64_t(1000));
        QCOMPARE(worker["throttles"].get<std::uint64_t>(), std::uint64_t(2000));
    }

    void accountPoolIsShared()
    {
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x, Timeout: 60}
  B:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x, Timeout: 60}
Metadata:
  Tributary:
    simulation:
      durationSeconds: 10
      entries:
        - resource: A
          load: {shape: burst, count: 800, atSeconds: 1}
        - resource: B
          load: {shape: burst, count: 800, atSeconds: 2}
      overrides:
        A: {duration: {distribution: constant, ms: 30000}}
        B: {duration: {distribution: constant, ms: 30000}}
)";
        const JsonTree results = resultsFor(text);
        QCOMPARE(count(results, "A", "invocations"), std::uint64_t(800));
        QCOMPARE(count(results, "B", "invocations"), std::uint64_t(200));
        QCOMPARE(count(results, "B", "throttles"), std::uint64_t(600));
    }

    void timeoutsStopTheInvocation()
    {
        const JsonTree results = resultsFor(oneFunction("      Timeout: 3\n", R"(      durationSeconds: 30
      entries:
        - resource: Worker
          load: {shape: constant, ratePerSecond: 2}
      overrides:
        Worker:
          duration: {distribution: constant, ms: 5000}
)"));
        const JsonTree& worker = results["resources"]["Worker"];
        QVERIFY(worker["timeouts"].get<std::uint64_t>() > 50);
        QCOMPARE(worker["timeouts"].get<std::uint64_t>(), worker["errors"].get<std::uint64_t>());
        QCOMPARE(worker["durationMs"]["maxMs"].get<double>(), 3000.0);
    }

    void asyncFailureIsAttemptedThreeTimesThenDeadLettered()
    {
        // Lambda retries a failed asynchronous event twice, about 1 and then 2 minutes later, then
        // sends it to the on-failure destination (or, without one, the dead-letter queue).
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt WorkerDlq.Arn}
  Notifier:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      EventInvokeConfig:
        DestinationConfig:
          OnFailure: {Type: SQS, Destination: !GetAtt NotifierFailures.Arn}
  WorkerDlq:
    Type: AWS::SQS::Queue
  NotifierFailures:
    Type: AWS::SQS::Queue
Metadata:
  Tributary:
    simulation:
      durationSeconds: 600
      traceEvery: 1
      entries:
        - resource: Worker
          invocation: async
          load: {shape: burst, count: 1, atSeconds: 1}
        - resource: Notifier
          invocation: async
          load: {shape: burst, count: 1, atSeconds: 1}
      overrides:
        Worker:
          errorRate: 1
          duration: {distribution: constant, ms: 100}
          coldStart: {distribution: constant, ms: 0}
        Notifier: {errorRate: 1, duration: {distribution: constant, ms: 100}}
)";
        std::unique_ptr<Simulator> simulator = simulatorFor(text);
        simulator->run();
        const JsonTree results = simulator->resultsJson();
        QCOMPARE(count(results, "Worker", "invocations"), std::uint64_t(3));
        QCOMPARE(count(results, "Worker", "retries"), std::uint64_t(2));
        QCOMPARE(count(results, "WorkerDlq", "received"), std::uint64_t(1));
        QCOMPARE(count(results, "Notifier", "invocations"), std::uint64_t(3));
        QCOMPARE(count(results, "NotifierFailures", "received"), std::uint64_t(1));

        std::vector<SimTime> starts;
        const int worker = simulator->model("Worker")->index();
        for (const TraceHop& hop : simulator->trace()->hops())
            if (hop.model == worker && hop.step == TraceStep::Start)
                starts.push_back(hop.time);
        QCOMPARE(starts.size(), std::size_t(3));
        // Each retry waits its delay after the failed attempt ended (100 ms after it started).
        QCOMPARE(starts[1] - starts[0], simSeconds(60.1));
        QCOMPARE(starts[2] - starts[1], simSeconds(120.1));
    }

    void asyncThrottlesAreRetriedUntilTheMaximumEventAge()
    {
        const JsonTree results = resultsFor(oneFunction(R"(      ReservedConcurrentExecutions: 0
      EventInvokeConfig:
        MaximumEventAgeInSeconds: 120
)",
                                                        R"(      durationSeconds: 600
      entries:
        - resource: Worker
          invocation: async
          load: {shape: burst, count: 1, atSeconds: 1}
)"));
        const JsonTree& worker = results["resources"]["Worker"];
        QCOMPARE(worker["invocations"].get<std::uint64_t>(), std::uint64_t(0));
        // Backoff 1, 2, 4, ... 64 s: the next wait would pass 120 s of age.
        QCOMPARE(worker["retries"].get<std::uint64_t>(), std::uint64_t(6));
        QCOMPARE(worker["throttles"].get<std::uint64_t>(), std::uint64_t(7));
        QCOMPARE(worker["asyncFailures"].get<std::uint64_t>(), std::uint64_t(1));
        QCOMPARE(worker["dropped"].get<std::uint64_t>(), std::uint64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestFunctionModel)
#include "tst_functionmodel.moc"
