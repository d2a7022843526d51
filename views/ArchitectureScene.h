#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QString>

#include <functional>
#include <vector>

class QGraphicsLineItem;

namespace tributary {

class ConnectionItem;
class Document;
class EdgeLayer;
class GroupItem;
class ResourceItem;
struct ConnectionRule;
struct Finding;

/**
 * The canvas scene: a mirror of the document's graph keyed by id, updated from the document's
 * signals. A drag of nodes becomes one MoveResourcesCommand when the mouse is released. A drag
 * from a node's out port draws a connection: only kinds a drawable rule joins light up as targets,
 * and where several rules fit the chooser picks one.
 */
class ArchitectureScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit ArchitectureScene(Document* document, QObject* parent = nullptr);
    ~ArchitectureScene() override;

    ResourceItem* resourceItem(const QString& id) const { return m_resources.value(id); }
    ConnectionItem* connectionItem(const QString& id) const { return m_connections.value(id); }
    GroupItem* groupItem(const QString& id) const { return m_groups.value(id); }
    /** Ids of the selected group frames, in document order. */
    QStringList selectedGroupIds() const;
    /** Ids of the selected resources, in document order. */
    QStringList selectedResourceIds() const;
    /** Ids of the selected connections, in document order. */
    QStringList selectedConnectionIds() const;

    /** The drawable rules that may join a resource to another, in catalogue order. */
    std::vector<const ConnectionRule*> drawableRules(const QString& sourceId, const QString& targetId) const;

    /** Picks one of several rules for a new edge (nullptr: cancelled); screenPos is where to ask. */
    using RuleChooser = std::function<const ConnectionRule*(const std::vector<const ConnectionRule*>&, QPoint screenPos)>;
    /** When on, a drag leaves nodes on a grid of gridSize scene units. */
    void setSnapToGrid(bool snap) { m_snapToGrid = snap; }
    bool snapsToGrid() const { return m_snapToGrid; }
    static constexpr qreal gridSize = 20;

    /**
     * Overview, for a view zoomed far out: nodes drop their cached pictures (a filled box is cheaper
     * to draw than a cached pixmap to scale) and the EdgeLayer draws all unselected edges at once.
     */
    void setOverview(bool overview);
    bool isOverview() const;

    /**
     * Moves the selected resources (and the members of selected group frames) by steps of the grid,
     * as one undo step; what the arrow keys do.
     */
    void nudgeSelection(int stepsRight, int stepsDown);

    /** Gives each node the badge of the worst finding naming it (errors and warnings). */
    void showFindings(const std::vector<Finding>& findings);

    /** Replaces the chooser (a menu at the cursor by default); tests choose without a menu. */
    void setRuleChooser(RuleChooser chooser) { m_chooseRule = std::move(chooser); }

Q_SIGNALS:
    /** Something to tell the user in the status bar: why an edge cannot be drawn, what was connected. */
    void message(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void addResourceItem(const QString& id);
    void removeResourceItem(const QString& id);
    void addConnectionItem(const QString& id);
    void removeConnectionItem(const QString& id);
    /** Shows the connection's ConnectionSummary on its edge. */
    void updateLabel(ConnectionItem* item);
    void moveResourceItem(const QString& id);
    void renameResourceItem(const QString& oldId, const QString& newId);
    void updateEdgesOf(const ResourceItem* resource);
    void addGroupItem(const QString& id);
    void removeGroupItem(const QString& id);
    /** Fits the group's frame around its members (and shows it only while it has visible ones). */
    void updateGroupItem(const QString& id);
    void moveGroupMembers(const QString& id, QPointF delta);
    void commitDrag();
    /** Gives every node a device-coordinate cache, or none. */
    void setNodeCaches(bool cached);
    /** Hides resources that only realise a connection (the edge stands for them) and edges to hidden ends. */
    void updateVisibility();
    ResourceItem* resourceItemAt(QPointF scenePos, const ResourceItem* except) const;
    void finishLink(QGraphicsSceneMouseEvent* event);
    void clearLinkStates();

    Document* m_document;
    QHash<QString, ResourceItem*> m_resources;
    QHash<QString, ConnectionItem*> m_connections;
    QHash<QString, GroupItem*> m_groups;
    /** The parent of every ConnectionItem; recreated with the mirror. */
    EdgeLayer* m_edgeLayer = nullptr;
    /** The edges that start or end at each node, so that a drag redraws only those. */
    QHash<const ResourceItem*, QList<ConnectionItem*>> m_edgesAt;
    /** The node a connection is being drawn from, and the rubber line that follows the mouse. */
    ResourceItem* m_linkSource = nullptr;
    QGraphicsLineItem* m_linkLine = nullptr;
    RuleChooser m_chooseRule;
    bool m_snapToGrid = false;
    /** The group whose frame is being dragged: its members follow, its frame is not refitted meanwhile. */
    QString m_draggedGroup;
};

} // namespace tributary
