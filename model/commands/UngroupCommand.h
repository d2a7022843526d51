#pragma once

#include "model/Group.h"
#include "model/commands/DocumentCommand.h"

namespace tributary {

/** Removes a group; its members stay where they are. */
class UngroupCommand : public DocumentCommand
{
public:
    UngroupCommand(Document* document, const QString& groupId, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    QString m_groupId;
    int m_index = -1;
    Group m_group;
};

} // namespace tributary
