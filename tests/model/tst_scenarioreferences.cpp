// Renaming, deleting and disconnecting keep the simulation scenario naming what exists, and undo
// puts it back exactly.

#include "model/Document.h"
#include "model/ScenarioReferences.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/commands/RenameResourceCommand.h"
#include "tests/model/ModelTestSupport.h"

#include <QTest>

using namespace tributary;
using tributary::test::dumpOf;
using tributary::test::json;

namespace {

Resource resource(const char* id, const char* kind, const char* type)
{
    Resource made;
    made.id = QString::fromLatin1(id);
    made.kind = QString::fromLatin1(kind);
    made.cfnType = QString::fromLatin1(type);
    return made;
}

const char* scenario = R"({"simulation": {
    "durationSeconds": 60,
    "entries": [{"resource": "Queue", "load": {"shape": "constant", "ratePerSecond": 5}},
                {"resource": "Fn", "load": {"shape": "constant", "ratePerSecond": 1}}],
    "overrides": {"Queue": {"visibilityTimeoutSeconds": 60},
                  "Fn": {"errorRate": 0, "emits": {"Bus": {"detail-type": "Done"}, "Queue": {"body": "x"}}}},
    "failures": [{"resource": "Fn", "outage": true}]}})";

} // namespace

class TestScenarioReferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QString problem;
        const Catalogue* catalogue = test::builtInCatalogue(&problem);
        QVERIFY2(catalogue, qPrintable(problem));
        m_document = std::make_unique<Document>(*catalogue);
        Architecture architecture;
        architecture.insertResource(0, resource("Queue", "queue", "AWS::SQS::Queue"));
        architecture.insertResource(1, resource("Fn", "function", "AWS::Serverless::Function"));
        architecture.insertResource(2, resource("Bus", "eventBus", "AWS::Events::EventBus"));
        Connection puts;
        puts.id = QStringLiteral("FnToBus");
        puts.source = QStringLiteral("Fn");
        puts.target = QStringLiteral("Bus");
        puts.rule = QStringLiteral("functionPutsEventsToEventBus");
        architecture.insertConnection(0, puts);
        architecture.setSettings(json(scenario));
        m_document->resetArchitecture(architecture);
    }

    void renameReachesEveryMention()
    {
        const JsonTree before = settings();
        QVERIFY(m_document->push(new RenameResourceCommand(m_document.get(), QStringLiteral("Fn"), QStringLiteral("Worker"))).isEmpty());
        const JsonTree& simulation = settings()["simulation"];
        QCOMPARE(dumpOf(simulation["entries"][1]["resource"]), QStringLiteral("\"Worker\""));
        QCOMPARE(dumpOf(simulation["failures"][0]["resource"]), QStringLiteral("\"Worker\""));
        QVERIFY(!simulation["overrides"].contains("Fn"));
        // The override keeps its place among the others.
        QCOMPARE(std::next(simulation["overrides"].begin()).key(), std::string("Worker"));
        QVERIFY(m_document->push(new RenameResourceCommand(m_document.get(), QStringLiteral("Bus"), QStringLiteral("Events"))).isEmpty());
        QCOMPARE(dumpOf(settings()["simulation"]["overrides"]["Worker"]["emits"]),
                 dumpOf(json(R"({"Events": {"detail-type": "Done"}, "Queue": {"body": "x"}})")));
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(dumpOf(settings()), dumpOf(before));
    }

    void deleteForgetsTheResource()
    {
        const JsonTree before = settings();
        QVERIFY(m_document->push(new RemoveResourcesCommand(m_document.get(), {QStringLiteral("Fn")})).isEmpty());
        QCOMPARE(dumpOf(settings()["simulation"]), dumpOf(json(R"({
            "durationSeconds": 60,
            "entries": [{"resource": "Queue", "load": {"shape": "constant", "ratePerSecond": 5}}],
            "overrides": {"Queue": {"visibilityTimeoutSeconds": 60}}})")));
        m_document->undoStack()->undo();
        QCOMPARE(dumpOf(settings()), dumpOf(before));
        QVERIFY(m_document->push(new RemoveResourcesCommand(m_document.get(), {QStringLiteral("Queue")})).isEmpty());
        const JsonTree& simulation = settings()["simulation"];
        QCOMPARE(static_cast<int>(simulation["entries"].size()), 1);
        QVERIFY(!simulation["overrides"].contains("Queue"));
        QCOMPARE(dumpOf(simulation["overrides"]["Fn"]["emits"]), dumpOf(json(R"({"Bus": {"detail-type": "Done"}})")));
    }

    void disconnectDropsWhatTheFunctionEmittedAlongTheEdge()
    {
        const JsonTree before = settings();
        QVERIFY(m_document->push(new DisconnectCommand(m_document.get(), {QStringLiteral("FnToBus")})).isEmpty());
        QCOMPARE(dumpOf(settings()["simulation"]["overrides"]["Fn"]["emits"]), dumpOf(json(R"({"Queue": {"body": "x"}})")));
        m_document->undoStack()->undo();
        QCOMPARE(dumpOf(settings()), dumpOf(before));
    }

    void emptiedContainersGo()
    {
        JsonTree simulation = json(R"({"overrides": {"Fn": {"emits": {"Bus": {}}}}, "failures": [{"resource": "Bus"}]})");
        QVERIFY(ScenarioReferences::removeResource(simulation, "Bus"));
        QCOMPARE(dumpOf(simulation), QStringLiteral("{}"));
        QVERIFY(!ScenarioReferences::removeResource(simulation, "Bus"));
        QVERIFY(!ScenarioReferences::rename(simulation, "Bus", "Other"));
    }

    void aTemplateWithoutScenarioIsLeftAlone()
    {
        Architecture architecture = m_document->architecture();
        architecture.setSettings(JsonTree::object());
        m_document->resetArchitecture(architecture);
        QVERIFY(m_document->push(new RenameResourceCommand(m_document.get(), QStringLiteral("Fn"), QStringLiteral("Worker"))).isEmpty());
        QCOMPARE(dumpOf(settings()), QStringLiteral("{}"));
    }

private:
    const JsonTree& settings() const { return m_document->architecture().settings(); }

    std::unique_ptr<Document> m_document;
};

QTEST_GUILESS_MAIN(TestScenarioReferences)
#include "tst_scenarioreferences.moc"
