#include "model/commands/RemoveResourcesCommand.h"

#include "model/Document.h"

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
    m_edits.detachFromGroups(m_document, m_ids);
    QStringList incident;
    for (const Connection& connection : architecture.connections()) {
        if (m_ids.contains(connection.source) || m_ids.contains(connection.target))
            incident.append(connection.id);
    }
    m_edits.disconnect(m_document, incident);
    for (const QString& id : std::as_const(m_ids)) {
        if (architecture.resource(id))
            m_edits.removeResource(m_document, id);
    }
}

void RemoveResourcesCommand::undo()
{
    m_edits.undo(m_document);
}

} // namespace tributary
