#include "views/ArchitectureScene.h"

#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/MoveResourcesCommand.h"
#include "model/validation/Finding.h"
#include "model/ConnectionSummary.h"
#include "views/ConnectionItem.h"
#include "views/EdgeLayer.h"
#include "views/GroupItem.h"
#include "views/KindAppearance.h"
#include "views/ResourceItem.h"

#include "model/commands/ConnectCommand.h"

#include <QAction>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>

#include <cmath>

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
    connect(document, &Document::connectionPropertyChanged, this, [this](const QString& id) {
        if (ConnectionItem* item = m_connections.value(id))
            updateLabel(item);
    });
    // A rule's event pattern labels the edges into it.
    connect(document, &Document::resourcePropertyChanged, this, [this](const QString& id) {
        for (ConnectionItem* edge : m_edgesAt.value(m_resources.value(id))) {
            if (edge->targetItem()->resourceId() == id)
                updateLabel(edge);
        }
    });
    connect(document, &Document::connectionRemoved, this, &ArchitectureScene::updateVisibility);
    connect(document, &Document::groupAdded, this, &ArchitectureScene::addGroupItem);
    connect(document, &Document::groupRemoved, this, &ArchitectureScene::removeGroupItem);
    connect(document, &Document::groupChanged, this, [this](const QString& id) {
        if (const Group* group = m_document->architecture().group(id); group && m_groups.contains(id))
            m_groups.value(id)->setLabel(group->label);
        updateGroupItem(id);
    });
    m_chooseRule = [](const std::vector<const ConnectionRule*>& rules, QPoint screenPos) -> const ConnectionRule* {
        QMenu menu;
        menu.setToolTipsVisible(true);
        for (const ConnectionRule* rule : rules) {
            QAction* action = menu.addAction(rule->label);
            action->setToolTip(rule->description);
            action->setData(rule->id);
        }
        const QAction* chosen = menu.exec(screenPos);
        for (const ConnectionRule* rule : rules) {
            if (chosen && chosen->data().toString() == rule->id)
                return rule;
        }
        return nullptr;
    };
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

QStringList ArchitectureScene::selectedConnectionIds() const
{
    QStringList ids;
    for (const Connection& connection : m_document->architecture().connections()) {
        if (ConnectionItem* item = m_connections.value(connection.id); item && item->isSelected())
            ids.append(connection.id);
    }
    return ids;
}

std::vector<const ConnectionRule*> ArchitectureScene::drawableRules(const QString& sourceId, const QString& targetId) const
{
    const Architecture& architecture = m_document->architecture();
    const Resource* source = architecture.resource(sourceId);
    const Resource* target = architecture.resource(targetId);
    std::vector<const ConnectionRule*> rules;
    if (!source || !target || sourceId == targetId)
        return rules;
    for (const ConnectionRule* rule : m_document->catalogue().rulesBetween(source->kind, target->kind)) {
        if (rule->isDrawable())
            rules.push_back(rule);
    }
    return rules;
}

ResourceItem* ArchitectureScene::resourceItemAt(QPointF scenePos, const ResourceItem* except) const
{
    for (QGraphicsItem* item : items(scenePos)) {
        auto* resource = dynamic_cast<ResourceItem*>(item);
        if (resource && resource != except && resource->isVisible())
            return resource;
    }
    return nullptr;
}

void ArchitectureScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    ResourceItem* source = event->button() == Qt::LeftButton ? resourceItemAt(event->scenePos(), nullptr) : nullptr;
    if (!source || !source->isOnOutPort(event->scenePos())) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    m_linkSource = source;
    m_linkLine = addLine(QLineF(source->outPort(), event->scenePos()), QPen(QColor(0x2e, 0x7d, 0x32), 2, Qt::DashLine));
    m_linkLine->setZValue(10);
    for (auto it = m_resources.begin(); it != m_resources.end(); ++it) {
        if (it.value()->isVisible() && !drawableRules(source->resourceId(), it.key()).empty())
            it.value()->setLinkState(ResourceItem::LinkState::Allowed);
    }
    Q_EMIT message(tr("Drag to a highlighted resource to connect %1 to it.").arg(source->resourceId()));
    event->accept();
}

void ArchitectureScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!m_linkSource) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    m_linkLine->setLine(QLineF(m_linkSource->outPort(), event->scenePos()));
    for (ResourceItem* item : std::as_const(m_resources)) {
        if (item->isVisible() && item != m_linkSource)
            item->setLinkState(drawableRules(m_linkSource->resourceId(), item->resourceId()).empty()
                                   ? ResourceItem::LinkState::None : ResourceItem::LinkState::Allowed);
    }
    if (ResourceItem* target = resourceItemAt(event->scenePos(), m_linkSource);
        target && drawableRules(m_linkSource->resourceId(), target->resourceId()).empty()) {
        const Catalogue& catalogue = m_document->catalogue();
        const Architecture& architecture = m_document->architecture();
        const ResourceKind* from = catalogue.kind(architecture.resource(m_linkSource->resourceId())->kind);
        const ResourceKind* to = catalogue.kind(architecture.resource(target->resourceId())->kind);
        const QString why = tr("No connection rule joins a %1 to a %2.")
                                .arg(from ? from->displayName : QString(), to ? to->displayName : QString());
        target->setLinkState(ResourceItem::LinkState::Refused, why);
        Q_EMIT message(why);
    }
    event->accept();
}

void ArchitectureScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (m_linkSource) {
        finishLink(event);
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        commitDrag();
}

void ArchitectureScene::finishLink(QGraphicsSceneMouseEvent* event)
{
    ResourceItem* source = m_linkSource;
    m_linkSource = nullptr;
    delete m_linkLine;
    m_linkLine = nullptr;
    clearLinkStates();
    ResourceItem* target = resourceItemAt(event->scenePos(), source);
    if (!target)
        return;
    const std::vector<const ConnectionRule*> rules = drawableRules(source->resourceId(), target->resourceId());
    if (rules.empty())
        return;
    const ConnectionRule* rule = rules.size() == 1 ? rules.front() : m_chooseRule(rules, event->screenPos());
    if (!rule)
        return;
    const QString problem = m_document->push(new ConnectCommand(
        m_document, m_document->catalogue().makeConnection(*rule, source->resourceId(), target->resourceId())));
    Q_EMIT message(problem.isEmpty() ? tr("Connected %1 to %2: %3").arg(source->resourceId(), target->resourceId(), rule->label)
                                     : problem);
}

void ArchitectureScene::clearLinkStates()
{
    for (ResourceItem* item : std::as_const(m_resources))
        item->setLinkState(ResourceItem::LinkState::None);
}

ArchitectureScene::~ArchitectureScene()
{
    // Deleting the items changes the selection: nobody may look at the mirror while it goes.
    blockSignals(true);
    m_resources.clear();
    m_connections.clear();
    m_edgesAt.clear();
    m_groups.clear();
    clear();
}

void ArchitectureScene::rebuild()
{
    m_linkSource = nullptr;
    m_linkLine = nullptr;
    m_resources.clear();
    m_connections.clear();
    m_edgesAt.clear();
    m_groups.clear();
    const bool overview = m_edgeLayer && m_edgeLayer->isOverview();
    clear();
    m_edgeLayer = new EdgeLayer;
    addItem(m_edgeLayer);
    for (const Resource& resource : m_document->architecture().resources())
        addResourceItem(resource.id);
    for (const Connection& connection : m_document->architecture().connections())
        addConnectionItem(connection.id);
    updateVisibility();
    for (const Group& group : m_document->architecture().groups())
        addGroupItem(group.id);
    if (overview) {
        m_edgeLayer->setOverview(true);
        setNodeCaches(false);
    }
}

void ArchitectureScene::setOverview(bool overview)
{
    if (overview == m_edgeLayer->isOverview())
        return;
    m_edgeLayer->setOverview(overview);
    setNodeCaches(!overview);
}

bool ArchitectureScene::isOverview() const
{
    return m_edgeLayer->isOverview();
}

void ArchitectureScene::showFindings(const std::vector<Finding>& findings)
{
    QHash<QString, std::pair<ResourceItem::Problem, QStringList>> problems;
    for (const Finding& finding : findings) {
        if (finding.severity == Finding::Severity::Info)
            continue;
        const auto problem = finding.severity == Finding::Severity::Error ? ResourceItem::Problem::Error
                                                                          : ResourceItem::Problem::Warning;
        for (const QString& id : finding.resources) {
            auto& [worst, messages] = problems[id];
            worst = std::max(worst, problem);
            messages.append(finding.message);
        }
    }
    for (auto it = m_resources.begin(); it != m_resources.end(); ++it) {
        const auto found = problems.constFind(it.key());
        if (found == problems.constEnd())
            it.value()->setProblems(ResourceItem::Problem::None, {});
        else
            it.value()->setProblems(found->first, found->second);
    }
}

