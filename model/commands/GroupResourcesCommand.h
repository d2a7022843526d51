#pragma once

#include "model/Group.h"
#include "model/commands/DocumentCommand.h"
#include "model/commands/GroupDetachment.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace tributary {

/** Puts resources into a new group, taking them out of any group they were in (a group left empty goes). */
class GroupResourcesCommand : public DocumentCommand
{
public:
    GroupResourcesCommand(Document* document, const QStringList& ids, const QString& label,
                          QUndoCommand* parent = nullptr);

    /** The id the new group gets. */
    const QString& groupId() const { return m_group.id; }

    void redo() override;
    void undo() override;

private:
    Group m_group;
    GroupDetachment m_detachment;
};

} // namespace tributary
