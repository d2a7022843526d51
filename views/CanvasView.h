#pragma once

#include <QGraphicsView>

namespace tributary {

/** The canvas viewport: zoom with Ctrl+wheel or the zoom actions, pan with the scroll bars, rubber-band select. */
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
    void wheelEvent(QWheelEvent* event) override;
};

} // namespace tributary
