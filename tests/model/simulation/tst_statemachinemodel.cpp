// Step Functions executions running their Amazon States Language definition, against the
// behaviour AWS documents: Choice rules on the input, Retry counts and backoff, Catch to a
// compensation, Parallel joins, Map iterations, Fail, TimeoutSeconds, DefinitionString with
// Fn::Sub, and definitions that cannot run.

#include "model/MessageError.h"
#include "model/simulation/AslChoiceRule.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/Trace.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

#include <vector>

using namespace tributary;
using namespace tributary::test;

namespace {

// The overrides that make a function's invocations (cold ones too) take 100 ms, answered at once.
const QByteArray fast = "duration: {distribution: constant, ms: 100}, coldDuration: {distribution: constant, ms: 100},"
                        " syncInvokeOverheadMs: 0";

// Functions A, B and C (A with overrides a, the others fast), and a Standard state machine Flow
// whose definition (YAML, indented under Definition) may name them as ${AArn}, ${BArn} and ${CArn}.
QByteArray flow(const char* definition, const char* scenario, const QByteArray& a = fast)
{
    QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
)";
    for (const char* name : {"A", "B", "C"})
        text += QByteArray("  ") + name + ":\n    Type: AWS::Serverless::Function\n"
                "    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x, Timeout: 60}\n";
    text += R"(  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: STANDARD
      DefinitionSubstitutions:
        AArn: !GetAtt A.Arn
        BArn: !GetAtt B.Arn
        CArn: !GetAtt C.Arn
      Definition:
)";
    text += definition;
    text += R"(Metadata:
  Tributary:
    simulation:
      durationSeconds: 600
      traceEvery: 1
)";
    text += scenario;
    text += "      overrides:\n";
    text += "        A: {" + a + "}\n        B: {" + fast + "}\n        C: {" + fast + "}\n";
    return text;
}

const char* tenExecutions = R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 10, atSeconds: 1}
)";

std::uint64_t entered(const JsonTree& results, const char* state)
{
    return results["resources"]["Flow"]["statesEntered"][state].get<std::uint64_t>();
}

std::uint64_t executions(const JsonTree& results, const char* outcome)
{
    return results["resources"]["Flow"]["executions"][outcome].get<std::uint64_t>();
}

QString dump(const JsonTree& results)
{
    return QString::fromStdString(results["resources"].dump());
}

/** When the function started an invocation, in simulated seconds, in order. */
std::vector<double> starts(const Simulator& simulator, const char* function)
{
    std::vector<double> times;
    const int model = simulator.model(function)->index();
    for (const TraceHop& hop : simulator.trace()->hops())
        if (hop.model == model && hop.step == TraceStep::Start)
            times.push_back(static_cast<double>(hop.time) / simMicrosPerSecond);
    return times;
}

AslChoiceRule::Result evaluate(const char* rule, const char* input)
{
    return AslChoiceRule::compile(JsonTree::parse(rule)).evaluate(JsonTree::parse(input));
}

} // namespace

class TestStateMachineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choiceRulesCompareAsTheStatesLanguageSays()
    {
        using R = AslChoiceRule::Result;
        const char* order = R"({"amount": 250, "kind": "refund", "file": "o-1.json", "vip": true, "note": null, "limit": 300, "at": "2026-12-02T05:00:00Z"})";
        struct Case
        {
            const char* rule;
            R expected;
        };
        const Case cases[] = {
            {R"({"Variable": "$.amount", "NumericGreaterThan": 100})", R::True},
            {R"({"Variable": "$.amount", "NumericLessThanEquals": 249})", R::False},
            {R"({"Variable": "$.amount", "NumericLessThanPath": "$.limit"})", R::True},
            {R"({"Variable": "$.kind", "StringEquals": "refund"})", R::True},
            {R"({"Variable": "$.kind", "StringGreaterThan": "rain"})", R::True},
            {R"({"Variable": "$.file", "StringMatches": "o-*.json"})", R::True},
            {R"({"Variable": "$.file", "StringMatches": "*.csv"})", R::False},
            {R"({"Variable": "$.kind", "StringMatches": "re\\*und"})", R::False},
            {R"({"Variable": "$.vip", "BooleanEquals": true})", R::True},
            {R"({"Variable": "$.note", "IsNull": true})", R::True},
            {R"({"Variable": "$.missing", "IsPresent": false})", R::True},
            {R"({"Variable": "$.at", "TimestampLessThan": "2026-12-02T06:00:00Z"})", R::True},
            // A comparison with a value of another type is false, not an error.
            {R"({"Variable": "$.kind", "NumericEquals": 1})", R::False},
            {R"({"And": [{"Variable": "$.vip", "BooleanEquals": true}, {"Not": {"Variable": "$.kind", "StringEquals": "sale"}}]})", R::True},
            {R"({"Or": [{"Variable": "$.amount", "NumericEquals": 1}, {"Variable": "$.amount", "NumericEquals": 2}]})", R::False},
            // A path that is not in the input is a States.Runtime error for every test but IsPresent.
            {R"({"Variable": "$.missing", "StringEquals": "x"})", R::Runtime},
        };
        for (const Case& c : cases) {
            const R result = evaluate(c.rule, order);
            QVERIFY2(result == c.expected, c.rule);
        }
        bool thrown = false;
        try {
            evaluate(R"({"Variable": "$.amount", "NumericAbout": 1})", order);
        } catch (const MessageError& error) {
            thrown = error.message().contains(QLatin1String("NumericAbout"));
        }
        QVERIFY(thrown);
    }

    void choiceRoutesEachExecutionByItsPayload()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Route
        States:
          Route:
            Type: Choice
            Choices:
              - Variable: $.order.amountCents
                NumericGreaterThanEquals: 100000
                Next: Review
              - And:
                  - Variable: $.order.country
                    StringEquals: FR
                  - Variable: $.order.express
                    BooleanEquals: true
                Next: Express
            Default: Standard
          Review: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${AArn}"}, End: true}
          Express: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${BArn}"}, End: true}
          Standard: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${CArn}"}, End: true}
)", R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 3, atSeconds: 1}
          payload: {order: {amountCents: 250000, country: DE, express: true}}
        - resource: Flow
          load: {shape: burst, count: 5, atSeconds: 1}
          payload: {order: {amountCents: 900, country: FR, express: true}}
        - resource: Flow
          load: {shape: burst, count: 7, atSeconds: 1}
          payload: {order: {amountCents: 900, country: FR, express: false}}
)"));
        QCOMPARE(count(results, "A", "invocations"), std::uint64_t(3));
        QCOMPARE(count(results, "B", "invocations"), std::uint64_t(5));
        QCOMPARE(count(results, "C", "invocations"), std::uint64_t(7));
        QCOMPARE(entered(results, "Route"), std::uint64_t(15));
        QCOMPARE(entered(results, "Standard"), std::uint64_t(7));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(15));
        // Standard bills one transition per state entered: Route and one task per execution.
        QCOMPARE(results["resources"]["Flow"]["stateTransitions"].get<std::uint64_t>(), std::uint64_t(30));
    }

    void aChoiceWithNoMatchAndNoDefaultFailsTheExecution()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Route
        States:
          Route:
            Type: Choice
            Choices:
              - {Variable: $.kind, StringEquals: sale, Next: Done}
          Done: {Type: Succeed}
)", R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 4, atSeconds: 1}
          payload: {kind: refund}
)"));
        QCOMPARE(executions(results, "failed"), std::uint64_t(4));
        QCOMPARE(entered(results, "Done"), std::uint64_t(0));
    }

    void aChoiceOnATaskResultTheSimulationDoesNotKnowTakesItsDefault()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Charge
        States:
          Charge: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${AArn}"},
                   ResultPath: $.charge, Next: Paid}
          Paid:
            Type: Choice
            Choices:
              - {Variable: $.charge.Payload.status, StringEquals: declined, Next: Refuse}
              - {Variable: $.kind, StringEquals: gift, Next: Wrap}
            Default: Ship
          Refuse: {Type: Fail, Error: Declined}
          Wrap: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${BArn}"}, End: true}
          Ship: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${CArn}"}, End: true}
)", R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 4, atSeconds: 1}
          payload: {kind: gift}
        - resource: Flow
          load: {shape: burst, count: 6, atSeconds: 1}
          payload: {kind: plain}
)"));
        // The unknown result counts as no match; the rules after it still decide.
        QCOMPARE(count(results, "B", "invocations"), std::uint64_t(4));
        QCOMPARE(count(results, "C", "invocations"), std::uint64_t(6));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(10));
        const std::string notes = results["resources"]["Flow"]["notes"].dump();
        QVERIFY2(notes.find("state Paid") != std::string::npos, notes.c_str());
    }

    void retryMaxAttemptsTwoMakesThreeAttemptsWithBackoff()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(flow(R"(        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: {FunctionName: "${AArn}"}
            Retry:
              - {ErrorEquals: [Lambda.ServiceException], MaxAttempts: 5}
              - {ErrorEquals: [States.TaskFailed], IntervalSeconds: 2, MaxAttempts: 2, BackoffRate: 3}
            End: true
)", R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 1, atSeconds: 1}
)", fast + ", errorRate: 1"));
        simulator->run();
        const JsonTree results = simulator->resultsJson();
        const std::vector<double> times = starts(*simulator, "A");
        QCOMPARE(times.size(), std::size_t(3));
        // Each attempt takes 100 ms; the retries wait IntervalSeconds, then IntervalSeconds x BackoffRate.
        QCOMPARE(qRound((times[1] - times[0]) * 1000), 2100);
        QCOMPARE(qRound((times[2] - times[1]) * 1000), 6100);
        QCOMPARE(count(results, "Flow", "retries"), std::uint64_t(2));
        QCOMPARE(executions(results, "failed"), std::uint64_t(1));
        QCOMPARE(entered(results, "Charge"), std::uint64_t(1));
        QCOMPARE(results["resources"]["Flow"]["stateTransitions"].get<std::uint64_t>(), std::uint64_t(3));
    }

    void maxDelaySecondsCapsTheBackoff()
    {
        std::unique_ptr<Simulator> simulator = simulatorFor(flow(R"(        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: "${AArn}"
            Retry:
              - {ErrorEquals: [States.ALL], IntervalSeconds: 1, MaxAttempts: 4, BackoffRate: 10, MaxDelaySeconds: 5}
            End: true
)", R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 1, atSeconds: 1}
)", fast + ", errorRate: 1"));
        simulator->run();
        const std::vector<double> times = starts(*simulator, "A");
        QCOMPARE(times.size(), std::size_t(5));
        QCOMPARE(qRound((times[2] - times[1]) * 1000), 5100);
        QCOMPARE(qRound((times[4] - times[3]) * 1000), 5100);
    }

    void aCatchRunsTheCompensationAndATaskWithoutRetryIsNotRetried()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: {FunctionName: "${AArn}"}
            Catch:
              - {ErrorEquals: [States.Timeout], Next: Ignored}
              - {ErrorEquals: [States.ALL], ResultPath: $.error, Next: Refund}
            Next: Ship
          Ship: {Type: Task, Resource: "${CArn}", End: true}
          Ignored: {Type: Succeed}
          Refund: {Type: Task, Resource: arn:aws:states:::lambda:invoke, Parameters: {FunctionName: "${BArn}"}, Next: Failed}
          Failed: {Type: Fail, Error: OrderNotFulfilled}
)", tenExecutions, fast + ", errorRate: 1"));
        QCOMPARE(count(results, "A", "invocations"), std::uint64_t(10));
        QCOMPARE(count(results, "B", "invocations"), std::uint64_t(10));
        QCOMPARE(count(results, "C", "invocations"), std::uint64_t(0));
        QCOMPARE(entered(results, "Refund"), std::uint64_t(10));
        QCOMPARE(entered(results, "Ignored"), std::uint64_t(0));
        QCOMPARE(executions(results, "caught"), std::uint64_t(10));
        QCOMPARE(executions(results, "failed"), std::uint64_t(10));
        QCOMPARE(count(results, "Flow", "retries"), std::uint64_t(0));
    }

    void timeoutSecondsRaisesStatesTimeoutWhichTaskFailedDoesNotMatch()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Slow
        States:
          Slow:
            Type: Task
            Resource: "${AArn}"
            TimeoutSeconds: 2
            Catch:
              - {ErrorEquals: [States.TaskFailed], Next: Broken}
              - {ErrorEquals: [States.Timeout], Next: Late}
            End: true
          Broken: {Type: Fail}
          Late: {Type: Pass, End: true}
)", tenExecutions,
                                                 "duration: {distribution: constant, ms: 5000}, coldDuration: {distribution: constant, ms: 5000}"));
        QCOMPARE(entered(results, "Late"), std::uint64_t(10));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(10));
        // Abandoned after 2 s (plus two transitions of 20 ms), not after the function's 5 s.
        QVERIFY2(results["resources"]["Flow"]["executionMs"]["maxMs"].get<double>() < 2100, qPrintable(dump(results)));
    }

    void parallelWaitsForAllBranches()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Both
        States:
          Both:
            Type: Parallel
            Branches:
              - StartAt: Long
                States:
                  Long: {Type: Wait, Seconds: 5, Next: Work}
                  Work: {Type: Task, Resource: "${AArn}", End: true}
              - StartAt: Short
                States:
                  Short: {Type: Wait, Seconds: 1, End: true}
            Next: After
          After: {Type: Task, Resource: "${BArn}", End: true}
)", tenExecutions));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(10));
        QCOMPARE(count(results, "B", "invocations"), std::uint64_t(10));
        // The longest branch (5 s + 100 ms) and transitions of 20 ms into Both, Long, Work and After.
        const JsonTree& durations = results["resources"]["Flow"]["executionMs"];
        QVERIFY2(durations["meanMs"].get<double>() == 5280 && durations["maxMs"].get<double>() == 5280, qPrintable(dump(results)));
        // One transition per state entered: Both, Long, Work, Short and After.
        QCOMPARE(results["resources"]["Flow"]["stateTransitions"].get<std::uint64_t>(), std::uint64_t(50));
    }

    void aFailingBranchFailsTheParallelStateAndStopsTheOthers()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Both
        States:
          Both:
            Type: Parallel
            Branches:
              - StartAt: Long
                States:
                  Long: {Type: Wait, Seconds: 100, Next: Late}
                  Late: {Type: Task, Resource: "${AArn}", End: true}
              - StartAt: Broken
                States:
                  Broken: {Type: Fail, Error: Broken}
            Catch:
              - {ErrorEquals: [Broken], Next: Handle}
            End: true
          Handle: {Type: Task, Resource: "${BArn}", End: true}
)", tenExecutions));
        QCOMPARE(entered(results, "Handle"), std::uint64_t(10));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(10));
        QCOMPARE(executions(results, "caught"), std::uint64_t(10));
        QCOMPARE(count(results, "A", "invocations"), std::uint64_t(0));
        QVERIFY2(results["resources"]["Flow"]["executionMs"]["maxMs"].get<double>() < 1000, qPrintable(dump(results)));
    }

    void mapRunsItsIterationsOverTheItemsArray()
    {
        const char* map = R"(        StartAt: Each
        States:
          Each:
            Type: Map
            ItemsPath: $.lines
            MaxConcurrency: %1
            ItemProcessor:
              StartAt: Pack
              States:
                Pack: {Type: Task, Resource: "${AArn}", End: true}
            End: true
)";
        const char* oneOrder = R"(      entries:
        - resource: Flow
          load: {shape: burst, count: 1, atSeconds: 1}
          payload: {lines: [espresso, grinder, beans]}
)";
        for (int concurrency : {0, 1}) {
            const QByteArray definition = QString::fromLatin1(map).arg(concurrency).toLatin1();
            const JsonTree results = resultsFor(flow(definition.constData(), oneOrder));
            QCOMPARE(count(results, "A", "invocations"), std::uint64_t(3));
            QCOMPARE(entered(results, "Pack"), std::uint64_t(3));
            QCOMPARE(results["resources"]["A"]["maxConcurrency"].get<int>(), concurrency == 1 ? 1 : 3);
        }
        // Without an array at ItemsPath the Map runs one iteration.
        const JsonTree single = resultsFor(flow(QString::fromLatin1(map).arg(0).toLatin1().constData(), tenExecutions));
        QCOMPARE(count(single, "A", "invocations"), std::uint64_t(10));
    }

    void aFailStateFailsTheExecution()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Check
        States:
          Check: {Type: Pass, Next: Stop}
          Stop: {Type: Fail, Error: Rejected, Cause: always}
)", tenExecutions));
        QCOMPARE(executions(results, "failed"), std::uint64_t(10));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(0));
        QCOMPARE(entered(results, "Stop"), std::uint64_t(10));
        QCOMPARE(results["resources"]["Flow"]["definition"].get<std::string>(), std::string("read"));
    }

    void aTaskNoEdgeMatchesSucceedsAtOnce()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Elsewhere
        States:
          Elsewhere:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: {FunctionName: "arn:aws:lambda:eu-west-1:123456789012:function:other-stack"}
            End: true
)", tenExecutions));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(10));
        QCOMPARE(count(results, "A", "invocations") + count(results, "B", "invocations"), std::uint64_t(0));
    }

    void definitionStringWithFnSubResolvesItsTasks()
    {
        // The task edges to the functions come from SAM connectors, the one to the topic from DefinitionSubstitutions.
        const QByteArray text = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  FlowInvokesReserve:
    Type: AWS::Serverless::Connector
    Properties: {Source: {Id: Flow}, Destination: {Id: Reserve}, Permissions: [Write]}
  FlowInvokesCharge:
    Type: AWS::Serverless::Connector
    Properties: {Source: {Id: Flow}, Destination: {Id: Charge}, Permissions: [Write]}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
  Reserve:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: index.handler, Role: !GetAtt Role.Arn, Code: {ZipFile: x}}
  Charge:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: index.handler, Role: !GetAtt Role.Arn, Code: {ZipFile: x}}
  Shipped:
    Type: AWS::SNS::Topic
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionSubstitutions:
        ShippedTopic: !Ref Shipped
      DefinitionString: !Sub
        - |
          {
            "StartAt": "Reserve",
            "States": {
              "Reserve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "${Reserve.Arn}", "Payload.$": "$"}, "Next": "Charge"},
              "Charge": {"Type": "Task", "Resource": "${ChargeArn}", "Next": "Tell"},
              "Tell": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                       "Parameters": {"TopicArn": "${ShippedTopic}", "Message.$": "$"}, "End": true}
            }
          }
        - ChargeArn: !GetAtt Charge.Arn
