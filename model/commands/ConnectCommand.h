#pragma once

#include "model/Connection.h"
#include "model/commands/DocumentCommand.h"
#include "model/commands/DocumentEditLog.h"

namespace tributary {

/**
 * Adds one connection; an empty id is replaced by a unique one made from its ends. A connection
 * without template parts gets those its rule writes (an event on the function, a rule target, a
 * subscription resource, a policy and an environment variable …), so that the saved template has it.
 */
class ConnectCommand : public DocumentCommand
{
public:
    ConnectCommand(Document* document, Connection connection, QUndoCommand* parent = nullptr);

    const Connection& connection() const { return m_connection; }

    void redo() override;
    void undo() override;

private:
    Connection m_connection;
    DocumentEditLog m_edits;
};

} // namespace tributary
