#pragma once

#include <QGraphicsView>

namespace tributary {

/**
 * The canvas viewport: zoom with Ctrl+wheel, a pinch or the zoom actions; pan with the middle
 * button, with Space held while dragging, or the scroll bars; rubber-band select; the arrow keys
 * move the selection by a grid step (five with Shift).
 */
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit CanvasView(QGraphicsScene* scene, QWidget* parent = nullptr);

    /** Multiplies the zoom by factor, within 5 % and 400 %. */
    void zoomBy(qreal factor);
    /** Shows every item, at most at 100 %. */
    void fitAll();
    void resetZoom();

protected:
    bool viewportEvent(QEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    /** Puts an ArchitectureScene in overview below farOutZoom, and out of it above. */
    void updateDetailLevel();
    static constexpr qreal farOutZoom = 0.2;

    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace tributary