Metadata:
  Tributary:
    simulation:
      durationSeconds: 60
      entries:
        - resource: Flow
          load: {shape: burst, count: 6, atSeconds: 1}
)";
        const JsonTree results = resultsFor(text);
        QVERIFY2(results["resources"]["Flow"]["definition"].get<std::string>() == "read", qPrintable(dump(results)));
        QCOMPARE(count(results, "Reserve", "invocations"), std::uint64_t(6));
        QCOMPARE(count(results, "Charge", "invocations"), std::uint64_t(6));
        QCOMPARE(count(results, "Shipped", "received"), std::uint64_t(6));
        QCOMPARE(executions(results, "succeeded"), std::uint64_t(6));
    }

    void aWaitOnAPathOrTimestampIsReadAsNoWaitWithANote()
    {
        const JsonTree results = resultsFor(flow(R"(        StartAt: Later
        States:
          Later: {Type: Wait, SecondsPath: $.delay, Next: Sooner}
          Sooner: {Type: Wait, Seconds: 3, End: true}
)", tenExecutions));
        const JsonTree& flow = results["resources"]["Flow"];
        QVERIFY2(flow["notes"][0].get<std::string>().find("SecondsPath") != std::string::npos, qPrintable(dump(results)));
        QCOMPARE(flow["executionMs"]["meanMs"].get<double>(), 3040.0);
    }

    void aDefinitionStringThatIsNotJsonIsAScenarioError()
    {
        try {
            simulatorFor(R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/flow
      DefinitionString: '{"StartAt": "A", "States": {'
)");
            QFAIL("no error");
        } catch (const ScenarioError& error) {
            QVERIFY2(error.message().contains(QLatin1String("Flow")) && error.message().contains(QLatin1String("line 1")),
                     qPrintable(error.message()));
        }
    }

    void withoutADefinitionTheTaskEdgesRunInOrderWithTheDefaultRetries()
    {
        const JsonTree results = resultsFor(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Reserve:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: {Bucket: definitions, Key: flow.asl.json}
      DefinitionSubstitutions:
        ReserveArn: !GetAtt Reserve.Arn
Metadata:
  Tributary:
    simulation:
      durationSeconds: 60
      entries:
        - resource: Flow
          load: {shape: burst, count: 4, atSeconds: 1}
      overrides:
        Reserve: {errorRate: 1}
)");
        const JsonTree& flow = results["resources"]["Flow"];
        QCOMPARE(flow["definition"].get<std::string>(), std::string("task edges in connection order"));
        QVERIFY(flow["notes"][0].get<std::string>().find("DefinitionUri") != std::string::npos);
        // taskRetryDefaultMaxAttempts: 3 attempts in all.
        QCOMPARE(count(results, "Reserve", "invocations"), std::uint64_t(12));
        QCOMPARE(executions(results, "failed"), std::uint64_t(4));
    }

    void invalidDefinitionsNameTheResourceAndTheState()
    {
        struct Case
        {
            const char* definition;
            const char* state;
        };
        const Case cases[] = {
            {"        StartAt: One\n        States:\n          One: {Type: Pass, Next: Nowhere}\n", "One"},
            {"        States:\n          One: {Type: Pass, End: true}\n", "StartAt"},
            {"        StartAt: One\n        States:\n          One: {Type: Jump, End: true}\n", "Jump"},
            {"        StartAt: One\n        States:\n          One: {Type: Pass}\n", "One"},
            {R"(        StartAt: Both
        States:
          Both:
            Type: Parallel
            Branches:
              - StartAt: Inner
                States:
                  Inner: {Type: Task, Resource: "${AArn}", Catch: [{ErrorEquals: [States.ALL], Next: Both}], End: true}
            End: true
)", "Inner"},
            {R"(        StartAt: Route
        States:
          Route:
            Type: Choice
            Choices: [{Variable: $.x, NumericAbout: 1, Next: Route}]
)", "Route"},
        };
        for (const Case& c : cases) {
            try {
                simulatorFor(flow(c.definition, tenExecutions));
                QFAIL(c.definition);
            } catch (const ScenarioError& error) {
                QVERIFY2(error.message().contains(QLatin1String("Flow")) && error.message().contains(QLatin1String(c.state)),
                         qPrintable(error.message()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestStateMachineModel)
#include "tst_statemachinemodel.moc"
