#pragma once

#include "model/Connection.h"
#include "model/commands/DocumentCommand.h"
#include "model/commands/DocumentEditLog.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace tributary {

/** Removes connections, keeping their places so that undo puts them back exactly. */
class DisconnectCommand : public DocumentCommand
{
public:
    DisconnectCommand(Document* document, const QStringList& connectionIds, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QStringList m_ids;
    DocumentEditLog m_edits;
};

} // namespace tributary
