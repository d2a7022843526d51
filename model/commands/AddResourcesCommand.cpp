#include "model/commands/AddResourcesCommand.h"

#include "model/ConnectionCheck.h"
#include "model/Document.h"
#include "model/LogicalId.h"
#include "model/catalogue/Catalogue.h"

#include <QHash>
#include <QSet>

namespace tributary {

AddResourcesCommand::AddResourcesCommand(Document* document, std::vector<Resource> resources,
                                         std::vector<Connection> connections, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_resources(std::move(resources))
    , m_connections(std::move(connections))
{
    setText(m_resources.size() == 1 ? QStringLiteral("Add %1").arg(m_resources.front().id)
                                    : QStringLiteral("Add %1 resources").arg(m_resources.size()));
    check();
}

void AddResourcesCommand::check()
{
    if (m_resources.empty())
        return setProblem(QStringLiteral("There is nothing to add."));
    const Architecture& architecture = m_document->architecture();
    QHash<QString, const Resource*> added;
    for (const Resource& resource : m_resources) {
        const QString idProblem = LogicalId::problemWith(resource.id);
        if (!idProblem.isEmpty())
            return setProblem(idProblem);
        if (architecture.isNameTaken(resource.id) || added.contains(resource.id))
            return setProblem(QStringLiteral("The logical id '%1' is already used.").arg(resource.id));
        if (!m_document->catalogue().kind(resource.kind))
            return setProblem(QStringLiteral("'%1' is of the kind '%2', which the catalogue does not have.")
                                  .arg(resource.id, resource.kind));
        if (!resource.properties.is_object() || !resource.attributes.is_object())
            return setProblem(QStringLiteral("The properties of '%1' must be an object.").arg(resource.id));
        added.insert(resource.id, &resource);
    }
    const auto lookup = [&](const QString& id) -> const Resource* {
        const Resource* resource = added.value(id);
        return resource ? resource : architecture.resource(id);
    };
    QSet<QString> connectionIds;
    for (const Connection& connection : m_connections) {
        if (architecture.connection(connection.id) || connectionIds.contains(connection.id))
            return setProblem(QStringLiteral("The connection id '%1' is already used.").arg(connection.id));
        connectionIds.insert(connection.id);
        setProblem(ConnectionCheck::problem(m_document->catalogue(), connection, lookup));
    }
}

void AddResourcesCommand::redo()
{
    for (const Resource& resource : m_resources)
        m_document->insertResource(static_cast<int>(m_document->architecture().resources().size()), resource);
    for (const Connection& connection : m_connections)
        m_document->insertConnection(static_cast<int>(m_document->architecture().connections().size()), connection);
}

void AddResourcesCommand::undo()
{
    for (std::size_t i = 0; i < m_connections.size(); ++i)
        m_document->takeConnection(static_cast<int>(m_document->architecture().connections().size()) - 1);
    for (std::size_t i = 0; i < m_resources.size(); ++i)
        m_document->takeResource(static_cast<int>(m_document->architecture().resources().size()) - 1);
}

} // namespace tributary
