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
    setToolTip(defaultToolTip());
}

void ResourceItem::setResourceId(const QString& id)
{
    m_id = id;
    setToolTip(defaultToolTip());
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

bool ResourceItem::isOnOutPort(QPointF scenePos) const
{
    return QLineF(scenePos, outPort()).length() <= portRadius * 2.5;
}

void ResourceItem::setLinkState(LinkState state, const QString& why)
{
    setToolTip(why.isEmpty() ? defaultToolTip() : why);
    if (state == m_linkState)
        return;
    m_linkState = state;
    update();
}

void ResourceItem::setProblems(Problem worst, const QStringList& messages)
{
    if (worst == m_problem && messages == m_problemMessages)
        return;
    m_problem = worst;
    m_problemMessages = messages;
    if (m_linkState == LinkState::None)
        setToolTip(defaultToolTip());
    update();
}

QString ResourceItem::defaultToolTip() const
{
    const QString name = QStringLiteral("%1 (%2)").arg(m_id, m_kindName);
    return m_problemMessages.isEmpty() ? name : name + QLatin1Char('\n') + m_problemMessages.join(QLatin1Char('\n'));
}

void ResourceItem::paintProblemBadge(QPainter* painter) const
{
    if (m_problem == Problem::None)
        return;
    const QPointF centre(width - 2, 2);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(m_problem == Problem::Error ? QColor(0xc6, 0x28, 0x28) : QColor(0xf5, 0x9e, 0x0b));
    painter->drawEllipse(centre, badgeRadius, badgeRadius);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(11);
    painter->setFont(font);
    painter->drawText(QRectF(centre - QPointF(badgeRadius, badgeRadius), QSizeF(2 * badgeRadius, 2 * badgeRadius)),
                      Qt::AlignCenter, QStringLiteral("!"));
}

QRectF ResourceItem::boundingRect() const
{
    return QRectF(-portRadius - 4, -badgeRadius - 4, width + 2 * portRadius + 8, height + badgeRadius + 8);
}

void ResourceItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QPalette& palette = option->palette;
    const QRectF frame(0, 0, width, height);
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < 0.2 && m_linkState == LinkState::None) {
        // A few pixels wide: a filled box in the category's colour, outlined when selected.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(isSelected() ? QPen(palette.highlight().color(), 0) : Qt::NoPen);
        painter->setBrush(m_accent);
        painter->drawRect(frame);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_linkState != LinkState::None) {
        painter->setPen(QPen(m_linkState == LinkState::Allowed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28), 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame.adjusted(-3, -3, 3, 3), 8, 8);
    }
    painter->setPen(QPen(isSelected() ? palette.highlight().color() : m_accent, isSelected() ? 3 : 1.5));
    painter->setBrush(palette.base());
    painter->drawRoundedRect(frame, 6, 6);
    if (detail < 0.35) {
        painter->fillRect(QRectF(8, 8, 40, 40), m_accent);
        paintProblemBadge(painter);
        return;
    }
    painter->setBrush(m_accent);
    painter->setPen(QPen(palette.base().color(), 1.5));
    painter->drawEllipse(QPointF(0, height / 2), portRadius, portRadius);
    painter->drawEllipse(QPointF(width, height / 2), portRadius, portRadius);
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
    paintProblemBadge(painter);
}

QVariant ResourceItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemScenePositionHasChanged)
        Q_EMIT geometryChanged();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace tributary
