#include "tests/app/CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

/** Runs the real tributary-cli binary's validate command on the fixtures in tests/data/validation. */
using tributary::test::runCli;

class TestCliValidate : public QObject
{
    Q_OBJECT

private:
    using Result = tributary::test::CliResult;

    static QString fixture(const char* name)
    {
        return QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/validation/") + QLatin1String(name);
    }

    static QJsonObject jsonOf(const Result& result)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", result.out.constData());
        return document.object();
    }

private Q_SLOTS:
    void helpListsTheCommand()
    {
        const Result result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("validate FILE [--json] [--cfn-lint]"), result.out.constData());
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no file") << QStringList{QStringLiteral("validate")} << QByteArray("missing argument");
        QTest::newRow("two files") << QStringList{QStringLiteral("validate"), QStringLiteral("a.yaml"), QStringLiteral("b.yaml")}
                                   << QByteArray("unexpected argument 'b.yaml'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("validate"), QStringLiteral("--yaml"), QStringLiteral("a.yaml")}
                                        << QByteArray("unknown option '--yaml'");
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Result result = runCli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void unreadableInputExitsWithThree_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing file") << fixture("no-such-file.yaml") << QByteArray("no-such-file.yaml");
        QTest::newRow("syntax error") << fixture("broken.yaml") << QByteArray("broken.yaml:5:1:");
        QTest::newRow("not a template") << fixture("not-a-template.yaml") << QByteArray("a template must be a map");
    }

    void unreadableInputExitsWithThree()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, message);
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
            const Result result = runCli(QStringList{QStringLiteral("validate"), file} + extra);
            QCOMPARE(result.exitCode, 3);
            QVERIFY2(result.err.contains(message), result.err.constData());
            QVERIFY2(result.out.isEmpty(), result.out.constData());
        }
    }

    void problemsAsText_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("clean") << fixture("clean.yaml") << 0 << QStringList{QStringLiteral(": 0 errors, 0 warnings, 0 info")};
        QTest::newRow("unused parameter: warnings do not fail")
            << fixture("unused-parameter.yaml") << 0
            << QStringList{QStringLiteral(":6:3: warning TRIB-W004: Parameter Retired"), QStringLiteral(": 0 errors, 1 warning, 1 info")};
        QTest::newRow("orphan: info does not fail")
            << fixture("orphan.yaml") << 0 << QStringList{QStringLiteral(":3:3: info TRIB-I001 [ForgottenTopic]: ")};
        QTest::newRow("missing required properties")
            << fixture("missing-required.yaml") << 1
            << QStringList{QStringLiteral(":5:5: error TRIB-E001 [OrdersTable]: "), QStringLiteral(":12:5: error TRIB-E001 [Worker]: "),
                           QStringLiteral(": 2 errors, 0 warnings, 0 info")};
        QTest::newRow("event pattern") << fixture("bad-pattern.yaml") << 1
                                       << QStringList{QStringLiteral(":6:7: error TRIB-E007 [OrdersRule]: ")};
        QTest::newRow("too many targets")
            << fixture("too-many-targets.yaml") << 1
            << QStringList{QStringLiteral(":7:7: error TRIB-E005 [FanOutRule, QueueA, QueueB, QueueC, QueueD, QueueE, QueueF]: ")};
        // These need connections derived from the template (SAM events, redrive policies, SDK policies).
        QTest::newRow("visibility timeout") << fixture("visibility-timeout.yaml") << 1
                                            << QStringList{QStringLiteral(":7:7: error TRIB-E003 [OrdersQueue, Worker]: ")};
        QTest::newRow("FIFO queue with a standard dead-letter queue")
            << fixture("fifo-dead-letter.yaml") << 1
            << QStringList{QStringLiteral(":7:7: error TRIB-E004 [OrdersQueue, OrdersDeadLetters]: ")};
        QTest::newRow("recursive loop") << fixture("recursive.yaml") << 0
                                        << QStringList{QStringLiteral(":18:11: warning TRIB-W002 [Worker, WorkQueue]: Recursive loop: Worker -> WorkQueue -> Worker")};
    }

    void problemsAsText()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QFETCH(QStringList, lines);
        const Result result = runCli({QStringLiteral("validate"), file});
        QVERIFY2(result.exitCode == exitCode, result.out.constData());
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        const QStringList output = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& expected : lines) {
            bool found = false;
            for (const QString& line : output)
                found = found || (line.startsWith(file + QLatin1Char(':')) && line.mid(file.size()).startsWith(expected));
            QVERIFY2(found, qPrintable(QStringLiteral("no line '%1%2' in:\n%3").arg(file, expected, QString::fromUtf8(result.out))));
        }
    }

    void problemsAsJsonHaveTheDocumentedShape()
    {
        const QString file = fixture("visibility-timeout.yaml");
        const Result result = runCli({QStringLiteral("validate"), file, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 1);
        const QJsonObject document = jsonOf(result);
        QCOMPARE(document.value(QStringLiteral("file")).toString(), file);
        QCOMPARE(document.value(QStringLiteral("errors")).toInt(-1), 1);
        QCOMPARE(document.value(QStringLiteral("warnings")).toInt(-1), 0);
        const QJsonArray problems = document.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject problem = problems.first().toObject();
        QCOMPARE(problem.value(QStringLiteral("rule")).toString(), QStringLiteral("TRIB-E003"));
        QCOMPARE(problem.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QVERIFY(problem.value(QStringLiteral("message")).toString().contains(QLatin1String("OrdersQueue")));
        QCOMPARE(problem.value(QStringLiteral("resources")).toArray(), (QJsonArray{QStringLiteral("OrdersQueue"), QStringLiteral("Worker")}));
        QCOMPARE(problem.value(QStringLiteral("connections")).toArray().size(), 1);
        QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 7);
        QCOMPARE(problem.value(QStringLiteral("column")).toInt(), 7);
    }

    void problemsAsJsonWithoutResources()
    {
        const Result result = runCli({QStringLiteral("validate"), QStringLiteral("--json"), fixture("unused-parameter.yaml")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject document = jsonOf(result);
        QCOMPARE(document.value(QStringLiteral("errors")).toInt(-1), 0);
        QCOMPARE(document.value(QStringLiteral("warnings")).toInt(-1), 1);
        QStringList rules;
        for (const QJsonValue& value : document.value(QStringLiteral("problems")).toArray()) {
            const QJsonObject problem = value.toObject();
            for (const char* key : {"rule", "severity", "message", "resources", "connections", "line", "column"})
                QVERIFY2(problem.contains(QLatin1String(key)), key);
            rules.append(problem.value(QStringLiteral("rule")).toString());
            if (rules.back() == QLatin1String("TRIB-W004")) {
                QVERIFY(problem.value(QStringLiteral("resources")).toArray().isEmpty());
                QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 6);
            }
        }
        QCOMPARE(rules, (QStringList{QStringLiteral("TRIB-W004"), QStringLiteral("TRIB-I001")}));
    }

    void cfnLintFindingsNameTheirResource()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("cfn-lint")).isEmpty())
            QSKIP("cfn-lint is not on PATH");
        const QString file = fixture("cfn-lint-unknown-property.yaml");
        const Result text = runCli({QStringLiteral("validate"), QStringLiteral("--cfn-lint"), file});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QString(file + QStringLiteral(":6:7: error cfn-lint:E3002 [OrdersQueue]: ")).toUtf8()),
                 text.out.constData());
        const Result json = runCli({QStringLiteral("validate"), QStringLiteral("--cfn-lint"), QStringLiteral("--json"), file});
        QCOMPARE(json.exitCode, 1);
        bool found = false;
        for (const QJsonValue& value : jsonOf(json).value(QStringLiteral("problems")).toArray()) {
            const QJsonObject problem = value.toObject();
            if (problem.value(QStringLiteral("rule")).toString() != QLatin1String("cfn-lint:E3002"))
                continue;
            found = true;
            QCOMPARE(problem.value(QStringLiteral("resources")).toArray(), QJsonArray{QStringLiteral("OrdersQueue")});
            QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 6);
        }
        QVERIFY2(found, json.out.constData());
    }

    void cfnLintMissingIsReportedNotFatal()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
        const Result result = runCli({QStringLiteral("validate"), QStringLiteral("--cfn-lint"), fixture("clean.yaml")}, environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("cfn-lint is not on PATH"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
