// One data-driven test per validation rule: each row builds an architecture with the Architecture
// mutators (tests/model/validation/ValidationTestSupport.h), runs the rule alone, and compares the
// resources of its findings ("Q,F" per finding); rows show the rule firing and not firing.

#include "model/ModelTestSupport.h"
#include "model/validation/ValidationTestSupport.h"

#include "model/validation/AsyncFailureDestinationRule.h"
#include "model/validation/ConnectionAllowedRule.h"
#include "model/validation/DeadLetterQueueTypeRule.h"
#include "model/validation/EventPatternCheck.h"
#include "model/validation/EventPatternRule.h"
#include "model/validation/FifoTargetRule.h"
#include "model/validation/FunctionCallsFunctionRule.h"
#include "model/validation/OrphanResourceRule.h"
#include "model/validation/RecursiveLoopRule.h"
#include "model/validation/RequiredPropertiesRule.h"
#include "model/validation/RuleTargetLimitRule.h"
#include "model/validation/UnusedParameterRule.h"
#include "model/validation/Validator.h"
#include "model/validation/VisibilityTimeoutRule.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace tributary;
using namespace tributary::test;

namespace {

void addColumns()
{
    QTest::addColumn<QByteArray>("architecture");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("mention");
}

void row(const char* name, const char* architecture, const QStringList& expected, const QString& mention = {})
{
    QTest::newRow(name) << QByteArray(architecture) << expected << mention;
}

/** A rule that throws, to show the validator reports it instead of passing the exception on. */
class ThrowingRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E999"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("Throws"); }
    std::vector<Finding> check(const Architecture&, const Catalogue&) const override
    {
        throw std::runtime_error("boom");
    }
};

