#pragma once

#include <QGraphicsItem>

namespace tributary {

class ConnectionItem;

/**
 * The parent of every connection on the canvas. In overview (zoomed far out) it draws all its
 * edges itself as one batch of thin polylines, and the edges draw nothing unless selected: a
 * few-pixel curve cannot be told from a polyline, and 7,500 separate items cost more to visit than
 * to draw. That drawing is kept as a device-coordinate picture until an edge changes or the zoom
 * does. Being their one top-level item also keeps the edges out of the view's per-paint sort.
 */
class EdgeLayer : public QGraphicsItem
{
public:
    EdgeLayer();

    /** Makes edge a child, drawn the layer's way. */
    void adopt(ConnectionItem* edge);
    /** Switches overview on or off, for the layer and every edge in it. */
    void setOverview(bool overview);
    bool isOverview() const { return m_overview; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    bool m_overview = false;
};

} // namespace tributary
