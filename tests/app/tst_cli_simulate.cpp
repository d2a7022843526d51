#include "tests/app/CliRun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

/** Runs the real tributary-cli binary's simulate command on the fixtures in tests/data/simulation. */
using tributary::test::runCli;

class TestCliSimulate : public QObject
{
    Q_OBJECT

private:
    using Result = tributary::test::CliResult;

    static QString fixture(const char* name)
    {
        return QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/simulation/") + QLatin1String(name);
    }

private Q_SLOTS:
    void helpListsTheCommand()
    {
        const Result result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("simulate FILE [--duration 10m] [--seed N] [--json]"), result.out.constData());
    }

    void sameFileAndSeedGiveTheSameBytes()
    {
        const QStringList arguments{QStringLiteral("simulate"), fixture("simfaas.yaml"), QStringLiteral("--duration"),
                                    QStringLiteral("2h"), QStringLiteral("--seed"), QStringLiteral("3"),
                                    QStringLiteral("--json")};
        const Result first = runCli(arguments);
        const Result second = runCli(arguments);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(!first.out.isEmpty());
        QCOMPARE(first.out, second.out);
        QStringList reseeded = arguments;
        reseeded[5] = QStringLiteral("4");
        QVERIFY(runCli(reseeded).out != first.out);
    }

    void jsonHasTheDocumentedShape()
    {
        const Result result = runCli({QStringLiteral("simulate"), fixture("simfaas.yaml"), QStringLiteral("--duration"),
                                      QStringLiteral("600s"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"seed", "duration_s", "events", "resources", "connections", "cost"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json[QStringLiteral("duration_s")].toDouble(), 600.0);
        QCOMPARE(json[QStringLiteral("seed")].toInt(), 1);
        const QJsonObject worker = json[QStringLiteral("resources")][QStringLiteral("Worker")].toObject();
        for (const char* key : {"invocations", "coldStarts", "throttles", "errors", "retries", "environments", "durationMs"})
            QVERIFY2(worker.contains(QLatin1String(key)), key);
        const QJsonObject environments = worker[QStringLiteral("environments")].toObject();
        QVERIFY(environments.contains(QStringLiteral("total")) && environments.contains(QStringLiteral("busy"))
                && environments.contains(QStringLiteral("idle")));
        const QJsonObject duration = worker[QStringLiteral("durationMs")].toObject();
        QVERIFY(duration.contains(QStringLiteral("p50Ms")) && duration.contains(QStringLiteral("p99Ms")));
    }

    void textOutputSummarises()
    {
        const Result result = runCli({QStringLiteral("simulate"), fixture("simfaas.yaml"), QStringLiteral("--duration"),
                                      QStringLiteral("10m")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("Simulated 600 s, seed 1"), result.out.constData());
        QVERIFY(result.out.contains("Worker (function)"));
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("duration") << QStringList{QStringLiteral("simulate"), fixture("simfaas.yaml"), QStringLiteral("--duration"), QStringLiteral("soon")}
                                  << QByteArray("--duration 'soon'");
        QTest::newRow("seed") << QStringList{QStringLiteral("simulate"), fixture("simfaas.yaml"), QStringLiteral("--seed"), QStringLiteral("-1")}
                              << QByteArray("--seed '-1'");
        QTest::newRow("no file") << QStringList{QStringLiteral("simulate")} << QByteArray("missing argument");
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Result result = runCli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void badScenarioNamesTheKey()
    {
        const Result result = runCli({QStringLiteral("simulate"), fixture("bad-scenario.yaml")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("simulation/entries/0/load/shape: 'sawtooth'"), result.err.constData());
    }

    void unreadableFileExitsWithThree()
    {
        const Result result = runCli({QStringLiteral("simulate"), fixture("missing.yaml")});
        QCOMPARE(result.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