/** Reports the same finding twice, and one of another severity. */
class RepeatingRule : public ValidationRule
{
public:
    RepeatingRule(QString id, Finding::Severity severity)
        : m_id(std::move(id))
        , m_severity(severity)
    {
    }
    QString id() const override { return m_id; }
    Finding::Severity severity() const override { return m_severity; }
    QString title() const override { return QStringLiteral("Repeats"); }
    std::vector<Finding> check(const Architecture&, const Catalogue&) const override
    {
        return {finding(QStringLiteral("B twice"), {QStringLiteral("B")}), finding(QStringLiteral("B twice"), {QStringLiteral("B")}),
                finding(QStringLiteral("A once"), {QStringLiteral("A")})};
    }

private:
    QString m_id;
    Finding::Severity m_severity;
};

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private:
    const Catalogue* m_catalogue = nullptr;

    void checkRule(const ValidationRule& rule)
    {
        QFETCH(QByteArray, architecture);
        QFETCH(QStringList, expected);
        QFETCH(QString, mention);
        QString problem;
        const Architecture built = architectureFrom(*m_catalogue, architecture, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const std::vector<Finding> findings = rule.check(built, *m_catalogue);
        QStringList actual;
        QStringList messages;
        for (const Finding& finding : findings) {
            QCOMPARE(finding.rule, rule.id());
            QCOMPARE(finding.severity, rule.severity());
            QVERIFY(!finding.message.isEmpty());
            for (const QString& id : finding.resources)
                QVERIFY2(finding.message.contains(id), qPrintable(QStringLiteral("'%1' not named in: %2").arg(id, finding.message)));
            for (const QString& id : finding.connections)
                QVERIFY2(built.connection(id), qPrintable(id));
            actual.append(finding.resources.join(QLatin1Char(',')));
            messages.append(finding.message);
        }
        QVERIFY2(sorted(actual) == sorted(expected),
                 qPrintable(QStringLiteral("found [%1], expected [%2]\n%3")
                                .arg(actual.join(QStringLiteral("; ")), expected.join(QStringLiteral("; ")),
                                     messages.join(QLatin1Char('\n')))));
        if (!mention.isEmpty())
            QVERIFY2(messages.join(QLatin1Char('\n')).contains(mention),
                     qPrintable(QStringLiteral("'%1' not in:\n%2").arg(mention, messages.join(QLatin1Char('\n')))));
        // Every rule also runs inside the validator without trouble.
        Validator::withBuiltInRules().validate(built, *m_catalogue);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        m_catalogue = builtInCatalogue(&problem);
        QVERIFY2(m_catalogue, qPrintable(problem));
    }

    void builtInRulesHaveDistinctWellFormedIds()
    {
        const Validator validator = Validator::withBuiltInRules();
        QVERIFY(validator.rules().size() >= 12);
        QSet<QString> ids;
        const QRegularExpression pattern(QStringLiteral("^TRIB-([EWI])\\d{3}$"));
        for (const auto& rule : validator.rules()) {
            const QRegularExpressionMatch match = pattern.match(rule->id());
            QVERIFY2(match.hasMatch(), qPrintable(rule->id()));
            const QString letter = match.captured(1);
            const Finding::Severity expected = letter == QLatin1String("E")   ? Finding::Severity::Error
                                               : letter == QLatin1String("W") ? Finding::Severity::Warning
                                                                              : Finding::Severity::Info;
            QCOMPARE(rule->severity(), expected);
            QVERIFY(!rule->title().isEmpty());
            QVERIFY2(!ids.contains(rule->id()), qPrintable(rule->id()));
            ids.insert(rule->id());
            QCOMPARE(validator.rule(rule->id()), rule.get());
        }
        QCOMPARE(validator.rule(QStringLiteral("TRIB-X000")), nullptr);
    }

    void validatorSortsAndDropsDuplicates()
    {
        Validator validator;
        validator.addRule(std::make_unique<RepeatingRule>(QStringLiteral("TRIB-W100"), Finding::Severity::Warning));
        validator.addRule(std::make_unique<RepeatingRule>(QStringLiteral("TRIB-E100"), Finding::Severity::Error));
        validator.addRule(std::make_unique<RepeatingRule>(QStringLiteral("TRIB-I100"), Finding::Severity::Info));
        const std::vector<Finding> findings = validator.validate(Architecture(), *m_catalogue);
        QStringList order;
        for (const Finding& finding : findings)
            order.append(finding.rule + QLatin1Char(' ') + finding.resources.join(QLatin1Char(',')));
        QCOMPARE(order, (QStringList{"TRIB-E100 A", "TRIB-E100 B", "TRIB-W100 A", "TRIB-W100 B", "TRIB-I100 A", "TRIB-I100 B"}));
    }

    void validatorReportsARuleThatThrows()
    {
        Validator validator;
        validator.addRule(std::make_unique<ThrowingRule>());
        const std::vector<Finding> findings = validator.validate(Architecture(), *m_catalogue);
        QCOMPARE(findings.size(), std::size_t(1));
        QCOMPARE(findings[0].rule, QStringLiteral("TRIB-E999"));
        QVERIFY(findings[0].message.contains(QLatin1String("boom")));
    }

    void newResourcesOfEveryKindHaveTheirRequiredProperties()
    {
        Architecture architecture;
        int index = 0;
        for (const ResourceKind& kind : m_catalogue->kinds()) {
            if (!kind.generic)
                architecture.insertResource(index, m_catalogue->makeResource(kind, QStringLiteral("R%1").arg(index), {}));
            index += kind.generic ? 0 : 1;
        }
        QVERIFY(index >= 15);
        const std::vector<Finding> findings = RequiredPropertiesRule().check(architecture, *m_catalogue);
        QStringList messages;
        for (const Finding& finding : findings)
            messages.append(finding.message);
        QVERIFY2(findings.empty(), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void requiredProperties_data()
    {
        addColumns();
        row("a new function", R"({"resources": {"F": {"kind": "function"}}})", {});
        row("function without Handler", R"({"resources": {"F": {"kind": "function", "set": {"Handler": null}}}})",
            {"F"}, "Handler");
        row("SAM function without code (the SAM CLI packages the folder)",
            R"({"resources": {"F": {"kind": "function", "set": {"InlineCode": null}}}})", {});
        row("container image function needs no runtime, handler or code",
            R"({"resources": {"F": {"kind": "function", "properties": {"PackageType": "Image", "ImageUri": "repo:tag"}}}})", {});
        row("runtime and handler from SAM Globals",
            R"({"resources": {"F": {"kind": "function", "set": {"Runtime": null, "Handler": null}}},
                "sections": {"Globals": {"Function": {"Runtime": "python3.12", "Handler": "app.handler"}}}})", {});
        row("Lambda::Function needs Code and Role",
            R"({"resources": {"F": {"kind": "function", "type": "AWS::Lambda::Function",
                                    "properties": {"Runtime": "python3.12", "Handler": "index.handler"}}}})",
            {"F", "F"}, "Role");
        row("table without KeySchema", R"({"resources": {"T": {"kind": "table", "set": {"KeySchema": null}}}})", {"T"},
            "KeySchema");
        row("SAM simple table needs nothing",
            R"({"resources": {"T": {"kind": "table", "type": "AWS::Serverless::SimpleTable", "properties": {}}}})", {});
        row("rule with neither pattern nor schedule",
            R"({"resources": {"R": {"kind": "eventRule", "properties": {"State": "ENABLED"}}}})", {"R"},
            "EventPattern or ScheduleExpression");
        row("rule with a schedule only",
            R"J({"resources": {"R": {"kind": "eventRule", "properties": {"ScheduleExpression": "rate(1 hour)"}}}})J", {});
        row("pipe without a role", R"({"resources": {"P": {"kind": "pipe", "set": {"RoleArn": null}}}})", {"P"}, "RoleArn");
        row("dead-letter edge without maxReceiveCount",
            R"({"resources": {"Q": {"kind": "queue"}, "D": {"kind": "queue"}},
                "connections": [{"from": "Q", "to": "D", "rule": "queueDeadLetterToQueue"}]})",
            {"Q,D"}, "Maximum receives");
        row("dead-letter edge with maxReceiveCount",
            R"({"resources": {"Q": {"kind": "queue"}, "D": {"kind": "queue"}},
                "connections": [{"from": "Q", "to": "D", "rule": "queueDeadLetterToQueue", "properties": {"maxReceiveCount": 3}}]})",
            {});
        row("properties made by a transform are skipped",
            R"({"resources": {"F": {"kind": "function", "properties": {"Fn::Transform": {"Name": "AWS::Include"}}}}})", {});
        row("an intrinsic PackageType may make it an image",
            R"({"resources": {"F": {"kind": "function", "properties": {"PackageType": {"Ref": "Packaging"}}}}})", {});
    }
    void requiredProperties() { checkRule(RequiredPropertiesRule()); }

    void requiredMarkInHelpText()
    {
        QVERIFY(RequiredPropertiesRule::isMarkedRequired(QStringLiteral("Required. The name of the thing.")));
        QVERIFY(RequiredPropertiesRule::isMarkedRequired(QStringLiteral("How many receives. Required.")));
        QVERIFY(!RequiredPropertiesRule::isMarkedRequired(QStringLiteral("Required for a FIFO queue: the group.")));
        QVERIFY(!RequiredPropertiesRule::isMarkedRequired(QStringLiteral("Whether MFA is off, required, or optional.")));
    }

    void connectionAllowed_data()
    {
        addColumns();
        row("queue to function by its rule",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction"}]})", {});
        row("a rule the catalogue lacks",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueTeleportsToFunction", "id": "Odd"}]})",
            {"Q,F"}, "queueTeleportsToFunction");
        row("a rule for other kinds",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"}},
                "connections": [{"from": "T", "to": "F", "rule": "queueToFunction", "id": "Wrong"}]})",
            {"T,F"}, "SQS event source");
        row("a missing end",
            R"({"resources": {"Q": {"kind": "queue"}},
                "connections": [{"from": "Q", "to": "Ghost", "rule": "queueToFunction", "id": "Dangling"}]})",
            {"Q"}, "Ghost");
        row("the wildcard reference rule joins any kinds",
            R"({"resources": {"T": {"kind": "topic"}, "Role": {"kind": "generic", "type": "AWS::IAM::Role"}},
                "connections": [{"from": "Role", "to": "T", "rule": "reference"}]})", {});
    }
    void connectionAllowed() { checkRule(ConnectionAllowedRule()); }

    void visibilityTimeout_data()
    {
        addColumns();
        const char* consumer = R"({"resources": {"Q": {"kind": "queue", "set": %1}, "F": {"kind": "function", "set": %2}},
                                   "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction", "properties": %3}]%4})";
        const auto make = [consumer](const char* queue, const char* function, const char* edge = "{}", const char* extra = "") {
            static std::vector<QByteArray> keep;
            keep.push_back(QString::fromLatin1(consumer).arg(QLatin1String(queue), QLatin1String(function),
                                                             QLatin1String(edge), QLatin1String(extra)).toLatin1());
            return keep.back().constData();
        };
        row("10 s queue, 30 s function", make(R"({"VisibilityTimeout": 10})", R"({"Timeout": 30})"), {"Q,F"},
            "at least 180");
        row("defaults: 30 s queue, 3 s function", make("{}", "{}"), {});
        row("default queue, 10 s function", make("{}", R"({"Timeout": 10})"), {"Q,F"}, "(the default)");
        row("exactly six times", make(R"({"VisibilityTimeout": 180})", R"({"Timeout": 30})"), {});
        row("the batching window counts",
            make(R"({"VisibilityTimeout": 180})", R"({"Timeout": 30})", R"({"MaximumBatchingWindowInSeconds": 20})"),
            {"Q,F"}, "at least 200");
        row("function timeout from SAM Globals",
            make(R"({"VisibilityTimeout": 300})", R"({"Timeout": null})", "{}",
                 R"(, "sections": {"Globals": {"Function": {"Timeout": 60}}})"),
            {"Q,F"}, "60 s timeout");
        row("numbers written as strings", make(R"({"VisibilityTimeout": "10"})", R"({"Timeout": "30"})"), {"Q,F"});
        row("intrinsic timeout is skipped",
            make(R"({"VisibilityTimeout": {"Ref": "Visibility"}})", R"({"Timeout": 30})"), {});
        row("a send is no consumer",
            R"({"resources": {"Q": {"kind": "queue", "set": {"VisibilityTimeout": 10}}, "F": {"kind": "function", "set": {"Timeout": 30}}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionSendsToQueue"}]})", {});
    }
    void visibilityTimeout() { checkRule(VisibilityTimeoutRule()); }

    void deadLetterQueueType_data()
    {
        addColumns();
        const char* redrive = R"({"resources": {"Q": {"kind": "queue", "set": %1}, "D": {"kind": "queue", "set": %2}},
                                  "connections": [{"from": "Q", "to": "D", "rule": "queueDeadLetterToQueue",
                                                   "properties": {"maxReceiveCount": 5}}]})";
        const auto make = [redrive](const char* queue, const char* deadLetter) {
            static std::vector<QByteArray> keep;
            keep.push_back(QString::fromLatin1(redrive).arg(QLatin1String(queue), QLatin1String(deadLetter)).toLatin1());
            return keep.back().constData();
        };
        row("FIFO queue, standard DLQ", make(R"({"FifoQueue": true})", "{}"), {"Q,D"}, "a FIFO queue");
        row("standard queue, FIFO DLQ", make("{}", R"({"FifoQueue": true})"), {"Q,D"}, "a standard queue");
        row("both FIFO", make(R"({"FifoQueue": true})", R"({"FifoQueue": true})"), {});
        row("both standard", make("{}", R"({"FifoQueue": false})"), {});
        row("FifoQueue written as a string", make(R"({"FifoQueue": "true"})", "{}"), {"Q,D"});
        row("an intrinsic decides: skipped", make(R"({"FifoQueue": {"Fn::If": ["Fifo", true, false]}})", "{}"), {});
        row("a function's DLQ is another rule's business",
            R"({"resources": {"F": {"kind": "function"}, "D": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "F", "to": "D", "rule": "functionDeadLetterToQueue"}]})", {});
    }
    void deadLetterQueueType() { checkRule(DeadLetterQueueTypeRule()); }

    void ruleTargetLimit_data()
    {
        addColumns();
        row("five target edges",
            R"({"resources": {"R": {"kind": "eventRule"}, "F1": {"kind": "function"}, "F2": {"kind": "function"},
                              "F3": {"kind": "function"}, "F4": {"kind": "function"}, "F5": {"kind": "function"}},
                "connections": [{"from": "R", "to": "F1", "rule": "eventRuleToFunction"}, {"from": "R", "to": "F2", "rule": "eventRuleToFunction"},
                                {"from": "R", "to": "F3", "rule": "eventRuleToFunction"}, {"from": "R", "to": "F4", "rule": "eventRuleToFunction"},
                                {"from": "R", "to": "F5", "rule": "eventRuleToFunction"}]})", {});
        row("six target edges",
            R"({"resources": {"R": {"kind": "eventRule"}, "F1": {"kind": "function"}, "F2": {"kind": "function"},
                              "F3": {"kind": "function"}, "F4": {"kind": "function"}, "F5": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "R", "to": "F1", "rule": "eventRuleToFunction"}, {"from": "R", "to": "F2", "rule": "eventRuleToFunction"},
                                {"from": "R", "to": "F3", "rule": "eventRuleToFunction"}, {"from": "R", "to": "F4", "rule": "eventRuleToFunction"},
                                {"from": "R", "to": "F5", "rule": "eventRuleToFunction"}, {"from": "R", "to": "Q", "rule": "eventRuleToQueue"}]})",
            {"R,F1,F2,F3,F4,F5,Q"}, "6 targets");
        row("six entries in the rule's Targets",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"Targets": [
                    {"Id": "A", "Arn": "arn:a"}, {"Id": "B", "Arn": "arn:b"}, {"Id": "C", "Arn": "arn:c"},
                    {"Id": "D", "Arn": "arn:d"}, {"Id": "E", "Arn": "arn:e"}, {"Id": "F", "Arn": "arn:f"}]}}}})",
            {"R"}, "at most 5");
        row("five entries in the rule's Targets",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"Targets": [
                    {"Id": "A", "Arn": "arn:a"}, {"Id": "B", "Arn": "arn:b"}, {"Id": "C", "Arn": "arn:c"},
                    {"Id": "D", "Arn": "arn:d"}, {"Id": "E", "Arn": "arn:e"}]}}}})", {});
        row("reference edges are no targets",
            R"({"resources": {"R": {"kind": "eventRule"}, "T1": {"kind": "topic"}, "T2": {"kind": "topic"}, "T3": {"kind": "topic"},
                              "T4": {"kind": "topic"}, "T5": {"kind": "topic"}, "T6": {"kind": "topic"}},
                "connections": [{"from": "R", "to": "T1", "rule": "reference"}, {"from": "R", "to": "T2", "rule": "reference"},
                                {"from": "R", "to": "T3", "rule": "reference"}, {"from": "R", "to": "T4", "rule": "reference"},
                                {"from": "R", "to": "T5", "rule": "reference"}, {"from": "R", "to": "T6", "rule": "reference"}]})", {});
    }
    void ruleTargetLimit() { checkRule(RuleTargetLimitRule()); }

    void fifoTarget_data()
    {
        addColumns();
        row("standard topic to FIFO queue",
            R"({"resources": {"T": {"kind": "topic"}, "Q": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "T", "to": "Q", "rule": "topicToQueue"}]})", {"T,Q"}, "Standard topic T");
        row("FIFO topic to FIFO queue",
            R"({"resources": {"T": {"kind": "topic", "set": {"FifoTopic": true}}, "Q": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "T", "to": "Q", "rule": "topicToQueue"}]})", {});
        row("FIFO topic to standard queue",
            R"({"resources": {"T": {"kind": "topic", "set": {"FifoTopic": true}}, "Q": {"kind": "queue"}},
                "connections": [{"from": "T", "to": "Q", "rule": "topicToQueue"}]})", {});
        row("FIFO topic to function",
            R"({"resources": {"T": {"kind": "topic", "set": {"FifoTopic": true}}, "F": {"kind": "function"}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {"T,F"}, "only to SQS queues");
        row("FIFO topic to function through a SAM SQS subscription",
            R"({"resources": {"T": {"kind": "topic", "set": {"FifoTopic": true}},
                              "F": {"kind": "function", "set": {"Events": {"OnTopic": {"Type": "SNS",
                                    "Properties": {"Topic": {"Ref": "T"}, "SqsSubscription": true}}}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction", "parts": [{"resource": "F", "path": "/Events/OnTopic"}]}]})",
            {});
        row("rule to FIFO queue without a message group",
            R"({"resources": {"R": {"kind": "eventRule"}, "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}},
                "connections": [{"from": "R", "to": "Q", "rule": "eventRuleToQueue"}]})", {"R,Q"}, "message group");
        row("rule to FIFO queue with group and deduplication",
            R"({"resources": {"R": {"kind": "eventRule"}, "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}},
                "connections": [{"from": "R", "to": "Q", "rule": "eventRuleToQueue", "properties": {"SqsParameters": {"MessageGroupId": "g"}}}]})",
            {});
        row("rule to FIFO queue without content-based deduplication",
            R"({"resources": {"R": {"kind": "eventRule"}, "Q": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "R", "to": "Q", "rule": "eventRuleToQueue", "properties": {"SqsParameters": {"MessageGroupId": "g"}}}]})",
            {"R,Q"}, "ContentBasedDeduplication");
        row("schedule to FIFO queue without a message group",
            R"({"resources": {"S": {"kind": "schedule"}, "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}},
                "connections": [{"from": "S", "to": "Q", "rule": "scheduleToQueue"}]})", {"S,Q"}, "Schedule S");
        row("pipe to FIFO queue without a message group",
            R"({"resources": {"P": {"kind": "pipe"}, "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}},
                "connections": [{"from": "P", "to": "Q", "rule": "pipeToQueue"}]})", {"P,Q"}, "Pipe P");
        row("pipe to FIFO queue with group and deduplication id",
            R"({"resources": {"P": {"kind": "pipe"}, "Q": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "P", "to": "Q", "rule": "pipeToQueue",
                                 "properties": {"SqsQueueParameters": {"MessageGroupId": "g", "MessageDeduplicationId": "$.id"}}}]})",
            {});
        row("on-failure destination on a FIFO queue",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue", "set": {"FifoQueue": true}}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionOnFailureToQueue"}]})", {"F,Q"}, "destination");
        row("dead-letter queue on a FIFO topic",
            R"({"resources": {"F": {"kind": "function"}, "T": {"kind": "topic", "set": {"FifoTopic": true}}},
                "connections": [{"from": "F", "to": "T", "rule": "functionDeadLetterToTopic"}]})", {"F,T"}, "dead-letter queue");
        row("dead-letter queue on a standard queue",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionDeadLetterToQueue"}]})", {});
        row("FIFO queue read in batches of 20",
            R"({"resources": {"Q": {"kind": "queue", "set": {"FifoQueue": true}}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction", "properties": {"BatchSize": 20}}]})",
            {"Q,F"}, "at most 10");
        row("FIFO queue read in batches of 10",
            R"({"resources": {"Q": {"kind": "queue", "set": {"FifoQueue": true}}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction", "properties": {"BatchSize": 10}}]})", {});
        row("bucket notification to a FIFO queue",
            R"({"resources": {"B": {"kind": "bucket", "set": {"NotificationConfiguration": {"QueueConfigurations": [
                    {"Event": "s3:ObjectCreated:*", "Queue": {"Fn::GetAtt": ["Q", "Arn"]}}]}}},
                              "Q": {"kind": "queue", "set": {"FifoQueue": true}}}})", {"B,Q"}, "S3");
        row("bucket notification to a standard queue",
            R"({"resources": {"B": {"kind": "bucket", "set": {"NotificationConfiguration": {"QueueConfigurations": [
                    {"Event": "s3:ObjectCreated:*", "Queue": {"Fn::GetAtt": ["Q", "Arn"]}}]}}},
                              "Q": {"kind": "queue"}}})", {});
        row("a rule's own Targets entry to a FIFO queue",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"Targets": [{"Id": "Q", "Arn": {"Fn::GetAtt": ["Q", "Arn"]}}]}},
                              "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}}})",
            {"R,Q"}, "message group");
        row("the Targets entry and its edge are reported once",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"Targets": [{"Id": "Q", "Arn": {"Fn::GetAtt": ["Q", "Arn"]}}]}},
                              "Q": {"kind": "queue", "set": {"FifoQueue": true, "ContentBasedDeduplication": true}}},
                "connections": [{"from": "R", "to": "Q", "rule": "eventRuleToQueue", "parts": [{"resource": "R", "path": "/Targets/0"}]}]})",
            {"R,Q"});
    }
    void fifoTarget() { checkRule(FifoTargetRule()); }

    void eventPattern_data()
    {
        addColumns();
        row("a new rule's pattern", R"({"resources": {"R": {"kind": "eventRule"}}})", {});
        row("a value that is no list",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"source": "com.example"}}}}})", {"R"},
            "'source' must be a list of values");
        row("an empty pattern", R"({"resources": {"R": {"kind": "eventRule", "properties": {"EventPattern": {}}}}})", {"R"}, "empty");
        row("a pattern written as JSON text",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"$json": {"source": ["a"]}}}}}})", {});
        row("JSON text that does not parse",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": "source = a"}}}})", {"R"}, "not valid JSON");
        row("an unknown matcher",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"detail": {"id": [{"startsWith": "a"}]}}}}}})",
            {"R"}, "startsWith");
        row("an empty list", R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"source": []}}}}})", {"R"},
            "empty list");
        row("numeric, exists, cidr, wildcard and friends",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {
                    "source": [{"prefix": "com."}, {"suffix": {"equals-ignore-case": ".APP"}}],
                    "detail": {"n": [{"numeric": [">", 0, "<=", 5]}], "ip": [{"cidr": "10.0.0.0/24"}],
                               "file": [{"wildcard": "*.png"}], "state": [{"anything-but": ["a", "b"]}],
                               "name": [{"anything-but": {"prefix": "test"}}], "user": [{"exists": false}],
                               "color": [{"equals-ignore-case": "red"}], "flag": [true, null, 3]},
                    "$or": [{"detail-type": ["x"]}, {"detail": {"y": [{"exists": true}]}}]}}}}})", {});
        row("a numeric matcher with a bad comparison",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"detail": {"n": [{"numeric": ["~", 1]}]}}}}}})",
            {"R"}, "numeric");
        row("a matcher with two keys",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"source": [{"prefix": "a", "suffix": "b"}]}}}}})",
            {"R"}, "exactly one");
        row("intrinsic values are taken as valid",
            R"({"resources": {"R": {"kind": "eventRule", "set": {"EventPattern": {"source": [{"Ref": "Source"}], "detail": {"Fn::If": ["C", {}, {}]}}}}}})",
            {});
        row("nested filter policy on message attributes",
            R"({"resources": {"T": {"kind": "topic"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "T", "to": "Q", "rule": "topicToQueue", "properties": {"FilterPolicy": {"order": {"kind": ["big"]}}}}]})",
            {"T,Q"}, "cannot nest");
        row("nested filter policy on the message body",
            R"({"resources": {"T": {"kind": "topic"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "T", "to": "Q", "rule": "topicToQueue",
                                 "properties": {"FilterPolicy": {"order": {"kind": ["big"]}}, "FilterPolicyScope": "MessageBody"}}]})",
            {});
        row("filter policy value that is no list",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction", "properties": {"FilterPolicy": {"kind": "big"}}}]})",
            {"T,F"}, "'kind'");
        row("filter criteria with a bad pattern",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction",
                                 "properties": {"FilterCriteria": {"Filters": [{"Pattern": {"$json": {"body": "x"}}}]}}}]})",
            {"Q,F"}, "filter 1");
        row("filter criteria with good patterns",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction",
                                 "properties": {"FilterCriteria": {"Filters": [{"Pattern": {"$json": {"body": {"kind": ["a"]}}}},
                                                                               {"Pattern": {"attributes": {"n": [1]}}}]}}}]})",
            {});
        row("a pipe's filter without a pattern",
            R"({"resources": {"P": {"kind": "pipe", "set": {"SourceParameters": {"FilterCriteria": {"Filters": [{}]}}}}}})",
            {"P"}, "no 'Pattern'");
        row("a SAM event's pattern no edge covers",
            R"({"resources": {"F": {"kind": "function", "set": {"Events": {"OnOrder": {"Type": "EventBridgeRule",
                                                                 "Properties": {"Pattern": {"source": "x"}}}}}}}})",
            {"F"}, "event OnOrder");
        row("a SAM event covered by an edge is checked on the edge only",
            R"({"resources": {"B": {"kind": "eventBus"}, "F": {"kind": "function", "set": {"Events": {"OnOrder": {"Type": "EventBridgeRule",
                                                                 "Properties": {"Pattern": {"source": "x"}}}}}}},
                "connections": [{"from": "B", "to": "F", "rule": "eventBusToFunction", "properties": {"Pattern": {"source": "x"}},
                                 "parts": [{"resource": "F", "path": "/Events/OnOrder"}]}]})",
            {"B,F"});
        row("an SNS subscription resource's filter policy",
            R"({"resources": {"S": {"kind": "generic", "type": "AWS::SNS::Subscription",
                                    "properties": {"Protocol": "sqs", "FilterPolicy": "[1]"}}}})",
            {"S"}, "filter policy");
    }
    void eventPattern() { checkRule(EventPatternRule()); }

    void eventPatternCheckDialects()
    {
        using Dialect = EventPatternCheck::Dialect;
        const JsonTree wildcard = json(R"({"file": [{"wildcard": "*.png"}]})");
        QVERIFY(EventPatternCheck::problem(wildcard, Dialect::EventPattern).isEmpty());
        QVERIFY(EventPatternCheck::problem(wildcard, Dialect::SnsBody).contains(QLatin1String("wildcard")));
        QVERIFY(!EventPatternCheck::problem(json("[1]"), Dialect::EventPattern).isEmpty());
        QVERIFY(EventPatternCheck::problem(json(R"({"Ref": "Pattern"})"), Dialect::EventPattern).isEmpty());
        QVERIFY(!EventPatternCheck::filterCriteriaProblem(json(R"({"Filters": {}})")).isEmpty());
        QVERIFY(!EventPatternCheck::filterCriteriaProblem(json("[]")).isEmpty());
        QVERIFY(EventPatternCheck::filterCriteriaProblem(json(R"({"Filters": []})")).isEmpty());
    }

    void asyncFailureDestination_data()
    {
        addColumns();
        row("topic invokes a function with no failure handling",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {"F,T"}, "by T");
        row("with an on-failure edge",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"}, "D": {"kind": "queue"}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}, {"from": "F", "to": "D", "rule": "functionOnFailureToQueue"}]})",
            {});
        row("with a DeadLetterQueue property",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function", "set": {"DeadLetterQueue": {"Type": "SQS", "TargetArn": "arn:q"}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {});
        row("with an EventInvokeConfig on-failure destination",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function", "set": {"EventInvokeConfig": {
                    "DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": "arn:q"}}}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {});
        row("EventInvokeConfig with retries only",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function", "set": {"EventInvokeConfig": {"MaximumRetryAttempts": 0}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {"F,T"});
        row("a DLQ in SAM Globals",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}],
                "sections": {"Globals": {"Function": {"DeadLetterQueue": {"Type": "SNS", "TargetArn": "arn:t"}}}}})", {});
        row("an EventInvokeConfig resource naming it",
            R"({"resources": {"T": {"kind": "topic"}, "F": {"kind": "function"},
                              "Config": {"kind": "generic", "type": "AWS::Lambda::EventInvokeConfig", "properties": {
                                  "FunctionName": {"Ref": "F"}, "Qualifier": "$LATEST",
                                  "DestinationConfig": {"OnFailure": {"Destination": "arn:q"}}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction"}]})", {});
        row("a topic through a SAM SQS subscription is polled",
            R"({"resources": {"T": {"kind": "topic"},
                              "F": {"kind": "function", "set": {"Events": {"OnTopic": {"Type": "SNS",
                                    "Properties": {"Topic": {"Ref": "T"}, "SqsSubscription": {"BatchSize": 5}}}}}}},
                "connections": [{"from": "T", "to": "F", "rule": "topicToFunction", "parts": [{"resource": "F", "path": "/Events/OnTopic"}]}]})",
            {});
        row("a SAM SNS event without SQS subscription no edge covers",
            R"({"resources": {"F": {"kind": "function", "set": {"Events": {"OnTopic": {"Type": "SNS",
                                    "Properties": {"Topic": "arn:aws:sns:eu-west-1:123456789012:t"}}}}}}})",
            {"F"}, "SNS event OnTopic");
        row("a polled queue is no asynchronous invoker",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction"}]})", {});
        row("a SAM Schedule event",
            R"J({"resources": {"F": {"kind": "function", "set": {"Events": {"Nightly": {"Type": "Schedule",
                                                                 "Properties": {"Schedule": "rate(1 day)"}}}}}}})J",
            {"F"}, "Schedule event Nightly");
        row("a SAM Api event is synchronous",
            R"({"resources": {"F": {"kind": "function", "set": {"Events": {"Get": {"Type": "Api",
                                                                 "Properties": {"Path": "/", "Method": "get"}}}}}}})", {});
        row("another function's on-failure destination",
            R"({"resources": {"G": {"kind": "function"}, "F": {"kind": "function"}},
                "connections": [{"from": "G", "to": "F", "rule": "functionOnFailureToFunction"}]})", {"F,G"});
        row("a pipe firing and forgetting",
            R"({"resources": {"P": {"kind": "pipe"}, "F": {"kind": "function"}},
                "connections": [{"from": "P", "to": "F", "rule": "pipeToFunction",
                                 "properties": {"LambdaFunctionParameters": {"InvocationType": "FIRE_AND_FORGET"}}}]})", {"F,P"});
        row("a pipe waiting for the response",
            R"({"resources": {"P": {"kind": "pipe"}, "F": {"kind": "function"}},
                "connections": [{"from": "P", "to": "F", "rule": "pipeToFunction",
                                 "properties": {"LambdaFunctionParameters": {"InvocationType": "REQUEST_RESPONSE"}}}]})", {});
    }
    void asyncFailureDestination() { checkRule(AsyncFailureDestinationRule()); }

    void recursiveLoop_data()
    {
        addColumns();
        row("a function feeding its own queue",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionSendsToQueue"}, {"from": "Q", "to": "F", "rule": "queueToFunction"}]})",
            {"F,Q"}, "F -> Q -> F");
        row("a function feeding another's queue",
            R"({"resources": {"F": {"kind": "function"}, "G": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionSendsToQueue"}, {"from": "Q", "to": "G", "rule": "queueToFunction"}]})",
            {});
        row("a loop through two functions, reported once",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}, "G": {"kind": "function"}, "T": {"kind": "topic"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionSendsToQueue"}, {"from": "Q", "to": "G", "rule": "queueToFunction"},
                                {"from": "G", "to": "T", "rule": "functionPublishesToTopic"}, {"from": "T", "to": "F", "rule": "topicToFunction"}]})",
            {"F,Q,G,T"}, "F -> Q -> G -> T -> F");
        row("a bucket written by the function it triggers",
            R"({"resources": {"F": {"kind": "function"}, "B": {"kind": "bucket"}},
                "connections": [{"from": "F", "to": "B", "rule": "functionAccessesBucket"}, {"from": "B", "to": "F", "rule": "bucketToFunction"}]})",
            {"F,B"});
        row("an on-success destination back into the trigger",
            R"({"resources": {"F": {"kind": "function"}, "T": {"kind": "topic"}},
                "connections": [{"from": "F", "to": "T", "rule": "functionOnSuccessToTopic"}, {"from": "T", "to": "F", "rule": "topicToFunction"}]})",
            {"F,T"});
        row("failure paths are not followed",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionOnFailureToQueue"}, {"from": "Q", "to": "F", "rule": "queueToFunction"}]})",
            {});
        row("references carry no events",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "reference"}, {"from": "Q", "to": "F", "rule": "queueToFunction"}]})",
            {});
    }
    void recursiveLoop() { checkRule(RecursiveLoopRule()); }

    void functionCallsFunction_data()
    {
        addColumns();
        row("a function invoking a function",
            R"({"resources": {"F": {"kind": "function"}, "G": {"kind": "function"}},
                "connections": [{"from": "F", "to": "G", "rule": "functionInvokesFunction"}]})", {"F,G"}, "synchronously");
        row("an asynchronous invocation",
            R"({"resources": {"F": {"kind": "function"}, "G": {"kind": "function"}},
                "connections": [{"from": "F", "to": "G", "rule": "functionInvokesFunction", "properties": {"InvocationType": "Event"}}]})",
            {});
        row("an on-success destination",
            R"({"resources": {"F": {"kind": "function"}, "G": {"kind": "function"}},
                "connections": [{"from": "F", "to": "G", "rule": "functionOnSuccessToFunction"}]})", {});
        row("a function sending to a queue",
            R"({"resources": {"F": {"kind": "function"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "F", "to": "Q", "rule": "functionSendsToQueue"}]})", {});
    }
    void functionCallsFunction() { checkRule(FunctionCallsFunctionRule()); }

    void unusedParameter_data()
    {
        addColumns();
        const char* parameters = R"("Parameters": {"Stage": {"Type": "String"}})";
        const auto make = [parameters](const char* resources, const char* sections = "") {
            static std::vector<QByteArray> keep;
            keep.push_back(QStringLiteral(R"({"resources": %1, "sections": {%2%3}})")
                               .arg(QLatin1String(resources), QLatin1String(parameters), QLatin1String(sections))
                               .toLatin1());
            return keep.back().constData();
        };
        row("used by Ref", make(R"({"Q": {"kind": "queue", "set": {"QueueName": {"Ref": "Stage"}}}})"), {});
        row("used in an Fn::Sub", make(R"({"Q": {"kind": "queue", "set": {"QueueName": {"Fn::Sub": "orders-${Stage}"}}}})"), {});
        row("never used", make(R"({"Q": {"kind": "queue"}})"), {""}, "Parameter Stage");
        row("shadowed by an Fn::Sub variable",
            make(R"({"Q": {"kind": "queue", "set": {"QueueName": {"Fn::Sub": ["orders-${Stage}", {"Stage": "x"}]}}}})"), {""});
        row("a literal ${!Stage}", make(R"({"Q": {"kind": "queue", "set": {"QueueName": {"Fn::Sub": "orders-${!Stage}"}}}})"), {""});
        row("used in Conditions",
            make(R"({"Q": {"kind": "queue"}})", R"(, "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}})"), {});
        row("used in Outputs",
            make(R"({"Q": {"kind": "queue"}})", R"(, "Outputs": {"Stage": {"Value": {"Fn::Sub": "${Stage}"}}})"), {});
        row("used in Globals",
            make(R"({"F": {"kind": "function"}})", R"(, "Globals": {"Function": {"Environment": {"Variables": {"S": {"Ref": "Stage"}}}}})"), {});
        row("used in a resource attribute",
            make(R"({"Q": {"kind": "queue", "attributes": {"Metadata": {"Stage": {"Ref": "Stage"}}}}})"), {});
        row("no parameters", R"({"resources": {"Q": {"kind": "queue"}}})", {});
        row("used by a connection's properties",
            R"({"resources": {"R": {"kind": "eventRule"}, "Q": {"kind": "queue"}},
                "connections": [{"from": "R", "to": "Q", "rule": "eventRuleToQueue", "properties": {"Input": {"Fn::Sub": {"$json": {"stage": "${Stage}"}}}}}],
                "sections": {"Parameters": {"Stage": {"Type": "String"}}}})", {});
    }
    void unusedParameter() { checkRule(UnusedParameterRule()); }

    void orphanResource_data()
    {
        addColumns();
        row("a lone queue", R"({"resources": {"Q": {"kind": "queue"}}})", {"Q"}, "connected to nothing");
        row("a connected queue",
            R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}},
                "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction"}]})", {});
        row("a queue a generic resource refers to",
            R"({"resources": {"Q": {"kind": "queue"},
                              "Policy": {"kind": "generic", "type": "AWS::SQS::QueuePolicy", "properties": {"Queues": [{"Ref": "Q"}]}}}})", {});
        row("a lone generic resource", R"({"resources": {"Role": {"kind": "generic", "type": "AWS::IAM::Role"}}})", {});
        row("a function with SAM events",
            R"({"resources": {"F": {"kind": "function", "set": {"Events": {"Get": {"Type": "Api", "Properties": {"Path": "/", "Method": "get"}}}}}}})",
            {});
        row("a queue depending on a topic",
            R"({"resources": {"Q": {"kind": "queue", "attributes": {"DependsOn": ["T"]}}, "T": {"kind": "topic"}}})", {});
        row("an API whose definition is in another file",
            R"({"resources": {"A": {"kind": "restApi", "properties": {"StageName": "Prod", "DefinitionUri": "api.yaml"}}}})", {});
        row("a state machine whose definition is included",
            R"({"resources": {"S": {"kind": "stateMachine", "properties": {"Definition": {"Fn::Transform": {"Name": "AWS::Include"}}}}}})",
            {});
        row("two lone resources", R"({"resources": {"Q": {"kind": "queue"}, "F": {"kind": "function"}}})", {"Q", "F"});
    }
    void orphanResource() { checkRule(OrphanResourceRule()); }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
