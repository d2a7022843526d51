#include "app/gui/MainWindow.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/PaletteView.h"
#include "views/ProblemsView.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/MoveResourcesCommand.h"
#include "views/ResourceItem.h"

#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <sys/resource.h>

using namespace tributary;

/** Drives the real main window: the example opens, the palette places kinds, drags and undo work. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QTreeWidgetItem* paletteItem(PaletteView* palette, const QString& displayName)
    {
        const auto found = palette->tree()->findItems(displayName, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? nullptr : found.front();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void opensTheBuiltInExample()
    {
        MainWindow window(Catalogue::builtIn());
        QCOMPARE(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")), QString());
        const Architecture& architecture = window.document()->architecture();
        QCOMPARE(architecture.resources().size(), std::size_t(6));
        QCOMPARE(architecture.resource(QStringLiteral("OrdersQueue"))->kind, QStringLiteral("queue"));
        QCOMPARE(architecture.resource(QStringLiteral("StoreOrders"))->position, QPointF(720, 0));
        QVERIFY(window.scene()->resourceItem(QStringLiteral("OrdersTable")));
        QVERIFY(architecture.templateSections().contains("Outputs"));
        QVERIFY(!window.isWindowModified());
    }

    void unreadableFileKeepsTheDocumentAndSaysWhy()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("broken.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Resources:\n  A:\n    Type: AWS::SQS::Queue\n  A:\n    Type: AWS::SNS::Topic\n");
        file.close();
        const QString problem = window.openFile(path);
        QVERIFY2(problem.contains(QStringLiteral("broken.yaml")) && problem.contains(QStringLiteral("4")),
                 qPrintable(problem));
        QCOMPARE(window.document()->architecture().resources().size(), std::size_t(6));
    }

    void paletteDoubleClickPlacesAKindAndUndoRemovesIt()
    {
        MainWindow window(Catalogue::builtIn());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTreeWidgetItem* queue = paletteItem(window.palette(), Catalogue::builtIn().kind(QStringLiteral("queue"))->displayName);
        QVERIFY(queue);
        QTreeWidget* tree = window.palette()->tree();
        tree->scrollToItem(queue);
        const QPoint at = tree->visualItemRect(queue).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(window.document()->architecture().resources().size(), std::size_t(1));
        const Resource& added = window.document()->architecture().resources().front();
        QCOMPARE(added.kind, QStringLiteral("queue"));
        QVERIFY(window.scene()->resourceItem(added.id));
        QVERIFY(window.isWindowModified());
        window.document()->undoStack()->undo();
        QVERIFY(window.document()->architecture().resources().empty());
        QVERIFY(!window.scene()->resourceItem(added.id));
        QVERIFY(!window.isWindowModified());
    }

    void paletteSearchFilters()
    {
        MainWindow window(Catalogue::builtIn());
        window.palette()->setFilter(QStringLiteral("AWS::SQS"));
        int visible = 0;
        for (QTreeWidgetItemIterator it(window.palette()->tree()); *it; ++it) {
            if (!(*it)->isHidden() && (*it)->childCount() == 0)
                ++visible;
        }
        QCOMPARE(visible, 1);
    }

    void draggingANodeIsOneUndoableMove()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        window.resize(1600, 1200); // room for the drag, so that the canvas does not scroll under it
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.canvas()->resetZoom();
        ResourceItem* item = window.scene()->resourceItem(QStringLiteral("AcceptOrder"));
        window.canvas()->centerOn(item);
        QWidget* viewport = window.canvas()->viewport();
        const QPoint start = window.canvas()->mapFromScene(item->sceneBoundingRect().center());
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        for (int step = 1; step <= 5; ++step) {
            QMouseEvent move(QEvent::MouseMove, start + QPoint(step * 10, step * 6), viewport->mapToGlobal(start + QPoint(step * 10, step * 6)),
                             Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + QPoint(50, 30));
        const QPointF moved = window.document()->architecture().resource(QStringLiteral("AcceptOrder"))->position;
        QCOMPARE(moved, QPointF(290, 30));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->architecture().resource(QStringLiteral("AcceptOrder"))->position, QPointF(240, 0));
        QCOMPARE(item->pos(), QPointF(240, 0));
    }

    void problemsFollowTheDocumentAndShowTheirResources()
    {
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QCOMPARE(window.problems()->topLevelItemCount(), 0);
        const ResourceKind* queue = Catalogue::builtIn().kind(QStringLiteral("queue"));
        const QString problem = window.document()->push(new AddResourcesCommand(
            window.document(), {Catalogue::builtIn().makeResource(*queue, QStringLiteral("Lonely"), QPointF(0, 400))}));
        QVERIFY(problem.isEmpty());
        QTRY_VERIFY(window.problems()->topLevelItemCount() > 0);
        QTreeWidgetItem* finding = window.problems()->topLevelItem(0);
        QVERIFY2(finding->text(2).contains(QStringLiteral("Lonely")), qPrintable(finding->text(0)));
        Q_EMIT window.problems()->itemActivated(finding, 0);
        QCOMPARE(window.scene()->selectedResourceIds(), QStringList({QStringLiteral("Lonely")}));
        window.document()->undoStack()->undo();
        QTRY_COMPARE(window.problems()->topLevelItemCount(), 0);
    }

    void moveSaveReopenKeepsTheGraphAndTheNewPosition_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("built-in example") << QStringLiteral(":/examples/order-pipeline.yaml");
        for (const char* name : {"eventbridge-sqs__template.yaml", "lambda-sns-sqs-lambda-sam-java__template.yml",
                                 "api-sqs-lambda-python__template.yml"}) {
            const QString path = QStringLiteral(TRIBUTARY_CORPUS_DIR "/serverless-patterns/") + QLatin1String(name);
            if (QFile::exists(path))
                QTest::newRow(name) << path;
        }
    }

    void moveSaveReopenKeepsTheGraphAndTheNewPosition()
    {
        QFETCH(QString, source);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("saved.yaml"));
        MainWindow window(Catalogue::builtIn());
        QCOMPARE(window.openFile(source), QString());
        const Architecture before = window.document()->architecture();
        const QString moved = before.resources().back().id;
        QVERIFY(window.document()->push(new MoveResourcesCommand(
                    window.document(), {{moved, QPointF(1040, 300)}})).isEmpty());
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.saveTo(path), QString());
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.document()->filePath(), path);

        MainWindow reopened(Catalogue::builtIn());
        QCOMPARE(reopened.openFile(path), QString());
        const Architecture& after = reopened.document()->architecture();
        QCOMPARE(after.resources().size(), before.resources().size());
        QCOMPARE(after.connections().size(), before.connections().size());
        for (const Resource& resource : before.resources()) {
            const Resource* saved = after.resource(resource.id);
            QVERIFY(saved);
            QVERIFY(saved->properties == resource.properties);
            QCOMPARE(saved->cfnType, resource.cfnType);
        }
        QCOMPARE(after.resource(moved)->position, QPointF(1040, 300));
        QVERIFY(after.templateSections() == before.templateSections());
        for (const Connection& connection : before.connections())
            QVERIFY2(after.connection(connection.id), qPrintable(connection.id));
    }

    void savingAnUnchangedDocumentWritesNothing()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("orders.yaml"));
        MainWindow window(Catalogue::builtIn());
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QCOMPARE(window.saveTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("changed on disk by someone else\n");
        file.close();
        QVERIFY(window.save());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("changed on disk by someone else\n"));
    }

private:
    /** Opens the order example, saves it to path (original gets the bytes), then moves a node. */
    static void saveThenMove(MainWindow& window, const QString& path, QByteArray* original)
    {
        QVERIFY(window.openFile(QStringLiteral(":/examples/order-pipeline.yaml")).isEmpty());
        QCOMPARE(window.saveTo(path), QString());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        *original = saved.readAll();
        QVERIFY(window.document()->push(new MoveResourcesCommand(
                    window.document(), {{QStringLiteral("OrdersTable"), QPointF(0, 0)}})).isEmpty());
    }

    /** A save that failed said why, naming the file, and left the file and the unsaved change as they were. */
    static void expectFailedSave(const MainWindow& window, const QString& path, const QString& problem,
                                 const QByteArray& original)
    {
        QVERIFY2(problem.contains(path), qPrintable(problem));
        QVERIFY(window.isWindowModified());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), original);
    }

