#include "model/commands/DocumentEditLog.h"

#include "model/ScenarioReferences.h"
#include "model/catalogue/Catalogue.h"
#include "model/realisation/ConnectionRealisation.h"

#include <algorithm>

namespace tributary {

namespace {

QString resourceOf(const JsonTree& part)
{
    return QString::fromStdString(part.value("resource", std::string()));
}

QString pointerOf(const JsonTree& part)
{
    return QString::fromStdString(part.value("path", std::string()));
}

bool overlaps(const JsonTree& a, const JsonTree& b)
{
    if (resourceOf(a) != resourceOf(b))
        return false;
    const QString p = pointerOf(a);
    const QString q = pointerOf(b);
    return p.isEmpty() || q.isEmpty() || p == q || p.startsWith(q + QLatin1Char('/')) || q.startsWith(p + QLatin1Char('/'));
}

/** The list and index a pointer names when its last step is a list index of that resource. */
std::optional<std::pair<QString, int>> listItem(const Architecture& architecture, const JsonTree& part)
{
    const QString pointer = pointerOf(part);
    const int slash = pointer.lastIndexOf(QLatin1Char('/'));
    bool isNumber = false;
    const int index = pointer.mid(slash + 1).toInt(&isNumber);
    const Resource* resource = architecture.resource(resourceOf(part));
    if (slash < 0 || !isNumber || !resource)
        return std::nullopt;
    const std::optional<JsonTree> list = JsonTreeEdit::valueAt(resource->properties, pointer.left(slash));
    if (!list || !list->is_array())
        return std::nullopt;
    return std::make_pair(pointer.left(slash), index);
}

/** parts with every pointer below list/N (N > removed) moved to list/N-1; changed tells whether any moved. */
JsonTree shiftedAfterRemoval(JsonTree parts, const QString& resource, const QString& list, int removed, bool* changed)
{
    const QString prefix = list + QLatin1Char('/');
    for (JsonTree& part : parts) {
        const QString pointer = pointerOf(part);
        if (resourceOf(part) != resource || !pointer.startsWith(prefix))
            continue;
        const int end = pointer.indexOf(QLatin1Char('/'), prefix.size());
        bool isNumber = false;
        const int index = pointer.mid(prefix.size(), end < 0 ? -1 : end - prefix.size()).toInt(&isNumber);
        if (!isNumber || index <= removed)
            continue;
        part["path"] = (prefix + QString::number(index - 1) + (end < 0 ? QString() : pointer.mid(end))).toStdString();
        *changed = true;
    }
    return parts;
}

} // namespace

void DocumentEditLog::setProperty(Document* document, Document::PropertyOwner owner, const QString& id,
                                  const QString& pointer, const std::optional<JsonTree>& value)
{
    Step step{Step::Kind::Property};
    step.owner = owner;
    step.id = id;
    step.pointer = pointer;
    step.previous = document->applyProperty(owner, id, pointer, value);
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::insertResource(Document* document, Resource resource)
{
    Step step{Step::Kind::InsertResource};
    step.index = static_cast<int>(document->architecture().resources().size());
    step.id = resource.id;
    document->insertResource(step.index, std::move(resource));
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::removeResource(Document* document, const QString& id)
{
    detachFromGroups(document, {id});
    Step step{Step::Kind::RemoveResource};
    step.index = document->architecture().resourceIndex(id);
    step.resource = document->takeResource(step.index);
    m_steps.push_back(std::move(step));
    editScenario(document, [&id](JsonTree& simulation) { return ScenarioReferences::removeResource(simulation, id.toStdString()); });
}

void DocumentEditLog::editScenario(Document* document, const std::function<bool(JsonTree&)>& edit)
{
    const JsonTree& settings = document->architecture().settings();
    const auto found = settings.find("simulation");
    if (found == settings.end())
        return;
    JsonTree simulation = *found;
    if (!edit(simulation))
        return;
    Step step{Step::Kind::Setting};
    step.pointer = QStringLiteral("/simulation");
    step.previous = document->applySetting(step.pointer, simulation);
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::detachFromGroups(Document* document, const QStringList& ids)
{
    Step step{Step::Kind::Groups};
    step.groups.apply(document, ids);
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::insertConnection(Document* document, Connection connection)
{
    Step step{Step::Kind::InsertConnection};
    step.index = static_cast<int>(document->architecture().connections().size());
    step.id = connection.id;
    document->insertConnection(step.index, std::move(connection));
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::removeConnection(Document* document, const QString& id)
{
    Step step{Step::Kind::RemoveConnection};
    step.index = document->architecture().connectionIndex(id);
    step.connection = document->takeConnection(step.index);
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::setConnectionParts(Document* document, const QString& id, JsonTree parts)
{
    Step step{Step::Kind::Parts};
    step.id = id;
    step.parts = document->architecture().connection(id)->parts;
    document->setConnectionParts(id, std::move(parts));
    m_steps.push_back(std::move(step));
}

void DocumentEditLog::connect(Document* document, Connection connection)
{
    const ConnectionRule* rule = document->catalogue().rule(connection.rule);
    if (connection.parts.empty() && rule && !rule->writes.empty()) {
        const Architecture& architecture = document->architecture();
        const std::vector<ConnectionRealisation::Part> parts =
            ConnectionRealisation::plan(architecture, *rule, connection);
        const Resource* source = architecture.resource(connection.source);
        const Resource* target = architecture.resource(connection.target);
        const QPointF between = source && target ? (source->position + target->position) / 2 : QPointF();
        for (const ConnectionRealisation::Part& part : parts) {
            if (!part.pointer.isEmpty()) {
                setProperty(document, Document::PropertyOwner::Resource, part.resource, part.pointer, part.value);
                continue;
            }
            Resource carrier;
            carrier.id = part.resource;
            carrier.cfnType = part.cfnType;
            carrier.kind = document->catalogue().kindForCfnType(part.cfnType).id;
            carrier.properties = part.value;
            carrier.position = between;
            insertResource(document, std::move(carrier));
        }
        connection.parts = ConnectionRealisation::partsOf(parts);
    }
    insertConnection(document, std::move(connection));
}

void DocumentEditLog::disconnect(Document* document, const QStringList& ids)
{
    std::vector<JsonTree> pending;
    std::vector<std::pair<QString, QString>> ends;
    for (const QString& id : ids) {
        const Connection* connection = document->architecture().connection(id);
        if (!connection)
            continue;
        for (const JsonTree& part : connection->parts) {
            if (!part.value("keep", false))
                pending.push_back(part);
        }
        ends.emplace_back(connection->source, connection->target);
        removeConnection(document, id);
    }
    // A function cut off from a target emits nothing to it any more.
    for (const auto& [source, target] : ends) {
        const auto& remaining = document->architecture().connections();
        if (std::none_of(remaining.begin(), remaining.end(), [&](const Connection& other) {
                return other.source == source && other.target == target;
            }))
            editScenario(document, [&](JsonTree& simulation) {
                return ScenarioReferences::removeEmits(simulation, source.toStdString(), target.toStdString());
            });
    }
    // Removing a list item moves the items after it: the parts still to remove move with them.
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const JsonTree part = pending[i];
        bool shared = false;
        for (const Connection& remaining : document->architecture().connections()) {
            for (const JsonTree& other : remaining.parts)
                shared = shared || overlaps(part, other);
        }
        if (shared)
            continue;
        const std::optional<std::pair<QString, int>> item = listItem(document->architecture(), part);
        removePart(document, part);
        if (!item)
            continue;
        const QString resource = resourceOf(part);
        for (const Connection& remaining : std::vector<Connection>(document->architecture().connections())) {
            bool changed = false;
            JsonTree parts = shiftedAfterRemoval(remaining.parts, resource, item->first, item->second, &changed);
            if (changed)
                setConnectionParts(document, remaining.id, std::move(parts));
        }
        for (std::size_t j = i + 1; j < pending.size(); ++j) {
            bool changed = false;
            pending[j] = shiftedAfterRemoval(JsonTree::array({pending[j]}), resource, item->first, item->second, &changed)[0];
        }
    }
}

void DocumentEditLog::removePart(Document* document, const JsonTree& part)
{
    const Architecture& architecture = document->architecture();
    const QString id = resourceOf(part);
    const Resource* resource = architecture.resource(id);
    if (!resource)
        return;
    const QString pointer = pointerOf(part);
    if (pointer.isEmpty()) {
        // A carrier that other edges still start or end at stays, so that no edge loses an end.
        if (architecture.connectionsOf(id).isEmpty())
            removeResource(document, id);
    } else if (JsonTreeEdit::valueAt(resource->properties, pointer)) {
        setProperty(document, Document::PropertyOwner::Resource, id, pointer, std::nullopt);
    }
}

void DocumentEditLog::undo(Document* document)
{
    for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it) {
        switch (it->kind) {
        case Step::Kind::Property:
            document->restoreProperty(it->owner, it->id, it->pointer, it->previous);
            break;
        case Step::Kind::InsertResource:
            document->takeResource(it->index);
            break;
        case Step::Kind::RemoveResource:
            document->insertResource(it->index, it->resource);
            break;
        case Step::Kind::InsertConnection:
            document->takeConnection(it->index);
            break;
        case Step::Kind::RemoveConnection:
            document->insertConnection(it->index, it->connection);
            break;
        case Step::Kind::Parts:
            document->setConnectionParts(it->id, it->parts);
            break;
        case Step::Kind::Groups:
            it->groups.revert(document);
            break;
        case Step::Kind::Setting:
            document->restoreSetting(it->pointer, it->previous);
            break;
        }
    }
    m_steps.clear();
}

} // namespace tributary