void ArchitectureScene::setNodeCaches(bool cached)
{
    for (ResourceItem* item : std::as_const(m_resources))
        item->setCacheMode(cached ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
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
    // In overview the layer's picture holds the edges: one added, removed, shown or hidden changes it.
    m_edgeLayer->update();
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
    if (m_edgeLayer->isOverview())
        item->setCacheMode(QGraphicsItem::NoCache);
    addItem(item);
    m_resources.insert(id, item);
    connect(item, &ResourceItem::geometryChanged, this, [this, item] {
        updateEdgesOf(item);
        if (const Group* group = m_document->architecture().groupOf(item->resourceId()); group && group->id != m_draggedGroup)
            updateGroupItem(group->id);
    });
}

void ArchitectureScene::removeResourceItem(const QString& id)
{
    ResourceItem* item = m_resources.take(id);
    m_edgesAt.remove(item);
    delete item;
}

void ArchitectureScene::addConnectionItem(const QString& id)
{
    const Connection* connection = m_document->architecture().connection(id);
    const ConnectionRule* rule = m_document->catalogue().rule(connection->rule);
    auto* item = new ConnectionItem(id, m_resources.value(connection->source), m_resources.value(connection->target),
                                    rule ? rule->meaning : QString(), rule ? rule->label : connection->rule);
    updateLabel(item);
    m_edgeLayer->adopt(item);
    m_connections.insert(id, item);
    m_edgesAt[item->sourceItem()].append(item);
    m_edgesAt[item->targetItem()].append(item);
}

void ArchitectureScene::updateLabel(ConnectionItem* item)
{
    const Architecture& architecture = m_document->architecture();
    const Connection* connection = architecture.connection(item->connectionId());
    const ConnectionRule* rule = m_document->catalogue().rule(connection->rule);
    item->setLabel(ConnectionSummary::of(*connection, rule ? rule->label : connection->rule, architecture));
}

void ArchitectureScene::removeConnectionItem(const QString& id)
{
    ConnectionItem* item = m_connections.take(id);
    if (!item)
        return;
    m_edgesAt[item->sourceItem()].removeOne(item);
    m_edgesAt[item->targetItem()].removeOne(item);
    delete item;
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

void ArchitectureScene::updateEdgesOf(const ResourceItem* resource)
{
    for (ConnectionItem* edge : m_edgesAt.value(resource))
        edge->updatePath();
}

QStringList ArchitectureScene::selectedGroupIds() const
{
    QStringList ids;
    for (const Group& group : m_document->architecture().groups()) {
        if (GroupItem* item = m_groups.value(group.id); item && item->isSelected())
            ids.append(group.id);
    }
    return ids;
}

void ArchitectureScene::addGroupItem(const QString& id)
{
    const Group* group = m_document->architecture().group(id);
    auto* item = new GroupItem(id, group->label);
    addItem(item);
    m_groups.insert(id, item);
    connect(item, &GroupItem::dragged, this, [this, id](QPointF delta) { moveGroupMembers(id, delta); });
    updateGroupItem(id);
}

void ArchitectureScene::removeGroupItem(const QString& id)
{
    delete m_groups.take(id);
}

void ArchitectureScene::updateGroupItem(const QString& id)
{
    GroupItem* item = m_groups.value(id);
    const Group* group = m_document->architecture().group(id);
    if (!item || !group)
        return;
    QRectF members;
    for (const QString& member : group->members) {
        if (ResourceItem* node = m_resources.value(member); node && node->isVisible())
            members |= node->sceneBoundingRect();
    }
    item->setVisible(!members.isNull());
    if (!members.isNull())
        item->surround(members);
}

void ArchitectureScene::moveGroupMembers(const QString& id, QPointF delta)
{
    const Group* group = m_document->architecture().group(id);
    if (!group)
        return;
    m_draggedGroup = id;
    for (const QString& member : group->members) {
        // Selected members move with the selection already.
        if (ResourceItem* node = m_resources.value(member); node && !node->isSelected())
            node->moveBy(delta.x(), delta.y());
    }
    m_draggedGroup.clear();
}

void ArchitectureScene::nudgeSelection(int stepsRight, int stepsDown)
{
    const QStringList selected = selectedResourceIds();
    QSet<QString> ids(selected.begin(), selected.end());
    for (const QString& groupId : selectedGroupIds()) {
        if (const Group* group = m_document->architecture().group(groupId))
            ids.unite(QSet<QString>(group->members.begin(), group->members.end()));
    }
    const QPointF delta(stepsRight * gridSize, stepsDown * gridSize);
    std::vector<std::pair<QString, QPointF>> moved;
    for (const Resource& resource : m_document->architecture().resources()) {
        if (ids.contains(resource.id))
            moved.emplace_back(resource.id, resource.position + delta);
    }
    if (!moved.empty())
        m_document->push(new MoveResourcesCommand(m_document, moved));
}

void ArchitectureScene::commitDrag()
{
    std::vector<std::pair<QString, QPointF>> moved;
    for (const Resource& resource : m_document->architecture().resources()) {
        ResourceItem* item = m_resources.value(resource.id);
        if (!item || item->pos() == resource.position)
            continue;
        QPointF position = item->pos();
        if (m_snapToGrid) {
            position = QPointF(std::round(position.x() / gridSize) * gridSize, std::round(position.y() / gridSize) * gridSize);
            item->setPos(position);
        }
        if (position != resource.position)
            moved.emplace_back(resource.id, position);
    }
    if (!moved.empty())
        m_document->push(new MoveResourcesCommand(m_document, moved));
}

} // namespace tributary
