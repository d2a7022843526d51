#include "views/ArchitectureScene.h"

#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/MoveResourcesCommand.h"
#include "views/ConnectionItem.h"
#include "views/KindAppearance.h"
#include "views/ResourceItem.h"

#include <QGraphicsSceneMouseEvent>

namespace tributary {

ArchitectureScene::ArchitectureScene(Document* document, QObject* parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setItemIndexMethod(BspTreeIndex);
    connect(document, &Document::reset, this, &ArchitectureScene::rebuild);
    connect(document, &Document::resourceAdded, this, &ArchitectureScene::addResourceItem);
    connect(document, &Document::resourceRemoved, this, &ArchitectureScene::removeResourceItem);
    connect(document, &Document::resourceMoved, this, &ArchitectureScene::moveResourceItem);
    connect(document, &Document::resourceRenamed, this, &ArchitectureScene::renameResourceItem);
    connect(document, &Document::connectionAdded, this, &ArchitectureScene::addConnectionItem);
    connect(document, &Document::connectionRemoved, this, &ArchitectureScene::removeConnectionItem);
    connect(document, &Document::connectionAdded, this, &ArchitectureScene::updateVisibility);
    connect(document, &Document::connectionRemoved, this, &ArchitectureScene::updateVisibility);
    rebuild();
}

QStringList ArchitectureScene::selectedResourceIds() const
{
    QStringList ids;
    for (const Resource& resource : m_document->architecture().resources()) {
        if (ResourceItem* item = m_resources.value(resource.id); item && item->isSelected())
            ids.append(resource.id);
    }
    return ids;
}

void ArchitectureScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        commitDrag();
}

void ArchitectureScene::rebuild()
{
    clear();
    m_resources.clear();
    m_connections.clear();
    for (const Resource& resource : m_document->architecture().resources())
        addResourceItem(resource.id);
    for (const Connection& connection : m_document->architecture().connections())
        addConnectionItem(connection.id);
    updateVisibility();
}

void ArchitectureScene::updateVisibility()
{
    const QSet<QString> carriers = m_document->architecture().carrierIds();
    for (auto it = m_resources.begin(); it != m_resources.end(); ++it)
        it.value()->setVisible(!carriers.contains(it.key()));
    for (const Connection& connection : m_document->architecture().connections()) {
        if (ConnectionItem* item = m_connections.value(connection.id))
            item->setVisible(!carriers.contains(connection.source) && !carriers.contains(connection.target));
    }
}

void ArchitectureScene::addResourceItem(const QString& id)
{
    const Resource* resource = m_document->architecture().resource(id);
    const ResourceKind* kind = m_document->catalogue().kind(resource->kind);
    if (!kind)
        kind = &m_document->catalogue().genericKind();
    auto* item = new ResourceItem(id, kind->generic ? resource->cfnType : kind->displayName,
                                  KindAppearance::pixmap(*kind, 80), KindAppearance::categoryColour(kind->category));
    item->setPos(resource->position);
    addItem(item);
    m_resources.insert(id, item);
    connect(item, &ResourceItem::geometryChanged, this, [this, item] { updateEdgesOf(item->resourceId()); });
}

void ArchitectureScene::removeResourceItem(const QString& id)
{
    delete m_resources.take(id);
}

void ArchitectureScene::addConnectionItem(const QString& id)
{
    const Connection* connection = m_document->architecture().connection(id);
    const ConnectionRule* rule = m_document->catalogue().rule(connection->rule);
    auto* item = new ConnectionItem(id, m_resources.value(connection->source), m_resources.value(connection->target),
                                    rule ? rule->meaning : QString(), rule ? rule->label : connection->rule);
    addItem(item);
    m_connections.insert(id, item);
}

void ArchitectureScene::removeConnectionItem(const QString& id)
{
    delete m_connections.take(id);
}

void ArchitectureScene::moveResourceItem(const QString& id)
{
    if (ResourceItem* item = m_resources.value(id))
        item->setPos(m_document->architecture().resource(id)->position);
}

void ArchitectureScene::renameResourceItem(const QString& oldId, const QString& newId)
{
    ResourceItem* item = m_resources.take(oldId);
    item->setResourceId(newId);
    m_resources.insert(newId, item);
}

void ArchitectureScene::updateEdgesOf(const QString& resourceId)
{
    for (const QString& connectionId : m_document->architecture().connectionsOf(resourceId)) {
        if (ConnectionItem* item = m_connections.value(connectionId))
            item->updatePath();
    }
}

void ArchitectureScene::commitDrag()
{
    std::vector<std::pair<QString, QPointF>> moved;
    for (const Resource& resource : m_document->architecture().resources()) {
        const ResourceItem* item = m_resources.value(resource.id);
        if (item && item->pos() != resource.position)
            moved.emplace_back(resource.id, item->pos());
    }
    if (!moved.empty())
        m_document->push(new MoveResourcesCommand(m_document, moved));
}

} // namespace tributary
