#include "model/Architecture.h"

#include "model/LogicalId.h"

namespace tributary {

const Resource* Architecture::resource(const QString& id) const
{
    const int index = resourceIndex(id);
    return index < 0 ? nullptr : &m_resources[static_cast<std::size_t>(index)];
}

int Architecture::resourceIndex(const QString& id) const
{
    return m_resourceIndex.value(id, -1);
}

const Connection* Architecture::connection(const QString& id) const
{
    const int index = connectionIndex(id);
    return index < 0 ? nullptr : &m_connections[static_cast<std::size_t>(index)];
}

int Architecture::connectionIndex(const QString& id) const
{
    return m_connectionIndex.value(id, -1);
}

const Group* Architecture::group(const QString& id) const
{
    const int index = groupIndex(id);
    return index < 0 ? nullptr : &m_groups[static_cast<std::size_t>(index)];
}

int Architecture::groupIndex(const QString& id) const
{
    for (std::size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

const Group* Architecture::groupOf(const QString& resourceId) const
{
    for (const Group& group : m_groups) {
        if (group.members.contains(resourceId))
            return &group;
    }
    return nullptr;
}

QStringList Architecture::connectionsOf(const QString& resourceId) const
{
    QStringList ids;
    for (const Connection& connection : m_connections) {
        if (connection.source == resourceId || connection.target == resourceId)
            ids.append(connection.id);
    }
    return ids;
}

QSet<QString> Architecture::carrierIds(const std::vector<Connection>& connections)
{
    QSet<QString> carriers;
    for (const Connection& connection : connections) {
        for (const JsonTree& part : connection.parts) {
            if (part.is_object() && !part.contains("path"))
                carriers.insert(QString::fromStdString(part.value("resource", "")));
        }
    }
    return carriers;
}

bool Architecture::isNameTaken(const QString& id) const
{
    if (m_resourceIndex.contains(id))
        return true;
    const auto parameters = m_templateSections.find("Parameters");
    return parameters != m_templateSections.end() && parameters->is_object()
        && parameters->contains(id.toStdString());
}

QString Architecture::uniqueResourceId(const QString& base) const
{
    return LogicalId::makeUnique(base, [this](const QString& id) { return isNameTaken(id); });
}

QString Architecture::uniqueConnectionId(const QString& base) const
{
    return LogicalId::makeUnique(base, [this](const QString& id) { return m_connectionIndex.contains(id); });
}

QString Architecture::uniqueGroupId() const
{
    return LogicalId::makeUnique(QStringLiteral("Group1"), [this](const QString& id) { return groupIndex(id) >= 0; });
}

void Architecture::insertResource(int index, Resource resource)
{
    m_resources.insert(m_resources.begin() + index, std::move(resource));
    reindexResources(index);
}

Resource Architecture::takeResource(int index)
{
    Resource taken = std::move(m_resources[static_cast<std::size_t>(index)]);
    m_resourceIndex.remove(taken.id);
    m_resources.erase(m_resources.begin() + index);
    reindexResources(index);
    return taken;
}

void Architecture::setResourceId(int index, const QString& id)
{
    Resource& resource = m_resources[static_cast<std::size_t>(index)];
    m_resourceIndex.remove(resource.id);
    resource.id = id;
    m_resourceIndex.insert(id, index);
}

void Architecture::insertConnection(int index, Connection connection)
{
    m_connections.insert(m_connections.begin() + index, std::move(connection));
    reindexConnections(index);
}

Connection Architecture::takeConnection(int index)
{
    Connection taken = std::move(m_connections[static_cast<std::size_t>(index)]);
    m_connectionIndex.remove(taken.id);
    m_connections.erase(m_connections.begin() + index);
    reindexConnections(index);
    return taken;
}

void Architecture::insertGroup(int index, Group group)
{
    m_groups.insert(m_groups.begin() + index, std::move(group));
}

Group Architecture::takeGroup(int index)
{
    Group taken = std::move(m_groups[static_cast<std::size_t>(index)]);
    m_groups.erase(m_groups.begin() + index);
    return taken;
}

bool Architecture::operator==(const Architecture& other) const
{
    return m_resources == other.m_resources && m_connections == other.m_connections && m_groups == other.m_groups
        && m_templateSections == other.m_templateSections && m_style == other.m_style
        && m_settings == other.m_settings;
}

void Architecture::reindexResources(int from)
{
    for (std::size_t i = static_cast<std::size_t>(from); i < m_resources.size(); ++i)
        m_resourceIndex.insert(m_resources[i].id, static_cast<int>(i));
}

void Architecture::reindexConnections(int from)
{
    for (std::size_t i = static_cast<std::size_t>(from); i < m_connections.size(); ++i)
        m_connectionIndex.insert(m_connections[i].id, static_cast<int>(i));
}

} // namespace tributary
