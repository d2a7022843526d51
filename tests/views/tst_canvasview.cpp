// The canvas viewport: overview when zoomed far out (one batch of edge lines, nodes uncached),
// back to full detail when zoomed in, pictures exported at full detail, pinch zoom.

#include "exporters/TemplateReader.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/MoveResourcesCommand.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/ConnectionItem.h"
#include "views/ResourceItem.h"
#include "views/SceneImageWriter.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPointingDevice>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tributary;

class TestCanvasView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<Document>(Catalogue::builtIn());
        m_document->resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"),
                                                           Catalogue::builtIn(), nullptr));
        m_scene = std::make_unique<ArchitectureScene>(m_document.get());
        m_view = std::make_unique<CanvasView>(m_scene.get());
        m_view->resize(800, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(!m_document->architecture().connections().empty());
        m_edgeId = m_document->architecture().connections().front().id;
    }

    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_document.reset();
    }

    void zoomingFarOutSwitchesToOverviewAndBack()
    {
        zoomTo(1.0);
        QVERIFY(!m_scene->isOverview());
        QVERIFY(!(edge()->flags() & QGraphicsItem::ItemHasNoContents));
        zoomTo(0.1);
        QVERIFY(m_scene->isOverview());
        for (const Connection& connection : m_document->architecture().connections())
            QVERIFY(m_scene->connectionItem(connection.id)->flags() & QGraphicsItem::ItemHasNoContents);
        for (const Resource& resource : m_document->architecture().resources())
            QCOMPARE(m_scene->resourceItem(resource.id)->cacheMode(), QGraphicsItem::NoCache);
        zoomTo(0.5);
        QVERIFY(!m_scene->isOverview());
        QVERIFY(!(edge()->flags() & QGraphicsItem::ItemHasNoContents));
        for (const Resource& resource : m_document->architecture().resources())
            QCOMPARE(m_scene->resourceItem(resource.id)->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    }

    void overviewDrawsEveryEdgeAndFollowsAMove()
    {
        // The edge nearest the middle, moved a little: the edges' bounds stay, so only the move itself
        // can tell the layer to redraw.
        const QPointF middle = edge()->parentItem()->boundingRect().center();
        for (const Connection& connection : m_document->architecture().connections()) {
            const QPointF at = m_scene->connectionItem(connection.id)->path().pointAtPercent(0.5);
            if ((at - middle).manhattanLength() < (edgeMiddleInScene() - middle).manhattanLength())
                m_edgeId = connection.id;
        }
        zoomTo(0.15);
        QVERIFY(m_scene->isOverview());
        QVERIFY(lineDrawnAt(edgeMiddle()));
        const QRectF bounds = edge()->parentItem()->boundingRect();
        const Connection& connection = *m_document->architecture().connection(m_edgeId);
        const QPointF from = m_document->architecture().resource(connection.target)->position;
        const QPointF to = from + QPointF(60, 0);
        QVERIFY(m_document->push(new MoveResourcesCommand(m_document.get(), {{connection.target, to}})).isEmpty());
        QVERIFY(lineDrawnAt(edgeMiddle()));
        QCOMPARE(edge()->parentItem()->boundingRect(), bounds);
        m_document->undoStack()->undo();
        QVERIFY(lineDrawnAt(edgeMiddle()));
    }

    void aSelectedEdgeDrawsItselfInOverview()
    {
        zoomTo(0.1);
        QVERIFY(lineDrawnAt(edgeMiddle()));
        edge()->setSelected(true);
        QVERIFY(!(edge()->flags() & QGraphicsItem::ItemHasNoContents));
        QVERIFY(!lineDrawnAt(edgeMiddle()));
        edge()->setSelected(false);
        QVERIFY(edge()->flags() & QGraphicsItem::ItemHasNoContents);
        QVERIFY(lineDrawnAt(edgeMiddle()));
    }

    void aDisconnectedEdgeLeavesTheOverview()
    {
        zoomTo(0.1);
        QVERIFY(lineDrawnAt(edgeMiddle()));
        const QPoint middle = edgeMiddle();
        QVERIFY(m_document->push(new DisconnectCommand(m_document.get(), {m_edgeId})).isEmpty());
        QVERIFY(!m_scene->connectionItem(m_edgeId));
        QVERIFY(!lineDrawnAt(middle));
        m_document->undoStack()->undo();
        QVERIFY(lineDrawnAt(edgeMiddle()));
    }

    void edgesAddedInOverviewJoinIt()
    {
        zoomTo(0.1);
        m_document->undoStack()->clear();
        const QString id = m_edgeId;
        // Rebuilding the mirror (a new architecture) keeps the view's overview.
        m_document->resetArchitecture(m_document->architecture());
        QVERIFY(m_scene->isOverview());
        QVERIFY(m_scene->connectionItem(id)->flags() & QGraphicsItem::ItemHasNoContents);
    }

    void picturesAreExportedAtFullDetailFromOverview()
    {
        zoomTo(0.1);
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("canvas.svg"));
        QCOMPARE(SceneImageWriter::writeSvg(m_scene.get(), path), QString());
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        // The edges are drawn as their own curves (SVG path data with cubic segments) and the nodes name themselves.
        QVERIFY(text.contains(" C"));
        QVERIFY(text.contains(m_document->architecture().connection(m_edgeId)->source.toUtf8()));
        QVERIFY(m_scene->isOverview());
        QVERIFY(edge()->flags() & QGraphicsItem::ItemHasNoContents);
    }

    void pinchZooms()
    {
        zoomTo(1.0);
        const QPointF centre = QPointF(m_view->viewport()->rect().center());
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, centre, centre,
                                  m_view->viewport()->mapToGlobal(centre), 0.5, QPointF());
        QApplication::sendEvent(m_view->viewport(), &pinch);
        QCOMPARE(m_view->transform().m11(), 1.5);
        QNativeGestureEvent pinchIn(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, centre, centre,
                                    m_view->viewport()->mapToGlobal(centre), -0.5, QPointF());
        QApplication::sendEvent(m_view->viewport(), &pinchIn);
        QCOMPARE(m_view->transform().m11(), 0.75);
    }

    void arrowKeysNudgeTheSelectionAsOneUndoStep()
    {
        const Resource& first = m_document->architecture().resources().front();
        const QString id = first.id;
        const QPointF before = first.position;
        m_scene->resourceItem(id)->setSelected(true);
        m_view->setFocus();
        QTest::keyClick(m_view->viewport(), Qt::Key_Right);
        QCOMPARE(m_document->architecture().resource(id)->position, before + QPointF(ArchitectureScene::gridSize, 0));
        QTest::keyClick(m_view->viewport(), Qt::Key_Up, Qt::ShiftModifier);
        QCOMPARE(m_document->architecture().resource(id)->position,
                 before + QPointF(ArchitectureScene::gridSize, -5 * ArchitectureScene::gridSize));
        QCOMPARE(m_scene->resourceItem(id)->pos(), m_document->architecture().resource(id)->position);
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->architecture().resource(id)->position, before);
        // Without a selection the arrows scroll, as in any view: nothing moves.
        m_scene->clearSelection();
        QTest::keyClick(m_view->viewport(), Qt::Key_Down);
        QCOMPARE(m_document->undoStack()->index(), 0);
    }

    void edgeStylesTellMeaningsApart()
    {
        const QStringList meanings{QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("polled"),
                                   QStringLiteral("stream"), QStringLiteral("sdk"), QStringLiteral("onSuccess"),
                                   QStringLiteral("onFailure"), QStringLiteral("deadLetter"), QStringLiteral("reference")};
        QSet<QString> looks;
        for (const QString& meaning : meanings) {
            const QPen pen = ConnectionItem::penFor(meaning);
            looks.insert(QStringLiteral("%1/%2/%3").arg(int(pen.style())).arg(pen.widthF()).arg(pen.color().name()));
        }
        QCOMPARE(looks.size(), meanings.size());
        // The items wear their rule's look.
        const Connection& connection = *m_document->architecture().connection(m_edgeId);
        const QString meaning = Catalogue::builtIn().rule(connection.rule)->meaning;
        QCOMPARE(edge()->pen(), ConnectionItem::penFor(meaning));
    }

