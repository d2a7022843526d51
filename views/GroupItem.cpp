#include "views/GroupItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tributary {

GroupItem::GroupItem(const QString& id, const QString& label)
    : m_id(id)
    , m_label(label)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(-1);
    setToolTip(label);
}

void GroupItem::setLabel(const QString& label)
{
    m_label = label;
    setToolTip(label);
    update();
}

void GroupItem::surround(const QRectF& members)
{
    const QRectF frame = members.adjusted(-padding, -padding - labelHeight, padding, padding);
    prepareGeometryChange();
    m_size = frame.size();
    m_placing = true;
    setPos(frame.topLeft());
    m_placing = false;
}

QRectF GroupItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

void GroupItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette& palette = option->palette;
    QColor fill = palette.highlight().color();
    fill.setAlpha(18);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(isSelected() ? palette.highlight().color() : palette.mid().color(), isSelected() ? 2 : 1, Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size), 10, 10);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.35)
        return;
    painter->setPen(palette.text().color());
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(QRectF(10, 2, m_size.width() - 20, labelHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_label, Qt::ElideRight, static_cast<int>(m_size.width() - 20)));
}

QVariant GroupItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange && !m_placing)
        Q_EMIT dragged(value.toPointF() - pos());
    return QGraphicsObject::itemChange(change, value);
}

} // namespace tributary
