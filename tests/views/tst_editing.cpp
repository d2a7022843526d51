// Editing on the real main window: the inspector edits the model and follows undo and redo, one
// edit reaches every selected resource, bad input is refused; dragging from a port draws only the
// connections a rule allows, with a chooser where several fit; deleting a connection is undoable.

#include "app/gui/MainWindow.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/tree/JsonTreeEdit.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/ConnectionItem.h"
#include "views/InspectorView.h"
#include "views/ResourceItem.h"

#include <QApplication>
#include <QComboBox>
#include <QGraphicsSceneMouseEvent>
#include <QLineEdit>
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
        typeInto(batch, QStringLiteral("5"));
        QVERIFY(propertyOf(window, QStringLiteral("StoreOrders"), QStringLiteral("/Events/OrdersFromQueue/Properties/BatchSize"))
                == JsonTree(5));
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
