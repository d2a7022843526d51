// SimulationRun: a simulator in a worker thread, paused, stepped, resumed and cancelled, with the
// same results as a run in the caller's thread.

#include "model/simulation/SimulationRun.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

Architecture simFaaS()
{
    QFile file(QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/simulation/simfaas.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the SimFaaS fixture");
    return architectureFromYaml(file.readAll());
}

} // namespace

class TestSimulationRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsToTheEndWithTheSameResults()
    {
        const Architecture architecture = simFaaS();
        Scenario scenario = Scenario::fromSettings(architecture.settings());
        scenario.durationSeconds = 20000;
        SimulationRun run(architecture, Catalogue::builtIn(), scenario, 1000);
        QSignalSpy finished(&run, &SimulationRun::finished);
        QSignalSpy progressed(&run, &SimulationRun::progressed);
        run.start();
        // The run's signals come from its worker thread: the spies count them at once, so poll
        // the count rather than wait for an emission that may already have happened.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(run.isFinished());
        QCOMPARE(progressed.count(), 20);
        QCOMPARE(progressed.last().front().toDouble(), 20000.0);
        Simulator direct(architecture, Catalogue::builtIn(), scenario);
        direct.run();
        QCOMPARE(run.simulator().resultsJson().dump(), direct.resultsJson().dump());
    }

    void pauseStepResumeAndCancel()
    {
        const Architecture architecture = simFaaS();
        SimulationRun run(architecture, Catalogue::builtIn(), Scenario::fromSettings(architecture.settings()), 10);
        QSignalSpy progressed(&run, &SimulationRun::progressed);
        QSignalSpy cancelled(&run, &SimulationRun::cancelled);
        run.pause();
        run.start();
        QTest::qWait(100);
        QCOMPARE(progressed.count(), 0);
        QCOMPARE(run.simulatedSeconds(), 0.0);
        run.step();
        QTRY_COMPARE_WITH_TIMEOUT(progressed.count(), 1, 30000);
        QCOMPARE(run.simulatedSeconds(), 10.0);
        run.step();
        QTRY_COMPARE_WITH_TIMEOUT(progressed.count(), 2, 30000);
        QCOMPARE(run.simulatedSeconds(), 20.0);
        QTest::qWait(100);
        QCOMPARE(progressed.count(), 2);
        run.resume();
        QTRY_VERIFY_WITH_TIMEOUT(run.simulatedSeconds() > 1000, 30000);
        run.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
        QVERIFY(run.isCancelled());
        QVERIFY(!run.isFinished());
        QVERIFY(run.simulatedSeconds() < 1e6);
    }

    void destroyingARunningRunCancelsIt()
    {
        const Architecture architecture = simFaaS();
        auto run = std::make_unique<SimulationRun>(architecture, Catalogue::builtIn(),
                                                   Scenario::fromSettings(architecture.settings()), 0.001);
        run->start();
        QTest::qWait(20);
        run.reset();
    }
};

QTEST_GUILESS_MAIN(TestSimulationRun)
#include "tst_simulationrun.moc"
