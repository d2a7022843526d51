#include "views/CanvasView.h"

#include <QWheelEvent>

#include <algorithm>

namespace tributary {

CanvasView::CanvasView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal current = transform().m11();
    const qreal target = std::clamp(current * factor, 0.05, 4.0);
    scale(target / current, target / current);
}

void CanvasView::fitAll()
{
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.0)
        resetZoom();
    centerOn(bounds.center());
}

void CanvasView::resetZoom()
{
    setTransform(QTransform());
}

void CanvasView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace tributary
