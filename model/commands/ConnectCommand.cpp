#include "model/commands/ConnectCommand.h"

#include "model/ConnectionCheck.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/realisation/ConnectionRealisation.h"
#include "model/tree/JsonTreeEdit.h"

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
    const ConnectionRule* rule = document->catalogue().rule(m_connection.rule);
    if (problem().isEmpty() && rule && m_connection.parts.empty()) {
        for (const ConnectionRealisation::Part& part : ConnectionRealisation::plan(architecture, *rule, m_connection)) {
            const Resource* owner = part.pointer.isEmpty() ? nullptr : architecture.resource(part.resource);
            const QString why = owner ? JsonTreeEdit::problemSetting(owner->properties, part.pointer) : QString();
            if (!why.isEmpty())
                setProblem(QStringLiteral("%1 cannot be connected to %2: the template part %3%4 cannot be written (%5).")
                               .arg(m_connection.source, m_connection.target, part.resource, part.pointer, why));
        }
    }
    setText(QStringLiteral("Connect %1 to %2").arg(m_connection.source, m_connection.target));
}

void ConnectCommand::redo()
{
    m_edits.connect(m_document, m_connection);
}

void ConnectCommand::undo()
{
    m_edits.undo(m_document);
}

} // namespace tributary
