#include "model/commands/DisconnectCommand.h"

#include "model/Document.h"

namespace tributary {

DisconnectCommand::DisconnectCommand(Document* document, const QStringList& connectionIds, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_ids(connectionIds)
{
    m_ids.removeDuplicates();
    if (m_ids.isEmpty())
        setProblem(QStringLiteral("There is no connection to delete."));
    for (const QString& id : std::as_const(m_ids)) {
        if (!document->architecture().connection(id))
            setProblem(QStringLiteral("There is no connection '%1' to delete.").arg(id));
    }
    const Connection* first = document->architecture().connection(m_ids.value(0));
    setText(m_ids.size() == 1 && first ? QStringLiteral("Disconnect %1 from %2").arg(first->source, first->target)
                                       : QStringLiteral("Delete %1 connections").arg(m_ids.size()));
}

void DisconnectCommand::redo()
{
    m_edits.disconnect(m_document, m_ids);
}

void DisconnectCommand::undo()
{
    m_edits.undo(m_document);
}

} // namespace tributary
