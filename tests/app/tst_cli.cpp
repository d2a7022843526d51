#include "tests/app/CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

/** Runs the real tributary-cli binary and checks its output and exit codes. */
using tributary::test::runCli;

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Result = tributary::test::CliResult;

private Q_SLOTS:
    void versionPrintsTheProjectVersion()
    {
        const Result result = runCli({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QByteArray("tributary-cli " TRIBUTARY_VERSION));
    }

    void helpListsTheCommandsAndExitCodes()
    {
        const Result result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("kinds [--json]"));
        QVERIFY(result.out.contains("2 usage error"));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no command") << QStringList{} << QByteArray("no command given");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown command 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("kinds"), QStringLiteral("--yaml")}
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

    void kindsAsTextListsKindsAndRules()
    {
        const Result result = runCli({QStringLiteral("kinds")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("AWS::SQS::Queue"), result.err.constData());
        QVERIFY(result.out.contains("connection rules"));
    }

    void kindsAsJsonHasTheDocumentedShape()
    {
        const Result result = runCli({QStringLiteral("kinds"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray kinds = document.object().value(QStringLiteral("kinds")).toArray();
        const QJsonArray connections = document.object().value(QStringLiteral("connections")).toArray();
        QVERIFY2(kinds.size() >= 15, qPrintable(QString::number(kinds.size())));
        QVERIFY2(connections.size() >= 25, qPrintable(QString::number(connections.size())));

        QSet<QString> kindIds;
        for (const QJsonValue& value : kinds) {
            const QJsonObject kind = value.toObject();
            QVERIFY(!kind.value(QStringLiteral("id")).toString().isEmpty());
            QVERIFY(kind.value(QStringLiteral("cfnTypes")).isArray());
            QVERIFY(!kind.value(QStringLiteral("category")).toString().isEmpty());
            QVERIFY(kind.value(QStringLiteral("fields")).isArray());
            kindIds.insert(kind.value(QStringLiteral("id")).toString());
        }
        for (const QString& required : {"function", "queue", "topic", "eventBus", "eventRule", "table", "bucket",
                                        "httpApi", "restApi", "stateMachine", "stream", "schedule", "pipe", "generic"})
            QVERIFY2(kindIds.contains(required), qPrintable(required));

        QSet<QString> pairs;
        for (const QJsonValue& value : connections) {
            const QJsonObject rule = value.toObject();
            QVERIFY(!rule.value(QStringLiteral("id")).toString().isEmpty());
            const auto namesAKind = [&kindIds](const QJsonValue& kind) {
                return kind.toString() == QLatin1String("*") || kindIds.contains(kind.toString());
            };
            QVERIFY(namesAKind(rule.value(QStringLiteral("source"))));
            QVERIFY(namesAKind(rule.value(QStringLiteral("target"))));
            QVERIFY(!rule.value(QStringLiteral("meaning")).toString().isEmpty());
            pairs.insert(rule.value(QStringLiteral("source")).toString() + QLatin1Char('>')
                         + rule.value(QStringLiteral("target")).toString() + QLatin1Char(':')
                         + rule.value(QStringLiteral("meaning")).toString());
        }
        for (const QString& required : {"queue>function:polled", "topic>function:async", "topic>queue:async",
                                        "table>function:stream", "stream>function:stream", "queue>queue:deadLetter",
                                        "function>queue:sdk", "function>queue:onFailure", "stateMachine>function:task"})
            QVERIFY2(pairs.contains(required), qPrintable(required));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
