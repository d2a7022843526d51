#include "views/ConnectionItem.h"

#include "views/ResourceItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace tributary {


ConnectionItem::ConnectionItem(const QString& id, ResourceItem* source, ResourceItem* target, const QString& meaning,
                               const QString& ruleLabel)
    : m_id(id)
    , m_source(source)
    , m_target(target)
    , m_ruleLabel(ruleLabel)
{
    setPen(penFor(meaning));
    setZValue(0);
    setFlag(ItemIsSelectable);
    setLabel(ruleLabel);
    updatePath();
}

void ConnectionItem::setLabel(const QString& label)
{
    m_label = label;
    setToolTip(label == m_ruleLabel ? QStringLiteral("%1: %2").arg(m_id, m_ruleLabel)
                                    : QStringLiteral("%1: %2 (%3)").arg(m_id, m_ruleLabel, label));
    update();
}

QPen ConnectionItem::penFor(const QString& meaning)
{
    struct Look
    {
        const char* meaning;
        Qt::PenStyle style;
        qreal width;
        QRgb colour;
    };
    static const Look looks[] = {
        {"sync", Qt::SolidLine, 1.5, 0},           {"task", Qt::SolidLine, 1.5, 0},
        {"pipeTarget", Qt::SolidLine, 1.5, 0},     {"async", Qt::DashLine, 1.5, 0},
        {"polled", Qt::SolidLine, 2.5, 0},         {"pipeSource", Qt::SolidLine, 2.5, 0},
        {"stream", Qt::SolidLine, 2.5, 0xff2a8c8c}, {"sdk", Qt::DotLine, 1.5, 0},
        {"onSuccess", Qt::DashLine, 1.5, 0xff3d8b37}, {"onFailure", Qt::DashDotLine, 1.5, 0xffc0392b},
        {"deadLetter", Qt::DashDotLine, 2.5, 0xffc0392b}, {"reference", Qt::DotLine, 1, 0xff9aa5b1},
        {"dependency", Qt::DashLine, 1, 0xff9aa5b1},
    };
    for (const Look& look : looks) {
        if (meaning == QLatin1String(look.meaning))
            return QPen(look.colour ? QColor::fromRgba(look.colour) : lineColour(), look.width, look.style);
    }
    return QPen(lineColour(), 1.5);
}

QColor ConnectionItem::lineColour()
{
    return QColor(0x5A, 0x6B, 0x86);
}

void ConnectionItem::updatePath()
{
    const QPointF from = m_source->outPort();
    const QPointF to = m_target->inPort();
    const qreal bend = std::max<qreal>(40, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    setPath(path);
    // The curve arrives horizontally, so the arrow head points right at the in port.
    m_arrow = QPolygonF({to, to + QPointF(-9, -4.5), to + QPointF(-9, 4.5)});
    m_labelAt = path.pointAtPercent(0.5) + QPointF(4, -4);
    // A forward edge's label ends before the target's node; a backward edge has room on its right.
    const qreal room = to.x() - m_labelAt.x() - 6;
    m_labelRoom = room > 0 ? std::min<qreal>(labelWidth, room) : labelWidth;
}

void ConnectionItem::setOverview(bool overview)
{
    m_overview = overview;
    updateContentsFlag();
}

void ConnectionItem::updateContentsFlag()
{
    setFlag(ItemHasNoContents, m_overview && !isSelected());
    update();
}

QVariant ConnectionItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemSelectedHasChanged && m_overview) {
        updateContentsFlag();
        if (parentItem())
            parentItem()->update(boundingRect());
    }
    return QGraphicsPathItem::itemChange(change, value);
}

void ConnectionItem::appendOverviewLines(QList<QLineF>& lines, qreal scale) const
{
    constexpr qreal straightBelowPixels = 24;
    const QPainterPath& curve = path();
    const QPointF p0 = curve.elementAt(0);
    const QPointF p1 = curve.elementAt(1);
    const QPointF p2 = curve.elementAt(2);
    const QPointF p3 = curve.elementAt(3);
    const int segments = (p3 - p0).manhattanLength() * scale < straightBelowPixels ? 1 : overviewSegments;
    QPointF previous = p0;
    for (int i = 1; i <= segments; ++i) {
        const qreal t = static_cast<qreal>(i) / segments;
        const qreal u = 1 - t;
        const QPointF point = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        lines.append(QLineF(previous, point));
        previous = point;
    }
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

QRectF ConnectionItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().adjusted(-12, -24, labelWidth + 10, 12);
}

void ConnectionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    const qreal detail = option->levelOfDetailFromTransform(painter->worldTransform());
    if (detail < 0.3 && !isSelected()) {
        // Zoomed far out: a thin line is all the eye can tell apart.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(pen().color(), 0));
        painter->drawPath(path());
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~QStyle::State_Selected; // the selection shows as colour, not as Qt's dashed box
    if (isSelected()) {
        QPen selected = pen();
        selected.setColor(option->palette.highlight().color());
        selected.setWidthF(pen().widthF() + 1.5);
        painter->setPen(selected);
        painter->drawPath(path());
    } else {
        QGraphicsPathItem::paint(painter, &plain, widget);
    }
    painter->setBrush(pen().color());
    painter->setPen(Qt::NoPen);
    painter->drawPolygon(m_arrow);
    if (detail > 0.6 && !m_label.isEmpty() && m_labelRoom >= minimumLabelRoom) {
        painter->setPen(option->palette.text().color());
        painter->drawText(m_labelAt, painter->fontMetrics().elidedText(m_label, Qt::ElideRight, static_cast<int>(m_labelRoom)));
    }
}

} // namespace tributary
