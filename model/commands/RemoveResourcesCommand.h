#pragma once

#include "model/Connection.h"
#include "model/Resource.h"
#include "model/commands/DocumentCommand.h"
#include "model/commands/DocumentEditLog.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace tributary {

/** Removes resources with every connection that starts or ends at them, and their group memberships. */
class RemoveResourcesCommand : public DocumentCommand
{
public:
    RemoveResourcesCommand(Document* document, const QStringList& ids, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QStringList m_ids;
    DocumentEditLog m_edits;
};

} // namespace tributary
