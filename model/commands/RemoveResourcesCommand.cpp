#include "model/commands/RemoveResourcesCommand.h"

#include "model/Document.h"

#include <algorithm>

namespace tributary {

RemoveResourcesCommand::RemoveResourcesCommand(Document* document, const QStringList& ids, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_ids(ids)
{
    m_ids.removeDuplicates();
    setText(m_ids.size() == 1 ? QStringLiteral("Delete %1").arg(m_ids.front())
                              : QStringLiteral("Delete %1 resources").arg(m_ids.size()));
    if (m_ids.isEmpty())
        setProblem(QStringLiteral("There is nothing to delete."));
    for (const QString& id : std::as_const(m_ids)) {
        if (!document->architecture().resource(id))
            setProblem(QStringLiteral("There is no resource '%1' to delete.").arg(id));
    }
}

void RemoveResourcesCommand::redo()
{
    const Architecture& architecture = m_document->architecture();
    m_groups.apply(m_document, m_ids);

    m_removedConnections.clear();
    for (int i = static_cast<int>(architecture.connections().size()) - 1; i >= 0; --i) {
        const Connection& connection = architecture.connections()[static_cast<std::size_t>(i)];
        if (m_ids.contains(connection.source) || m_ids.contains(connection.target))
            m_removedConnections.emplace_back(i, m_document->takeConnection(i));
    }

    std::vector<int> indices;
    for (const QString& id : std::as_const(m_ids))
        indices.push_back(architecture.resourceIndex(id));
    std::sort(indices.begin(), indices.end(), std::greater<>());
    m_removedResources.clear();
    for (int index : indices)
        m_removedResources.emplace_back(index, m_document->takeResource(index));
}

void RemoveResourcesCommand::undo()
{
    for (auto it = m_removedResources.rbegin(); it != m_removedResources.rend(); ++it)
        m_document->insertResource(it->first, it->second);
    for (auto it = m_removedConnections.rbegin(); it != m_removedConnections.rend(); ++it)
        m_document->insertConnection(it->first, it->second);
    m_groups.revert(m_document);
}

} // namespace tributary
