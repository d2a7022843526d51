#pragma once

#include "model/Connection.h"
#include "model/commands/DocumentCommand.h"

namespace tributary {

/** Adds one connection; an empty id is replaced by a unique one made from its ends. */
class ConnectCommand : public DocumentCommand
{
public:
    ConnectCommand(Document* document, Connection connection, QUndoCommand* parent = nullptr);

    const Connection& connection() const { return m_connection; }

    void redo() override;
    void undo() override;

private:
    Connection m_connection;
};

} // namespace tributary
