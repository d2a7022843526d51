#include "model/commands/GroupResourcesCommand.h"

#include "model/Document.h"

namespace tributary {

GroupResourcesCommand::GroupResourcesCommand(Document* document, const QStringList& ids, const QString& label,
                                             QUndoCommand* parent)
    : DocumentCommand(document, parent)
{
    m_group.id = document->architecture().uniqueGroupId();
    m_group.label = label.isEmpty() ? m_group.id : label;
    m_group.members = ids;
    m_group.members.removeDuplicates();
    setText(QStringLiteral("Group %1 resources").arg(m_group.members.size()));
    if (m_group.members.isEmpty())
        setProblem(QStringLiteral("There is nothing to group."));
    for (const QString& id : std::as_const(m_group.members)) {
        if (!document->architecture().resource(id))
            setProblem(QStringLiteral("There is no resource '%1' to group.").arg(id));
    }
}

void GroupResourcesCommand::redo()
{
    m_detachment.apply(m_document, m_group.members);
    m_document->insertGroup(static_cast<int>(m_document->architecture().groups().size()), m_group);
}

void GroupResourcesCommand::undo()
{
    m_document->takeGroup(static_cast<int>(m_document->architecture().groups().size()) - 1);
    m_detachment.revert(m_document);
}

} // namespace tributary
