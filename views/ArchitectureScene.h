#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QString>

namespace tributary {

class ConnectionItem;
class Document;
class ResourceItem;

/**
 * The canvas scene: a mirror of the document's graph keyed by id, updated from the document's
 * signals. A drag of nodes becomes one MoveResourcesCommand when the mouse is released.
 */
class ArchitectureScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit ArchitectureScene(Document* document, QObject* parent = nullptr);

    ResourceItem* resourceItem(const QString& id) const { return m_resources.value(id); }
    ConnectionItem* connectionItem(const QString& id) const { return m_connections.value(id); }
    /** Ids of the selected resources, in document order. */
    QStringList selectedResourceIds() const;

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void addResourceItem(const QString& id);
    void removeResourceItem(const QString& id);
    void addConnectionItem(const QString& id);
    void removeConnectionItem(const QString& id);
    void moveResourceItem(const QString& id);
    void renameResourceItem(const QString& oldId, const QString& newId);
    void updateEdgesOf(const QString& resourceId);
    void commitDrag();
    /** Hides resources that only realise a connection (the edge stands for them) and edges to hidden ends. */
    void updateVisibility();

    Document* m_document;
    QHash<QString, ResourceItem*> m_resources;
    QHash<QString, ConnectionItem*> m_connections;
};

} // namespace tributary
