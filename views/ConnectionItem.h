#pragma once

#include <QGraphicsPathItem>
#include <QString>

namespace tributary {

class ResourceItem;

/** A connection on the canvas: a curved arrow from its source's out port to its target's in port. */
class ConnectionItem : public QGraphicsPathItem
{
public:
    /** meaning is the rule's meaning (sync, async, polled …): it sets the line style. */
    ConnectionItem(const QString& id, ResourceItem* source, ResourceItem* target, const QString& meaning,
                   const QString& label);

    const QString& connectionId() const { return m_id; }
    /** Recomputes the path after an end moved. */
    void updatePath();

    QRectF boundingRect() const override;
    /** A band along the curve, so that a click near the line selects it. */
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_id;
    ResourceItem* m_source;
    ResourceItem* m_target;
    QString m_label;
};

} // namespace tributary