private Q_SLOTS:
    void failedSaveKeepsTheOldFileAndSaysWhy()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("orders.yaml"));
        MainWindow window(Catalogue::builtIn());
        QByteArray original;
        saveThenMove(window, path, &original);
        if (QTest::currentTestFailed())
            return;

        // A file size limit makes the write fail even for root, as a full disk would.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit previous{};
        getrlimit(RLIMIT_FSIZE, &previous);
        rlimit tiny = previous;
        tiny.rlim_cur = 64;
        setrlimit(RLIMIT_FSIZE, &tiny);
        const QString problem = window.saveTo(path);
        setrlimit(RLIMIT_FSIZE, &previous);

        expectFailedSave(window, path, problem, original);
    }

    void saveIntoAReadOnlyFolderKeepsTheOldFileAndSaysWhy()
    {
        QTemporaryDir directory;
        const QString folder = directory.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath(QStringLiteral("orders.yaml"));
        MainWindow window(Catalogue::builtIn());
        QByteArray original;
        saveThenMove(window, path, &original);
        if (QTest::currentTestFailed())
            return;

        const auto readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther | QFile::ExeOwner
            | QFile::ExeGroup | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(directory.path(), readable | QFile::WriteOwner));
        QVERIFY(QFile::setPermissions(folder, readable));
        // The file itself may be written: only the folder stands in the way of a new copy.
        QVERIFY(QFile::setPermissions(path, readable | QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));
        // Root ignores permissions: save as an unprivileged user, as a real user would be.
        const uid_t user = geteuid();
        if (user == 0 && seteuid(65534) != 0)
            QSKIP("running as root and cannot act as another user");
        // A change of user hides /proc/self/fd, through which QSaveFile links its new copy in place.
        prctl(PR_SET_DUMPABLE, 1);
        const QString problem = window.saveTo(path);
        if (user == 0)
            QVERIFY(seteuid(0) == 0);
        QFile::setPermissions(folder, readable | QFile::WriteOwner);

        expectFailedSave(window, path, problem, original);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("orders.yaml")});
    }

    void screenshotOptionWritesAPicture()
    {
        QTemporaryDir directory;
        const QString out = directory.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.start(QStringLiteral(TRIBUTARY_GUI_PATH), {QStringLiteral("--screenshot"), out});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QImage image(out);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
    }

    void screenshotAfterASimulationRun()
    {
        QTemporaryDir directory;
        const QString out = directory.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.start(QStringLiteral(TRIBUTARY_GUI_PATH),
                      {QStringLiteral("--screenshot"), out, QStringLiteral("--simulate"),
                       QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/sqs-buffering.yaml")});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(!QImage(out).isNull());
    }

    void screenshotOfAnUnreadableFileFailsWithThree()
    {
        QProcess process;
        process.start(QStringLiteral(TRIBUTARY_GUI_PATH),
                      {QStringLiteral("--screenshot"), QStringLiteral("/nonexistent/x.png"), QStringLiteral("/nonexistent/t.yaml")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(process.readAllStandardError().contains("/nonexistent/t.yaml"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
