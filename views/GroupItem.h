#pragma once

#include <QGraphicsObject>
#include <QString>

namespace tributary {

/**
 * A group's frame on the canvas, behind its members, with the group's label. Dragging the frame
 * moves its members with it (the scene turns the drag into one move command).
 */
class GroupItem : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal padding = 16;
    static constexpr qreal labelHeight = 22;

    GroupItem(const QString& id, const QString& label);

    const QString& groupId() const { return m_id; }
    void setLabel(const QString& label);
    /** Places the frame around members' bounding rect (scene coordinates). */
    void surround(const QRectF& members);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    /** The user dragged the frame by delta (scene units). */
    void dragged(QPointF delta);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QString m_id;
    QString m_label;
    QSizeF m_size;
    bool m_placing = false;
};

} // namespace tributary
