#pragma once

#include "model/Connection.h"
#include "model/Resource.h"
#include "model/commands/DocumentCommand.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace tributary {

/** Removes resources with every connection that starts or ends at them and their group memberships. */
class RemoveResourcesCommand : public DocumentCommand
{
public:
    RemoveResourcesCommand(Document* document, const QStringList& ids, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QStringList m_ids;
    std::vector<std::pair<int, Resource>> m_removedResources;
    std::vector<std::pair<int, Connection>> m_removedConnections;
    std::vector<std::pair<QString, QStringList>> m_groupMembersBefore;
};

} // namespace tributary
