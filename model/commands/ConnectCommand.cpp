#include "model/commands/ConnectCommand.h"

#include "model/ConnectionCheck.h"
#include "model/Document.h"

namespace tributary {

ConnectCommand::ConnectCommand(Document* document, Connection connection, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_connection(std::move(connection))
{
    const Architecture& architecture = document->architecture();
    if (m_connection.id.isEmpty())
        m_connection.id = architecture.uniqueConnectionId(m_connection.source + QStringLiteral("To") + m_connection.target);
    else if (architecture.connection(m_connection.id))
        setProblem(QStringLiteral("The connection id '%1' is already used.").arg(m_connection.id));
    setProblem(ConnectionCheck::problem(document->catalogue(), m_connection,
                                        [&architecture](const QString& id) { return architecture.resource(id); }));
    setText(QStringLiteral("Connect %1 to %2").arg(m_connection.source, m_connection.target));
}

void ConnectCommand::redo()
{
    m_document->insertConnection(static_cast<int>(m_document->architecture().connections().size()), m_connection);
}

void ConnectCommand::undo()
{
    m_document->takeConnection(m_document->architecture().connectionIndex(m_connection.id));
}

} // namespace tributary
