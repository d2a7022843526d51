#pragma once

#include <QGraphicsObject>
#include <QPixmap>
#include <QString>

namespace tributary {

/** A resource node on the canvas: icon, logical id and kind. Keeps only its id and what it paints. */
class ResourceItem : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal width = 180;
    static constexpr qreal height = 56;

    ResourceItem(const QString& id, const QString& kindName, const QPixmap& icon, const QColor& accent);

    const QString& resourceId() const { return m_id; }
    void setResourceId(const QString& id);
    /** The point where edges attach on the left (incoming) or right (outgoing) side, in scene coordinates. */
    QPointF inPort() const;
    QPointF outPort() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    /** The item moved on screen (during a drag); edges follow. */
    void geometryChanged();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QString m_id;
    QString m_kindName;
    QPixmap m_icon;
    QColor m_accent;
};

} // namespace tributary
