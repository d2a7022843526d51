// Editing the simulation scenario on the real main window: the inspector's simulation section
// (behaviour overrides, entry point load, failure injection) writes the scenario the simulator
// runs, one undo step per edit; the scenario dialog checks YAML and the scenario as it is typed.

#include "app/gui/MainWindow.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/Simulator.h"
#include "model/tree/JsonTreeEdit.h"
#include "views/ArchitectureScene.h"
#include "views/InspectorView.h"
#include "views/ResourceItem.h"
#include "views/ScenarioDialog.h"
#include "views/SimulationSettingsEditor.h"
#include "views/SimulationView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFocusEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace tributary;

namespace {

const QString kExample = QStringLiteral(":/examples/order-pipeline.yaml");

std::optional<JsonTree> setting(MainWindow& window, const QString& pointer)
{
    return JsonTreeEdit::valueAt(window.document()->architecture().settings(), pointer);
}

/** Results of a run of the document's scenario for seconds of simulated time. */
JsonTree simulate(MainWindow& window, double seconds)
{
    Scenario scenario = Scenario::fromSettings(window.document()->architecture().settings());
    scenario.durationSeconds = seconds;
    Simulator simulator(window.document()->architecture(), window.document()->catalogue(), scenario);
    simulator.run();
    return simulator.resultsJson();
}

double resultOf(const JsonTree& results, const char* resource, const char* key)
{
    return results["resources"][resource].value(key, -1.0);
}

SimulationSettingsEditor* select(MainWindow& window, const QString& id)
{
    window.scene()->clearSelection();
    window.scene()->resourceItem(id)->setSelected(true);
    SimulationSettingsEditor* editor = window.inspector()->simulationEditor();
    return editor->isHidden() ? nullptr : editor;
}

/** Opens the example and selects the resource id; its simulation settings editor, or nullptr. */
SimulationSettingsEditor* openAt(MainWindow& window, const QString& id)
{
    if (!window.openFile(kExample).isEmpty())
        return nullptr;
    return select(window, id);
}

template<typename T>
T* part(SimulationSettingsEditor* editor, const QString& name)
{
    return qobject_cast<T*>(editor->editor(name));
}

void typeInto(QLineEdit* editor, const QString& text)
{
    editor->setFocus();
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

bool isBold(QWidget* widget)
{
    return widget->font().bold();
}

void leave(QWidget* widget)
{
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QApplication::sendEvent(widget, &out);
}

} // namespace

class TestScenarioEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void overrideReachesTheSimulatorAndUndoRestoresIt()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("StoreOrders"));
        QVERIFY(editor);
        QCOMPARE(resultOf(simulate(window, 30), "StoreOrders", "errors"), 0.0);
        auto* errorRate = part<QLineEdit>(editor, QStringLiteral("simulation/errorRate"));
        QVERIFY(errorRate);
        QCOMPARE(errorRate->text(), QStringLiteral("0")); // the catalogue's default
        QVERIFY(!isBold(editor->editor(QStringLiteral("label/errorRate"))));
        QVERIFY(!editor->editor(QStringLiteral("reset/errorRate"))->isEnabled());
        const int steps = window.document()->undoStack()->count();

        typeInto(errorRate, QStringLiteral("1"));
        QVERIFY(setting(window, QStringLiteral("/simulation/overrides/StoreOrders/errorRate")) == JsonTree(1));
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        QVERIFY(isBold(editor->editor(QStringLiteral("label/errorRate"))));
        QVERIFY(editor->editor(QStringLiteral("reset/errorRate"))->isEnabled());
        const JsonTree failing = simulate(window, 30);
        QVERIFY(resultOf(failing, "StoreOrders", "errors") > 0);
        QCOMPARE(resultOf(failing, "StoreOrders", "succeeded"), 0.0);

        window.document()->undoStack()->undo();
        QVERIFY(!setting(window, QStringLiteral("/simulation/overrides/StoreOrders/errorRate")));
        QVERIFY(setting(window, QStringLiteral("/simulation/overrides/StoreOrders/duration"))); // the other override stays
        QCOMPARE(errorRate->text(), QStringLiteral("0"));
        QVERIFY(!isBold(editor->editor(QStringLiteral("label/errorRate"))));
        window.document()->undoStack()->redo();
        QCOMPARE(errorRate->text(), QStringLiteral("1"));
    }

    void resetRemovesTheOverride()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("StoreOrders"));
        QVERIFY(editor);
        auto* duration = part<QLineEdit>(editor, QStringLiteral("simulation/duration"));
        QVERIFY(duration && isBold(duration));
        QVERIFY2(duration->text().contains(QStringLiteral("80")), qPrintable(duration->text()));
        const JsonTree before = window.document()->architecture().settings();
        part<QToolButton>(editor, QStringLiteral("reset/duration"))->click();
        // The override was StoreOrders' only one: its map goes too.
        QVERIFY(!setting(window, QStringLiteral("/simulation/overrides")));
        QVERIFY2(duration->text().contains(QStringLiteral("\"medianMs\":40")), qPrintable(duration->text()));
        QVERIFY(!isBold(duration));
        QCOMPARE(window.document()->undoStack()->undoText(), QStringLiteral("Reset duration of StoreOrders to default"));
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture().settings() == before);
        QVERIFY(duration->text().contains(QStringLiteral("80")) && isBold(duration));
    }

    void badValuesAreRefusedAsTyped()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("StoreOrders"));
        QVERIFY(editor);
        const JsonTree before = window.document()->architecture().settings();
        typeInto(part<QLineEdit>(editor, QStringLiteral("simulation/errorRate")), QStringLiteral("often"));
        QVERIFY2(editor->problem().contains(QStringLiteral("must be a number")), qPrintable(editor->problem()));
        typeInto(part<QLineEdit>(editor, QStringLiteral("simulation/duration")), QStringLiteral("{distribution: lognormal, medianMs"));
        QVERIFY2(editor->problem().contains(QStringLiteral("line 1")), qPrintable(editor->problem()));
        // The simulator itself refuses what it cannot use, naming the key.
        typeInto(part<QLineEdit>(editor, QStringLiteral("simulation/environmentReuse")), QStringLiteral("sideways"));
        QVERIFY2(editor->problem().contains(QStringLiteral("simulation/overrides/StoreOrders/environmentReuse")),
                 qPrintable(editor->problem()));
        auto* reuse = part<QLineEdit>(editor, QStringLiteral("simulation/environmentReuse"));
        reuse->selectAll();
        QTest::keyClicks(reuse, QStringLiteral("upsideDown")); // no Return: checked once typing pauses
        QTRY_VERIFY(editor->editor(QStringLiteral("simulation/environmentReuse"))->styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY2(editor->problem().contains(QStringLiteral("upsideDown")) || editor->problem().contains(QStringLiteral("environmentReuse")),
                 qPrintable(editor->problem()));
        typeInto(part<QLineEdit>(editor, QStringLiteral("simulation/duration")), QStringLiteral("{distribution: gamma}"));
        QVERIFY2(editor->problem().contains(QStringLiteral("duration")), qPrintable(editor->problem()));
        QVERIFY(window.document()->architecture().settings() == before);
        // A distribution may also be a plain number of milliseconds.
        typeInto(part<QLineEdit>(editor, QStringLiteral("simulation/duration")), QStringLiteral("120"));
        QVERIFY(setting(window, QStringLiteral("/simulation/overrides/StoreOrders/duration")) == JsonTree(120));
        QCOMPARE(editor->problem(), QString());
    }

    void settingsWithoutDefaultCanBeOverridden()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("StoreOrders"));
        QVERIFY(editor);
        QVERIFY(!editor->editor(QStringLiteral("simulation/reservedConcurrency")));
        auto* key = part<QLineEdit>(editor, QStringLiteral("otherKey"));
        auto* value = part<QLineEdit>(editor, QStringLiteral("otherValue"));
        QVERIFY(key && value);
        key->setText(QStringLiteral("reservedConcurrency"));
        typeInto(value, QStringLiteral("[2"));
        QVERIFY2(editor->problem().contains(QStringLiteral("line 1")), qPrintable(editor->problem()));
        typeInto(value, QStringLiteral("2"));
        QVERIFY(setting(window, QStringLiteral("/simulation/overrides/StoreOrders/reservedConcurrency")) == JsonTree(2));
        auto* shown = part<QLineEdit>(editor, QStringLiteral("simulation/reservedConcurrency"));
        QVERIFY(shown && isBold(shown));
        QCOMPARE(shown->text(), QStringLiteral("2"));
        window.document()->undoStack()->undo();
        QVERIFY(!setting(window, QStringLiteral("/simulation/overrides/StoreOrders/reservedConcurrency")));
        QVERIFY(!editor->editor(QStringLiteral("simulation/reservedConcurrency")));
    }

    void entryLoadAddsAnEntryThatGeneratesEvents()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("OrdersDeadLetterQueue"));
        QVERIFY(editor);
        QCOMPARE(resultOf(simulate(window, 30), "OrdersDeadLetterQueue", "received"), 0.0);
        auto* enabled = part<QCheckBox>(editor, QStringLiteral("entryEnabled"));
        QVERIFY(enabled && !enabled->isChecked());
        const int steps = window.document()->undoStack()->count();
        enabled->click();
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/1/resource")) == JsonTree("OrdersDeadLetterQueue"));
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/1/load/shape")) == JsonTree("poisson"));
        typeInto(part<QLineEdit>(editor, QStringLiteral("load/ratePerSecond")), QStringLiteral("20"));
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/1/load/ratePerSecond")) == JsonTree(20));
        const double received = resultOf(simulate(window, 30), "OrdersDeadLetterQueue", "received");
        QVERIFY2(received > 300 && received < 900, qPrintable(QString::number(received)));

        auto* shape = part<QComboBox>(editor, QStringLiteral("entryShape"));
        shape->setCurrentIndex(shape->findText(QStringLiteral("burst")));
        Q_EMIT shape->activated(shape->currentIndex());
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/1/load"))
                == JsonTree::parse(R"({"shape": "burst", "count": 100, "atSeconds": 0, "everySeconds": 0})"));
        QVERIFY(!part<QLineEdit>(editor, QStringLiteral("load/ratePerSecond")));
        typeInto(part<QLineEdit>(editor, QStringLiteral("load/count")), QStringLiteral("7"));
        QCOMPARE(resultOf(simulate(window, 30), "OrdersDeadLetterQueue", "received"), 7.0);

        auto* payload = part<QPlainTextEdit>(editor, QStringLiteral("entryPayload"));
        payload->setPlainText(QStringLiteral("body: [unclosed"));
        QVERIFY2(editor->problem().contains(QStringLiteral("line 1")), qPrintable(editor->problem()));
        leave(payload);
        QVERIFY(!setting(window, QStringLiteral("/simulation/entries/1/payload")));
        payload->setPlainText(QStringLiteral("body:\n  orderId: o-7\n"));
        QCOMPARE(editor->problem(), QString());
        leave(payload);
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/1/payload")) == JsonTree::parse(R"({"body": {"orderId": "o-7"}})"));

        enabled->click();
        QVERIFY(!setting(window, QStringLiteral("/simulation/entries/1")));
        QVERIFY(setting(window, QStringLiteral("/simulation/entries/0/resource")) == JsonTree("OrdersApi"));
        window.document()->undoStack()->undo();
        QVERIFY(enabled->isChecked());
        QCOMPARE(part<QLineEdit>(editor, QStringLiteral("load/count"))->text(), QStringLiteral("7"));
    }

    void failureInjectionAddsAFailure()
    {
        MainWindow window(Catalogue::builtIn());
        SimulationSettingsEditor* editor = openAt(window, QStringLiteral("StoreOrders"));
        QVERIFY(editor);
        // The example's own failure: an outage from 120 s to 180 s.
        QVERIFY(part<QCheckBox>(editor, QStringLiteral("failureEnabled"))->isChecked());
        QVERIFY(part<QCheckBox>(editor, QStringLiteral("failure/outage"))->isChecked());
        QCOMPARE(part<QLineEdit>(editor, QStringLiteral("failure/fromSeconds"))->text(), QStringLiteral("120"));
        QCOMPARE(part<QLineEdit>(editor, QStringLiteral("failure/toSeconds"))->text(), QStringLiteral("180"));

        editor = select(window, QStringLiteral("AcceptOrder"));
        QVERIFY(editor);
        QCOMPARE(resultOf(simulate(window, 20), "AcceptOrder", "errors"), 0.0);
        auto* enabled = part<QCheckBox>(editor, QStringLiteral("failureEnabled"));
        QVERIFY(!enabled->isChecked());
        enabled->click();
        QVERIFY(setting(window, QStringLiteral("/simulation/failures/1"))
                == JsonTree::parse(R"({"resource": "AcceptOrder", "errorRate": 0.1})"));
        auto* errorRate = part<QLineEdit>(editor, QStringLiteral("failure/errorRate"));
        QCOMPARE(errorRate->text(), QStringLiteral("10")); // shown in %
        typeInto(errorRate, QStringLiteral("150"));
        QVERIFY2(editor->problem().contains(QStringLiteral("simulation/failures/1/errorRate")), qPrintable(editor->problem()));
        typeInto(errorRate, QStringLiteral("100"));
        QVERIFY(setting(window, QStringLiteral("/simulation/failures/1/errorRate")) == JsonTree(1));
        const JsonTree results = simulate(window, 20);
        QVERIFY(resultOf(results, "AcceptOrder", "errors") > 0);
        QCOMPARE(resultOf(results, "AcceptOrder", "succeeded"), 0.0);
        part<QCheckBox>(editor, QStringLiteral("failure/throttle"))->click();
        QVERIFY(setting(window, QStringLiteral("/simulation/failures/1/throttle")) == JsonTree(true));
        typeInto(part<QLineEdit>(editor, QStringLiteral("failure/toSeconds")), QStringLiteral("10"));
        QVERIFY(setting(window, QStringLiteral("/simulation/failures/1/toSeconds")) == JsonTree(10));
        window.document()->undoStack()->undo();
        QVERIFY(!setting(window, QStringLiteral("/simulation/failures/1/toSeconds")));
        QCOMPARE(part<QLineEdit>(editor, QStringLiteral("failure/toSeconds"))->text(), QString());
    }

    void noSimulationSectionForSeveralResources()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(kExample).isEmpty());
        window.scene()->resourceItem(QStringLiteral("OrdersQueue"))->setSelected(true);
        QVERIFY(!window.inspector()->simulationEditor()->isHidden());
        window.scene()->resourceItem(QStringLiteral("OrdersDeadLetterQueue"))->setSelected(true);
        QVERIFY(window.inspector()->simulationEditor()->isHidden());
    }

    void scenarioDialogChecksAndAppliesAsOneStep()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(kExample).isEmpty());
        QAction* action = window.action(QStringLiteral("editScenario"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<ScenarioDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->editor()->toPlainText().contains(QStringLiteral("resource: OrdersApi")));
        QVERIFY(dialog->canApply());
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);

        dialog->editor()->setPlainText(QStringLiteral("durationSeconds: 60\nentries:\n  - resource: [OrdersApi\n"));
        QVERIFY(!ok->isEnabled()); // YAML is checked at once
        QVERIFY2(dialog->problem().contains(QStringLiteral("line 3")) || dialog->problem().contains(QStringLiteral("line 4")),
                 qPrintable(dialog->problem()));
        QVERIFY2(dialog->problem().contains(QStringLiteral("column")), qPrintable(dialog->problem()));

        dialog->editor()->setPlainText(QStringLiteral("durationSeconds: 60\nentries:\n  - resource: Nowhere\n    load: {shape: poisson, ratePerSecond: 1}\n"));
        QVERIFY(!dialog->canApply() && !ok->isEnabled());
        QVERIFY2(dialog->problem().contains(QStringLiteral("simulation/entries/0/resource")), qPrintable(dialog->problem()));
        QVERIFY2(dialog->problem().contains(QStringLiteral("Nowhere")), qPrintable(dialog->problem()));
        QVERIFY2(dialog->problem().startsWith(QStringLiteral("line 3")), qPrintable(dialog->problem()));

        dialog->editor()->setPlainText(QStringLiteral("entries:\n  - resource: OrdersApi\n    load: {shape: square}\n"));
        QVERIFY2(dialog->problem().contains(QStringLiteral("simulation/entries/0/load/shape")), qPrintable(dialog->problem()));
        dialog->editor()->setPlainText(QStringLiteral("overrides:\n  Ghost: {errorRate: 1}\n"));
        QVERIFY2(dialog->problem().contains(QStringLiteral("simulation/overrides/Ghost")), qPrintable(dialog->problem()));
        ok->click();
        QVERIFY(dialog->isVisible()); // OK does nothing while the text is invalid

        const JsonTree before = window.document()->architecture().settings();
        const int steps = window.document()->undoStack()->count();
        dialog->editor()->setPlainText(QStringLiteral("durationSeconds: 42\nseed: 7\nfailures:\n  - resource: StoreOrders\n    errorRate: 0.5\n"));
        QVERIFY(!ok->isEnabled()); // until the simulator has checked the text, once typing pauses
        QTRY_VERIFY(ok->isEnabled());
        QCOMPARE(dialog->problem(), QString());
        ok->click();
        QVERIFY(!dialog->isVisible());
        QVERIFY(setting(window, QStringLiteral("/simulation"))
                == JsonTree::parse(R"({"durationSeconds": 42, "seed": 7, "failures": [{"resource": "StoreOrders", "errorRate": 0.5}]})"));
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        QCOMPARE(window.simulation()->findChild<QSpinBox*>()->value(), 42);
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture().settings() == before);
    }

    void scenarioButtonOpensTheDialog()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(kExample).isEmpty());
        auto* button = window.simulation()->findChild<QPushButton*>(QStringLiteral("scenarioButton"));
        QVERIFY(button);
        button->click();
        auto* dialog = window.findChild<ScenarioDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        // Blank text removes the scenario.
        dialog->editor()->clear();
        QVERIFY(dialog->canApply());
        dialog->accept();
        QVERIFY(!setting(window, QStringLiteral("/simulation")));
    }
};

QTEST_MAIN(TestScenarioEditing)
#include "tst_scenarioediting.moc"
