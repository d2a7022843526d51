#include "views/EdgeLayer.h"

#include "views/ConnectionItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tributary {

EdgeLayer::EdgeLayer()
{
    setFlag(ItemHasNoContents);
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(0);
}

void EdgeLayer::adopt(ConnectionItem* edge)
{
    edge->setParentItem(this);
    edge->setOverview(m_overview);
}

void EdgeLayer::setOverview(bool overview)
{
    if (overview == m_overview)
        return;
    m_overview = overview;
    setFlag(ItemHasNoContents, !overview);
    // Thousands of lines cost more to draw than the view-sized picture of them costs to copy.
    setCacheMode(overview ? DeviceCoordinateCache : NoCache);
    for (QGraphicsItem* child : childItems())
        static_cast<ConnectionItem*>(child)->setOverview(overview);
    update();
}

QRectF EdgeLayer::boundingRect() const
{
    return childrenBoundingRect();
}

void EdgeLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
    QList<QLineF> lines;
    lines.reserve(childItems().size() * ConnectionItem::overviewSegments);
    for (const QGraphicsItem* child : childItems()) {
        if (child->isVisible() && !child->isSelected() && child->sceneBoundingRect().intersects(option->exposedRect))
            static_cast<const ConnectionItem*>(child)->appendOverviewLines(lines, scale);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(ConnectionItem::lineColour(), 0));
    painter->drawLines(lines);
}

} // namespace tributary