private:
    ConnectionItem* edge() const { return m_scene->connectionItem(m_edgeId); }

    /** Sets the zoom and paints the view once (the detail level follows the paint). */
    void zoomTo(qreal zoom)
    {
        m_view->setTransform(QTransform::fromScale(zoom, zoom));
        m_view->centerOn(m_scene->itemsBoundingRect().center());
        render();
    }

    QImage render() const
    {
        QImage frame(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        frame.fill(Qt::white);
        QPainter painter(&frame);
        m_view->viewport()->render(&painter);
        return frame;
    }

    QPointF edgeMiddleInScene() const { return edge()->path().pointAtPercent(0.5); }
    /** The middle of the edge's curve, in viewport pixels. */
    QPoint edgeMiddle() const { return m_view->mapFromScene(edgeMiddleInScene()); }

    /** True when a pixel of the edge colour is within 2 px of at (the overview's lines are not antialiased). */
    bool lineDrawnAt(QPoint at) const
    {
        const QImage frame = render();
        for (int dx = -2; dx <= 2; ++dx) {
            for (int dy = -2; dy <= 2; ++dy) {
                const QPoint pixel = at + QPoint(dx, dy);
                if (frame.rect().contains(pixel) && QColor(frame.pixel(pixel)) == ConnectionItem::lineColour())
                    return true;
            }
        }
        return false;
    }

    std::unique_ptr<Document> m_document;
    std::unique_ptr<ArchitectureScene> m_scene;
    std::unique_ptr<CanvasView> m_view;
    QString m_edgeId;
};

QTEST_MAIN(TestCanvasView)
#include "tst_canvasview.moc"
