#include "model/commands/UngroupCommand.h"

#include "model/Document.h"

namespace tributary {

UngroupCommand::UngroupCommand(Document* document, const QString& groupId, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_groupId(groupId)
{
    const Group* group = document->architecture().group(groupId);
    setText(QStringLiteral("Ungroup %1").arg(group ? group->label : groupId));
    if (!group)
        setProblem(QStringLiteral("There is no group '%1'.").arg(groupId));
}

void UngroupCommand::redo()
{
    m_index = m_document->architecture().groupIndex(m_groupId);
    m_group = m_document->takeGroup(m_index);
}

void UngroupCommand::undo()
{
    m_document->insertGroup(m_index, m_group);
}

} // namespace tributary
