#pragma once

#include <QGraphicsObject>
#include <QPixmap>
#include <QString>
#include <QStringList>

namespace tributary {

/**
 * A resource node on the canvas: icon, logical id and kind, an in port on the left and an out port
 * on the right (drag from it to draw a connection). Keeps only its id and what it paints.
 */
class ResourceItem : public QGraphicsObject
{
    Q_OBJECT

public:
    static constexpr qreal width = 180;
    static constexpr qreal height = 56;
    static constexpr qreal portRadius = 5;
    static constexpr qreal badgeRadius = 8;

    ResourceItem(const QString& id, const QString& kindName, const QPixmap& icon, const QColor& accent);

    const QString& resourceId() const { return m_id; }
    void setResourceId(const QString& id);
    /** The point where edges attach on the left (incoming) or right (outgoing) side, in scene coordinates. */
    QPointF inPort() const;
    QPointF outPort() const;
    /** True when scenePos is on the out port, where dragging starts a connection. */
    bool isOnOutPort(QPointF scenePos) const;

    /** How the node shows itself while a connection is being drawn. */
    enum class LinkState { None, Allowed, Refused };
    /** why, for a refused target, becomes the tooltip until the state is cleared. */
    void setLinkState(LinkState state, const QString& why = {});

    /** The worst validation finding that names the resource, shown as a badge. */
    enum class Problem { None, Warning, Error };
    /** Shows a badge for worst and adds messages to the tooltip. */
    void setProblems(Problem worst, const QStringList& messages);
    Problem problem() const { return m_problem; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    /** The item moved on screen (during a drag); edges follow. */
    void geometryChanged();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QString defaultToolTip() const;
    /** A round badge on the top right corner, red for errors, amber for warnings. */
    void paintProblemBadge(QPainter* painter) const;

    QString m_id;
    QString m_kindName;
    QPixmap m_icon;
    QColor m_accent;
    LinkState m_linkState = LinkState::None;
    Problem m_problem = Problem::None;
    QStringList m_problemMessages;
};

} // namespace tributary
