#pragma once

#include <QGraphicsPathItem>
#include <QPen>
#include <QString>

namespace tributary {

class ResourceItem;

/** A connection on the canvas: a curved arrow from its source's out port to its target's in port. */
class ConnectionItem : public QGraphicsPathItem
{
public:
    /** meaning is the rule's meaning (sync, async, polled …): it sets the line style; ruleLabel names the rule. */
    ConnectionItem(const QString& id, ResourceItem* source, ResourceItem* target, const QString& meaning,
                   const QString& ruleLabel);

    const QString& connectionId() const { return m_id; }
    ResourceItem* sourceItem() const { return m_source; }
    ResourceItem* targetItem() const { return m_target; }
    /** The short text on the edge (a ConnectionSummary); the tooltip adds the id and the rule. */
    void setLabel(const QString& label);
    const QString& label() const { return m_label; }
    /** Recomputes the path after an end moved. */
    void updatePath();

    /** In overview the EdgeLayer parent draws the edge; the edge draws itself only while selected. */
    void setOverview(bool overview);
    /** At most how many straight lines stand for the curve in overview. */
    static constexpr int overviewSegments = 4;
    /**
     * Appends lines that follow the curve as drawn at scale (device pixels per scene unit): one when
     * the curve spans only a few pixels, where its bends cannot be seen, else overviewSegments.
     */
    void appendOverviewLines(QList<QLineF>& lines, qreal scale) const;
    /** The colour of edges whose meaning has none of its own, and of every edge in overview. */
    static QColor lineColour();
    /**
     * How an edge of a rule's meaning looks: calls solid, asynchronous hand-overs dashed, polling
     * and streams thick (streams teal), SDK calls dotted, success destinations green, failure
     * destinations and dead-letter queues red dash-dot, references and dependencies thin grey.
     */
    static QPen penFor(const QString& meaning);

    QRectF boundingRect() const override;
    /** A band along the curve, so that a click near the line selects it. */
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    /** Shows the edge's own drawing unless the layer draws it. */
    void updateContentsFlag();

    /** The label is cut to this many pixels, which the bounding rect leaves room for. */
    static constexpr int labelWidth = 150;
    /** Below this many pixels between the middle of the curve and the target, the label is left out. */
    static constexpr qreal minimumLabelRoom = 28;

    QString m_id;
    ResourceItem* m_source;
    ResourceItem* m_target;
    QString m_ruleLabel;
    QString m_label;
    QPolygonF m_arrow;
    QPointF m_labelAt;
    qreal m_labelRoom = labelWidth;
    bool m_overview = false;
};

} // namespace tributary
