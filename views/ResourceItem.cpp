#include "views/ResourceItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tributary {

ResourceItem::ResourceItem(const QString& id, const QString& kindName, const QPixmap& icon, const QColor& accent)
    : m_id(id)
    , m_kindName(kindName)
    , m_icon(icon)
    , m_accent(accent)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsScenePositionChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    setToolTip(QStringLiteral("%1 (%2)").arg(id, kindName));
}

void ResourceItem::setResourceId(const QString& id)
{
    m_id = id;
    setToolTip(QStringLiteral("%1 (%2)").arg(id, m_kindName));
    update();
}

QPointF ResourceItem::inPort() const
{
    return mapToScene(QPointF(0, height / 2));
}

QPointF ResourceItem::outPort() const
{
    return mapToScene(QPointF(width, height / 2));
}

QRectF ResourceItem::boundingRect() const
{
    return QRectF(-2, -2, width + 4, height + 4);
}

void ResourceItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette& palette = option->palette;
    const QRectF frame(0, 0, width, height);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(isSelected() ? palette.highlight().color() : m_accent, isSelected() ? 3 : 1.5));
    painter->setBrush(palette.base());
    painter->drawRoundedRect(frame, 6, 6);
    if (detail < 0.35) {
        painter->fillRect(QRectF(8, 8, 40, 40), m_accent);
        return;
    }
    painter->drawPixmap(QRectF(8, 8, 40, 40), m_icon, m_icon.rect());
    painter->setPen(palette.text().color());
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    const QRectF textArea(56, 6, width - 62, 24);
    painter->drawText(textArea, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_id, Qt::ElideRight, static_cast<int>(textArea.width())));
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(palette.placeholderText().color());
    painter->drawText(QRectF(56, 28, width - 62, 22), Qt::AlignLeft | Qt::AlignVCenter, m_kindName);
}

QVariant ResourceItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemScenePositionHasChanged)
        Q_EMIT geometryChanged();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace tributary
