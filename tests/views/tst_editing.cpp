// Editing on the real main window: the inspector edits the model and follows undo and redo, one
// edit reaches every selected resource, bad input is refused; dragging from a port draws only the
// connections a rule allows, with a chooser where several fit; deleting a connection is undoable.

#include "app/gui/Autosave.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PreferencesDialog.h"
#include "app/gui/Theme.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/SetPropertyCommand.h"
#include "model/tree/JsonTreeEdit.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/ConnectionItem.h"
#include "views/GroupItem.h"
#include "views/InspectorView.h"
#include "views/OutlineView.h"
#include "views/ProblemsView.h"
#include "views/SimulationView.h"
#include "views/ResourceItem.h"

#include <QApplication>
#include <QComboBox>
#include <QGraphicsSceneMouseEvent>
#include <QChart>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QChartView>
#include <QImage>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeWidget>
#include <QListWidget>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tributary;

namespace {

void sendSceneMouse(QGraphicsScene* scene, QEvent::Type type, QPointF scenePos, Qt::MouseButtons buttons)
{
    QGraphicsSceneMouseEvent event(type);
    event.setScenePos(scenePos);
    event.setButton(type == QEvent::GraphicsSceneMouseMove ? Qt::NoButton : Qt::LeftButton);
    event.setButtons(buttons);
    QApplication::sendEvent(scene, &event);
}

/** Drags from the out port of one node to the middle of another, as a person does. */
void dragPortToNode(ArchitectureScene* scene, const QString& from, const QString& to)
{
    const QPointF start = scene->resourceItem(from)->outPort();
    const QPointF end = scene->resourceItem(to)->sceneBoundingRect().center();
    sendSceneMouse(scene, QEvent::GraphicsSceneMousePress, start, Qt::LeftButton);
    sendSceneMouse(scene, QEvent::GraphicsSceneMouseMove, (start + end) / 2, Qt::LeftButton);
    sendSceneMouse(scene, QEvent::GraphicsSceneMouseMove, end, Qt::LeftButton);
    sendSceneMouse(scene, QEvent::GraphicsSceneMouseRelease, end, Qt::NoButton);
}

std::optional<JsonTree> propertyOf(MainWindow& window, const QString& id, const QString& pointer)
{
    return JsonTreeEdit::valueAt(window.document()->architecture().resource(id)->properties, pointer);
}

void typeInto(QLineEdit* editor, const QString& text)
{
    editor->setFocus();
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

void place(MainWindow& window, const QString& kind, const QString& id, QPointF at)
{
    const Catalogue& catalogue = Catalogue::builtIn();
    QVERIFY(window.document()->push(new AddResourcesCommand(
        window.document(), {catalogue.makeResource(*catalogue.kind(kind), id, at)})).isEmpty());
}

} // namespace

class TestEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void copyPasteGivesNewIdsAndKeepsWiring()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        const std::size_t resources = window.document()->architecture().resources().size();
        const std::size_t connections = window.document()->architecture().connections().size();
        window.scene()->resourceItem(QStringLiteral("OrdersQueue"))->setSelected(true);
        window.scene()->resourceItem(QStringLiteral("StoreOrders"))->setSelected(true);
        window.action(QStringLiteral("copy"))->trigger();
        QCOMPARE(window.paste(), QString());
        const Architecture& after = window.document()->architecture();
        QCOMPARE(after.resources().size(), resources + 2);
        QVERIFY(after.resource(QStringLiteral("OrdersQueue2")) && after.resource(QStringLiteral("StoreOrders2")));
        // The copied function polls the copied queue, and still writes to the original table.
        QVERIFY(JsonTreeEdit::valueAt(after.resource(QStringLiteral("StoreOrders2"))->properties,
                                      QStringLiteral("/Events/OrdersFromQueue/Properties/Queue"))
                == JsonTree::parse(R"({"Fn::GetAtt": ["OrdersQueue2", "Arn"]})"));
        QVERIFY(after.resource(QStringLiteral("OrdersQueue2"))->position == after.resource(QStringLiteral("OrdersQueue"))->position + QPointF(40, 40));
        QStringList rules;
        for (const Connection& connection : after.connections()) {
            if (connection.source.endsWith(QLatin1Char('2')) || connection.target.endsWith(QLatin1Char('2')))
                rules << connection.rule;
        }
        rules.sort();
        QCOMPARE(rules, QStringList({"functionAccessesTable", "queueDeadLetterToQueue", "queueToFunction"}));
        QCOMPARE(window.scene()->selectedResourceIds(), QStringList({"OrdersQueue2", "StoreOrders2"}));
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->architecture().resources().size(), resources);
        QCOMPARE(window.document()->architecture().connections().size(), connections);

        // Into another window: the clipboard is the system's.
        MainWindow other(Catalogue::builtIn());
        QCOMPARE(other.paste(), QString());
        QVERIFY(other.document()->architecture().resource(QStringLiteral("OrdersQueue")));
        QCOMPARE(other.document()->architecture().connections().front().rule, QStringLiteral("queueToFunction"));
    }

    void duplicateShortcutCopiesInPlace()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->resourceItem(QStringLiteral("Jobs"))->setSelected(true);
        window.canvas()->setFocus();
        QTest::keyClick(window.canvas(), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(window.document()->architecture().resource(QStringLiteral("Jobs2")));
        QTest::keyClick(window.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!window.document()->architecture().resource(QStringLiteral("Jobs2")));
    }

    void standardShortcutsAreBound_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QKeySequence>("keys");
        const std::pair<const char*, QKeySequence::StandardKey> standard[] = {
            {"new", QKeySequence::New}, {"open", QKeySequence::Open}, {"save", QKeySequence::Save},
            {"saveAs", QKeySequence::SaveAs}, {"undo", QKeySequence::Undo}, {"redo", QKeySequence::Redo},
            {"cut", QKeySequence::Cut}, {"copy", QKeySequence::Copy}, {"paste", QKeySequence::Paste},
            {"delete", QKeySequence::Delete}, {"selectAll", QKeySequence::SelectAll}, {"find", QKeySequence::Find},
            {"zoomIn", QKeySequence::ZoomIn}, {"zoomOut", QKeySequence::ZoomOut}, {"quit", QKeySequence::Quit}};
        for (const auto& [name, key] : standard)
            QTest::newRow(name) << QString::fromLatin1(name) << QKeySequence(key);
    }

    void standardShortcutsAreBound()
    {
        QFETCH(QString, name);
        QFETCH(QKeySequence, keys);
        MainWindow window(Catalogue::builtIn());
        QAction* action = window.action(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
        if (!keys.isEmpty()) // the platform's own key where it has one
            QCOMPARE(action->shortcut(), keys);
    }

    void selectAllThenDeleteUsesTheKeyboard()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.canvas()->setFocus();
        QTest::keyClick(window.canvas(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(window.scene()->selectedResourceIds().size(), 6);
        QTest::keyClick(window.canvas(), Qt::Key_Delete);
        QVERIFY(window.document()->architecture().resources().empty());
        QTest::keyClick(window.canvas(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.document()->architecture().resources().size(), std::size_t(6));
    }

    void autosaveWritesARecoveryCopyThatRestores()
    {
        QTemporaryDir folder;
        QTemporaryDir work;
        const QString path = work.filePath(QStringLiteral("orders.yaml"));
        QString recovery;
        {
            MainWindow window(Catalogue::builtIn());
            QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
            QCOMPARE(window.saveTo(path), QString());
            Autosave autosave(window.document(), folder.path(), 50);
            place(window, QStringLiteral("queue"), QStringLiteral("Unsaved"), {0, 400});
            QTRY_VERIFY(QFile::exists(autosave.recoveryPath()));
            recovery = autosave.recoveryPath();
            QCOMPARE(Autosave::findLeftBehind(folder.path()), recovery);
            QCOMPARE(Autosave::originalPathOf(recovery), path);
            // As after a crash: the copy stays where the session left it.
            QFile::copy(recovery, recovery + QStringLiteral(".kept"));
            QFile::copy(recovery + QStringLiteral(".origin"), recovery + QStringLiteral(".kept.origin"));
        }
        QVERIFY(!QFile::exists(recovery)); // a session that ends normally cleans up
        const QString kept = recovery + QStringLiteral(".kept");
        QVERIFY(QFile::rename(kept, recovery));
        QVERIFY(QFile::rename(kept + QStringLiteral(".origin"), recovery + QStringLiteral(".origin")));
        MainWindow restored(Catalogue::builtIn());
        QCOMPARE(restored.restoreRecovery(recovery), QString());
        QVERIFY(restored.document()->architecture().resource(QStringLiteral("Unsaved")));
        QCOMPARE(restored.document()->filePath(), path);
        QVERIFY(restored.isWindowModified());
        QVERIFY(!QFile::exists(recovery));
    }

    void savingRemovesTheRecoveryCopy()
    {
        QTemporaryDir folder;
        QTemporaryDir work;
        MainWindow window(Catalogue::builtIn());
        Autosave autosave(window.document(), folder.path(), 60000);
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        QCOMPARE(autosave.saveNow(), QString());
        QVERIFY(QFile::exists(autosave.recoveryPath()));
        QCOMPARE(window.saveTo(work.filePath(QStringLiteral("t.yaml"))), QString());
        QVERIFY(!QFile::exists(autosave.recoveryPath()));
        QCOMPARE(window.recentFiles().value(0), work.filePath(QStringLiteral("t.yaml")));
    }

    void snapToGridLandsDragsOnTheGrid()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        window.action(QStringLiteral("snapToGrid"))->setChecked(true);
        Q_EMIT window.action(QStringLiteral("snapToGrid"))->triggered(true);
        ResourceItem* item = window.scene()->resourceItem(QStringLiteral("Jobs"));
        item->setPos(33, 47);
        sendSceneMouse(window.scene(), QEvent::GraphicsSceneMouseRelease, QPointF(-500, -500), Qt::NoButton);
        QCOMPARE(window.document()->architecture().resource(QStringLiteral("Jobs"))->position, QPointF(40, 40));
        window.action(QStringLiteral("snapToGrid"))->setChecked(false);
        Q_EMIT window.action(QStringLiteral("snapToGrid"))->triggered(false);
    }

    void outlineFindsAndShowsResources()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QListWidget* list = window.outline()->list();
        QCOMPARE(list->count(), 6);
        window.outline()->setFilter(QStringLiteral("table"));
        int visible = 0;
        QListWidgetItem* shown = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (!list->item(i)->isHidden()) {
                ++visible;
                shown = list->item(i);
            }
        }
        QCOMPARE(visible, 1);
        Q_EMIT list->itemActivated(shown);
        QCOMPARE(window.scene()->selectedResourceIds(), QStringList({QStringLiteral("OrdersTable")}));
        QVERIFY(window.inspector()->editorFor(QStringLiteral("/BillingMode")));
    }

    void groupFramesMoveTheirMembers()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        place(window, QStringLiteral("function"), QStringLiteral("Worker"), {300, 0});
        place(window, QStringLiteral("table"), QStringLiteral("Store"), {600, 0});
        QCOMPARE(window.groupResources({QStringLiteral("Jobs"), QStringLiteral("Worker")}, QStringLiteral("Ingest")), QString());
        const QString id = window.document()->architecture().groups().front().id;
        GroupItem* frame = window.scene()->groupItem(id);
        QVERIFY(frame && frame->isVisible());
        const QRectF around = frame->sceneBoundingRect();
        QVERIFY(around.contains(window.scene()->resourceItem(QStringLiteral("Jobs"))->sceneBoundingRect()));
        QVERIFY(around.contains(window.scene()->resourceItem(QStringLiteral("Worker"))->sceneBoundingRect()));
        QVERIFY(!around.intersects(window.scene()->resourceItem(QStringLiteral("Store"))->sceneBoundingRect()));

        const int steps = window.document()->undoStack()->count();
        frame->setPos(frame->pos() + QPointF(0, 100)); // as a drag of the frame does
        sendSceneMouse(window.scene(), QEvent::GraphicsSceneMouseRelease, QPointF(-500, -500), Qt::NoButton);
        const Architecture& moved = window.document()->architecture();
        QCOMPARE(moved.resource(QStringLiteral("Jobs"))->position, QPointF(0, 100));
        QCOMPARE(moved.resource(QStringLiteral("Worker"))->position, QPointF(300, 100));
        QCOMPARE(moved.resource(QStringLiteral("Store"))->position, QPointF(600, 0));
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->architecture().resource(QStringLiteral("Worker"))->position, QPointF(300, 0));
        QVERIFY(window.scene()->groupItem(id)->sceneBoundingRect().contains(window.scene()->resourceItem(QStringLiteral("Worker"))->sceneBoundingRect()));

        window.scene()->resourceItem(QStringLiteral("Jobs"))->setSelected(true);
        window.action(QStringLiteral("ungroup"))->trigger();
        QVERIFY(window.document()->architecture().groups().empty());
        QVERIFY(!window.scene()->groupItem(id));
        window.document()->undoStack()->undo();
        QVERIFY(window.scene()->groupItem(id));
    }

    void middleButtonPans()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.canvas()->resetZoom();
        window.canvas()->zoomBy(3);
        QScrollBar* horizontal = window.canvas()->horizontalScrollBar();
        horizontal->setValue((horizontal->minimum() + horizontal->maximum()) / 2);
        const int before = horizontal->value();
        QWidget* viewport = window.canvas()->viewport();
        const QPoint start = viewport->rect().center();
        QTest::mousePress(viewport, Qt::MiddleButton, {}, start);
        QMouseEvent move(QEvent::MouseMove, start + QPoint(-80, 0), viewport->mapToGlobal(start + QPoint(-80, 0)),
                         Qt::NoButton, Qt::MiddleButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QTest::mouseRelease(viewport, Qt::MiddleButton, {}, start + QPoint(-80, 0));
        QCOMPARE(horizontal->value(), before + 80);
        QCOMPARE(window.document()->undoStack()->count(), 0);
    }

    void darkThemeIsAppliedAndRemembered()
    {
        MainWindow window(Catalogue::builtIn());
        window.action(QStringLiteral("theme-dark"))->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(Theme::current(), QStringLiteral("dark"));
        window.action(QStringLiteral("theme-light"))->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        window.action(QStringLiteral("theme-system"))->trigger();
        QCOMPARE(Theme::current(), QStringLiteral("system"));
    }

    void exportsPlainCloudFormationAndDiagrams()
    {
        QTemporaryDir dir;
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        const QString cfn = dir.filePath(QStringLiteral("plain.yaml"));
        QCOMPARE(window.exportTo(QStringLiteral("cfn"), cfn), QString());
        QFile file(cfn);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("Type: AWS::Lambda::Function"));
        QVERIFY(text.contains("Type: AWS::Lambda::EventSourceMapping"));
        QVERIFY(!text.contains("AWS::Serverless"));
        QCOMPARE(window.exportTo(QStringLiteral("mermaid"), dir.filePath(QStringLiteral("d.mmd"))), QString());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("d.mmd"))).size() > 0);
        const QString problem = window.exportTo(QStringLiteral("dot"), dir.filePath(QStringLiteral("missing/d.dot")));
        QVERIFY2(problem.contains(QStringLiteral("missing/d.dot")), qPrintable(problem));
        QVERIFY(window.action(QStringLiteral("exportCloudFormation")));
    }

    void playRunsTheScenarioAndShowsResults()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        SimulationView* simulation = window.simulation();
        auto* duration = simulation->findChild<QSpinBox*>();
        QVERIFY(duration);
        duration->setValue(30);
        Q_EMIT duration->editingFinished();
        QVERIFY(JsonTreeEdit::valueAt(window.document()->architecture().settings(), QStringLiteral("/simulation/durationSeconds"))
                == JsonTree(30));
        window.document()->undoStack()->undo();
        QVERIFY(duration->value() != 30); // undo shows the scenario's own run length again
        window.document()->undoStack()->redo();
        QCOMPARE(duration->value(), 30);

        QSignalSpy finished(simulation, &SimulationView::finished);
        window.action(QStringLiteral("simulationPlay"))->trigger();
        QVERIFY(finished.wait(30000));
        QCOMPARE(simulation->results()["duration_s"].get<double>(), 30.0);
        QCOMPARE(simulation->table()->topLevelItemCount(), 6);
        const QList<QTreeWidgetItem*> accept = simulation->table()->findItems(QStringLiteral("AcceptOrder"), Qt::MatchExactly);
        QCOMPARE(accept.size(), 1);
        QVERIFY(accept.front()->text(2).toInt() > 0); // received
        QVERIFY2(simulation->costText().contains(QStringLiteral("USD")), qPrintable(simulation->costText()));
        QVERIFY(simulation->chart()->chart() && !simulation->chart()->chart()->series().isEmpty());
    }

    void arrangeIsOneUndoableStep()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        const Architecture before = window.document()->architecture();
        window.action(QStringLiteral("arrange"))->trigger();
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QCOMPARE(window.document()->undoStack()->undoText(), QStringLiteral("Arrange"));
        const Architecture& after = window.document()->architecture();
        QVERIFY(after.resource(QStringLiteral("AcceptOrder"))->position.x() < after.resource(QStringLiteral("StoreOrders"))->position.x());
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture() == before);
    }

    void templateWithoutLayoutOpensArranged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Transform: AWS::Serverless-2016-10-31\nResources:\n  Jobs:\n    Type: AWS::SQS::Queue\n"
                   "  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n"
                   "      Handler: index.handler\n      InlineCode: x\n      Events:\n        Q:\n          Type: SQS\n"
                   "          Properties:\n            Queue: !GetAtt Jobs.Arn\n");
        file.close();
        MainWindow window(Catalogue::builtIn());
        QCOMPARE(window.openFile(path), QString());
        const Architecture& architecture = window.document()->architecture();
        QVERIFY(architecture.resource(QStringLiteral("Jobs"))->position.x() < architecture.resource(QStringLiteral("Worker"))->position.x());
        QVERIFY(!window.isWindowModified());
    }

    void exportsPicturesOfTheCanvas()
    {
        QTemporaryDir dir;
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QCOMPARE(window.exportTo(QStringLiteral("png"), dir.filePath(QStringLiteral("a.png"))), QString());
        QVERIFY(!QImage(dir.filePath(QStringLiteral("a.png"))).isNull());
        QCOMPARE(window.exportTo(QStringLiteral("svg"), dir.filePath(QStringLiteral("a.svg"))), QString());
        QFile svg(dir.filePath(QStringLiteral("a.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("StoreOrders"));
    }

    void preferencesAreStoredAndApplied()
    {
        MainWindow window(Catalogue::builtIn());
        PreferencesDialog dialog(&window);
        dialog.theme()->setCurrentIndex(dialog.theme()->findData(QStringLiteral("dark")));
        dialog.snapToGrid()->setChecked(true);
        dialog.autosaveSeconds()->setValue(45);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        window.applyPreferences();
        QCOMPARE(Theme::current(), QStringLiteral("dark"));
        QVERIFY(window.scene()->snapsToGrid());
        QVERIFY(window.action(QStringLiteral("snapToGrid"))->isChecked());
        QCOMPARE(PreferencesDialog::storedAutosaveSeconds(), 45);
        PreferencesDialog again(&window);
        QCOMPARE(again.autosaveSeconds()->value(), 45);
        again.theme()->setCurrentIndex(again.theme()->findData(QStringLiteral("system")));
        again.snapToGrid()->setChecked(false);
        again.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        window.applyPreferences();
        QVERIFY(!window.scene()->snapsToGrid());
    }

    void inspectorEditFollowsUndoAndRedo()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->resourceItem(QStringLiteral("OrdersQueue"))->setSelected(true);
        auto* timeout = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/VisibilityTimeout")));
        QVERIFY(timeout);
        QCOMPARE(timeout->text(), QStringLiteral("180"));
        typeInto(timeout, QStringLiteral("240"));
        QVERIFY(propertyOf(window, QStringLiteral("OrdersQueue"), QStringLiteral("/VisibilityTimeout")) == JsonTree(240));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QCOMPARE(timeout->text(), QStringLiteral("180"));
        window.document()->undoStack()->redo();
        QCOMPARE(timeout->text(), QStringLiteral("240"));
    }

    void oneEditReachesEverySelectedResource()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.scene()->resourceItem(QStringLiteral("AcceptOrder"))->setSelected(true);
        window.scene()->resourceItem(QStringLiteral("StoreOrders"))->setSelected(true);
        auto* memory = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/MemorySize")));
        QVERIFY(memory);
        QCOMPARE(memory->text(), QStringLiteral("256"));
        auto* timeout = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/Timeout")));
        QVERIFY(timeout->text().isEmpty()); // 5 and 30: several values
        QCOMPARE(timeout->placeholderText(), QStringLiteral("(several values)"));
        typeInto(memory, QStringLiteral("512"));
        QVERIFY(propertyOf(window, QStringLiteral("AcceptOrder"), QStringLiteral("/MemorySize")) == JsonTree(512));
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/MemorySize")) == JsonTree(512));
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    void badInputIsRefusedAndSaysWhy()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.scene()->resourceItem(QStringLiteral("StoreOrders"))->setSelected(true);
        auto* memory = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/MemorySize")));
        typeInto(memory, QStringLiteral("64"));
        QVERIFY2(window.inspector()->problem().contains(QStringLiteral("at least 128")), qPrintable(window.inspector()->problem()));
        auto* variables = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/Environment/Variables")));
        QCOMPARE(variables->text(), QStringLiteral("{\"ORDERS_TABLE_NAME\":{\"Ref\":\"OrdersTable\"}}"));
        typeInto(variables, QStringLiteral("{broken"));
        QVERIFY2(window.inspector()->problem().contains(QStringLiteral("not valid JSON")), qPrintable(window.inspector()->problem()));
        QCOMPARE(window.document()->undoStack()->count(), 0);
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/MemorySize")) == JsonTree(256));
    }

    void intrinsicsAreShownAndReadAsShortForms()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        place(window, QStringLiteral("queue"), QStringLiteral("Other"), {0, 200});
        window.scene()->resourceItem(QStringLiteral("Jobs"))->setSelected(true);
        auto* name = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/QueueName")));
        QVERIFY(name);
        typeInto(name, QStringLiteral("!Sub ${AWS::StackName}-jobs"));
        QVERIFY(propertyOf(window, QStringLiteral("Jobs"), QStringLiteral("/QueueName"))
                == JsonTree::parse(R"({"Fn::Sub": "${AWS::StackName}-jobs"})"));
        window.document()->undoStack()->undo();
        window.document()->undoStack()->redo();
        QCOMPARE(name->text(), QStringLiteral("!Sub ${AWS::StackName}-jobs"));
    }

    void renamingInTheInspectorRewritesReferences()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.scene()->resourceItem(QStringLiteral("OrdersTable"))->setSelected(true);
        typeInto(window.inspector()->idEditor(), QStringLiteral("Orders"));
        QVERIFY(window.document()->architecture().resource(QStringLiteral("Orders")));
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/Environment/Variables/ORDERS_TABLE_NAME"))
                == JsonTree::parse(R"({"Ref": "Orders"})"));
        typeInto(window.inspector()->idEditor(), QStringLiteral("Not-Valid"));
        QVERIFY(!window.inspector()->problem().isEmpty());
        QCOMPARE(window.inspector()->idEditor()->text(), QStringLiteral("Orders"));
    }

    void nodesShowABadgeForTheirProblems()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        ResourceItem* queue = window.scene()->resourceItem(QStringLiteral("OrdersQueue"));
        QVERIFY(queue);
        QCOMPARE(queue->problem(), ResourceItem::Problem::None);
        // A queue whose visibility timeout is shorter than its consumer's timeout is a warning; a bad one an error.
        QVERIFY(window.document()->push(new SetPropertyCommand(window.document(), Document::PropertyOwner::Resource,
                                                               {QStringLiteral("OrdersQueue")}, QStringLiteral("/VisibilityTimeout"),
                                                               JsonTree(-5))).isEmpty());
        window.findChild<ProblemsView*>()->refresh();
        QCOMPARE(queue->problem(), ResourceItem::Problem::Error);
        QVERIFY2(queue->toolTip().contains(QStringLiteral("VisibilityTimeout")), qPrintable(queue->toolTip()));
        window.document()->undoStack()->undo();
        window.findChild<ProblemsView*>()->refresh();
        QCOMPARE(queue->problem(), ResourceItem::Problem::None);
        QVERIFY(!queue->toolTip().contains(QStringLiteral("VisibilityTimeout")));
    }

    void connectionPropertiesAreEditable()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QString polled;
        for (const Connection& connection : window.document()->architecture().connections()) {
            if (connection.rule == QLatin1String("queueToFunction"))
                polled = connection.id;
        }
        window.scene()->connectionItem(polled)->setSelected(true);
        auto* batch = qobject_cast<QLineEdit*>(window.inspector()->editorFor(QStringLiteral("/BatchSize")));
        QVERIFY(batch);
        QCOMPARE(batch->text(), QStringLiteral("10"));
        QVERIFY2(window.scene()->connectionItem(polled)->label().startsWith(QStringLiteral("batch 10")),
                 qPrintable(window.scene()->connectionItem(polled)->label()));
        typeInto(batch, QStringLiteral("5"));
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/Events/OrdersFromQueue/Properties/BatchSize"))
                == JsonTree(5));
        QVERIFY(window.scene()->connectionItem(polled)->label().startsWith(QStringLiteral("batch 5")));
        window.document()->undoStack()->undo();
        QVERIFY(window.scene()->connectionItem(polled)->label().startsWith(QStringLiteral("batch 10")));
        window.document()->undoStack()->redo();
        auto* partial = qobject_cast<QComboBox*>(window.inspector()->editorFor(QStringLiteral("/FunctionResponseTypes/0")));
        QVERIFY(partial);
        partial->setCurrentText(QStringLiteral("ReportBatchItemFailures"));
        Q_EMIT partial->activated(partial->currentIndex());
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/Events/OrdersFromQueue/Properties/FunctionResponseTypes"))
                == JsonTree::parse(R"(["ReportBatchItemFailures"])"));
    }

    void portDragConnectsWhereARuleAllows()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("queue"), QStringLiteral("Jobs"), {0, 0});
        place(window, QStringLiteral("function"), QStringLiteral("Worker"), {300, 0});
        place(window, QStringLiteral("table"), QStringLiteral("Store"), {300, 200});
        const int before = window.document()->undoStack()->count();
        dragPortToNode(window.scene(), QStringLiteral("Jobs"), QStringLiteral("Worker"));
        QCOMPARE(window.document()->architecture().connections().size(), std::size_t(1));
        const Connection& made = window.document()->architecture().connections().front();
        QCOMPARE(made.rule, QStringLiteral("queueToFunction"));
        QVERIFY(propertyOf(window, QStringLiteral("Worker"), QStringLiteral("/Events/") + made.id + QStringLiteral("/Type"))
                == JsonTree("SQS"));
        QVERIFY(window.scene()->connectionItem(made.id));
        QCOMPARE(window.document()->undoStack()->count(), before + 1);

        // A queue cannot feed a table: nothing is made, and the status bar says why.
        QSignalSpy messages(window.scene(), &ArchitectureScene::message);
        dragPortToNode(window.scene(), QStringLiteral("Jobs"), QStringLiteral("Store"));
        QCOMPARE(window.document()->architecture().connections().size(), std::size_t(1));
        bool explained = false;
        for (const QList<QVariant>& arguments : std::as_const(messages))
            explained = explained || arguments[0].toString().contains(QStringLiteral("No connection rule"));
        QVERIFY(explained);

        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture().connections().empty());
        QVERIFY(!propertyOf(window, QStringLiteral("Worker"), QStringLiteral("/Events")).has_value()
                || propertyOf(window, QStringLiteral("Worker"), QStringLiteral("/Events"))->empty());
    }

    void severalRulesAskTheChooser()
    {
        MainWindow window(Catalogue::builtIn());
        place(window, QStringLiteral("function"), QStringLiteral("Worker"), {0, 0});
        place(window, QStringLiteral("queue"), QStringLiteral("Failures"), {300, 0});
        QStringList offered;
        window.scene()->setRuleChooser([&offered](const std::vector<const ConnectionRule*>& rules, QPoint) {
            const ConnectionRule* chosen = nullptr;
            for (const ConnectionRule* rule : rules) {
                offered << rule->id;
                if (rule->id == QLatin1String("functionOnFailureToQueue"))
                    chosen = rule;
            }
            return chosen;
        });
        dragPortToNode(window.scene(), QStringLiteral("Worker"), QStringLiteral("Failures"));
        QVERIFY2(offered.contains(QStringLiteral("functionSendsToQueue")) && offered.size() >= 3, qPrintable(offered.join(',')));
        QCOMPARE(window.document()->architecture().connections().size(), std::size_t(1));
        QCOMPARE(window.document()->architecture().connections().front().rule, QStringLiteral("functionOnFailureToQueue"));

        // Cancelling the chooser makes nothing.
        window.scene()->setRuleChooser([](const std::vector<const ConnectionRule*>&, QPoint) { return nullptr; });
        dragPortToNode(window.scene(), QStringLiteral("Worker"), QStringLiteral("Failures"));
        QCOMPARE(window.document()->architecture().connections().size(), std::size_t(1));
    }

    void deletingASelectedConnectionIsUndoable()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        const Architecture before = window.document()->architecture();
        QString sends;
        for (const Connection& connection : before.connections()) {
            if (connection.rule == QLatin1String("functionSendsToQueue"))
                sends = connection.id;
        }
        window.scene()->connectionItem(sends)->setSelected(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.canvas()->setFocus();
        QTest::keyClick(window.canvas(), Qt::Key_Delete);
        QVERIFY(!window.document()->architecture().connection(sends));
        QCOMPARE(window.document()->architecture().resources().size(), before.resources().size());
        QVERIFY(!propertyOf(window, QStringLiteral("AcceptOrder"), QStringLiteral("/Environment/Variables/ORDERS_QUEUE_URL")));
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture() == before);
    }
};

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"
