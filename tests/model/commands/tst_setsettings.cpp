// SetSettingsCommand: do, undo and redo of values in Architecture::settings() (the simulation
// scenario), merging repeated edits, dropping no-ops, refusing bad pointers, and the signal.

#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/SetSettingsCommand.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace tributary;

namespace {

std::unique_ptr<Document> documentWithScenario()
{
    auto document = std::make_unique<Document>(Catalogue::builtIn());
    Architecture architecture;
    architecture.setSettings(JsonTree::parse(R"({"simulation": {"seed": 1, "entries": []}, "viewport": {"zoom": 1}})"));
    document->resetArchitecture(std::move(architecture));
    return document;
}

QString settingsText(const Document& document)
{
    return QString::fromStdString(document.architecture().settings().dump());
}

} // namespace

class TestSetSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setUndoRedo()
    {
        auto document = documentWithScenario();
        const QString before = settingsText(*document);
        QSignalSpy changed(document.get(), &Document::settingsChanged);
        QCOMPARE(document->push(new SetSettingsCommand(document.get(), QStringLiteral("/simulation/seed"), JsonTree(7))),
                 QString());
        QCOMPARE(document->architecture().settings()["simulation"]["seed"].get<int>(), 7);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().front().toString(), QStringLiteral("/simulation/seed"));
        QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Set simulation/seed"));
        QVERIFY(document->isModified());
        document->undoStack()->undo();
        QCOMPARE(settingsText(*document), before);
        QCOMPARE(changed.count(), 2);
        document->undoStack()->redo();
        QCOMPARE(document->architecture().settings()["simulation"]["seed"].get<int>(), 7);
        // The key keeps its place among the others.
        QCOMPARE(QString::fromStdString(document->architecture().settings()["simulation"].begin().key()),
                 QStringLiteral("seed"));
    }

    void newKeysAndParentsAreUndoneExactly()
    {
        auto document = documentWithScenario();
        const QString before = settingsText(*document);
        const QString pointer = QStringLiteral("/simulation/overrides/StoreOrders/errorRate");
        QCOMPARE(document->push(new SetSettingsCommand(document.get(), pointer, JsonTree(0.01))), QString());
        QCOMPARE(document->architecture().settings()["simulation"]["overrides"]["StoreOrders"]["errorRate"].get<double>(), 0.01);
        document->undoStack()->undo();
        QCOMPARE(settingsText(*document), before);
        document->undoStack()->redo();
        QVERIFY(document->architecture().settings()["simulation"].contains("overrides"));
    }

    void removeUndoRedo()
    {
        auto document = documentWithScenario();
        const QString before = settingsText(*document);
        QCOMPARE(document->push(new SetSettingsCommand(document.get(), QStringLiteral("/simulation/seed"), std::nullopt)),
                 QString());
        QVERIFY(!document->architecture().settings()["simulation"].contains("seed"));
        QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Remove simulation/seed"));
        document->undoStack()->undo();
        QCOMPARE(settingsText(*document), before);
    }

    void repeatedEditsMergeAndABackToStartDropsItself()
    {
        auto document = documentWithScenario();
        const QString pointer = QStringLiteral("/simulation/durationSeconds");
        for (int seconds : {60, 120, 600})
            QCOMPARE(document->push(new SetSettingsCommand(document.get(), pointer, JsonTree(seconds))), QString());
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(document->architecture().settings()["simulation"]["durationSeconds"].get<int>(), 600);

        auto other = documentWithScenario();
        const QString before = settingsText(*other);
        for (int seed : {5, 6, 1})
            QCOMPARE(other->push(new SetSettingsCommand(other.get(), QStringLiteral("/simulation/seed"), JsonTree(seed))),
                     QString());
        QCOMPARE(other->undoStack()->count(), 0);
        QCOMPARE(settingsText(*other), before);
        QVERIFY(!other->isModified());
    }

    void aNoOpDropsItself()
    {
        auto document = documentWithScenario();
        QCOMPARE(document->push(new SetSettingsCommand(document.get(), QStringLiteral("/simulation/seed"), JsonTree(1))),
                 QString());
        QCOMPARE(document->undoStack()->count(), 0);
    }

    void badPointersAreRefused()
    {
        auto document = documentWithScenario();
        const QString before = settingsText(*document);
        QVERIFY(!document->push(new SetSettingsCommand(document.get(), QStringLiteral("simulation"), JsonTree(1))).isEmpty());
        QVERIFY(!document->push(new SetSettingsCommand(document.get(), QStringLiteral("/simulation/seed/deeper"), JsonTree(1)))
                     .isEmpty());
        QCOMPARE(settingsText(*document), before);
        QCOMPARE(document->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSetSettings)
#include "tst_setsettings.moc"
