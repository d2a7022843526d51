#include "model/commands/GroupResourcesCommand.h"

#include "model/Document.h"

#include <algorithm>

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
    m_membersBefore.clear();
    for (const Group& group : m_document->architecture().groups()) {
        if (std::any_of(group.members.begin(), group.members.end(),
                        [this](const QString& id) { return m_group.members.contains(id); }))
            m_membersBefore.emplace_back(group.id, group.members);
    }
    for (const auto& [groupId, members] : m_membersBefore) {
        QStringList kept = members;
        kept.removeIf([this](const QString& id) { return m_group.members.contains(id); });
        m_document->setGroupMembers(groupId, kept);
    }
    m_document->insertGroup(static_cast<int>(m_document->architecture().groups().size()), m_group);
}

void GroupResourcesCommand::undo()
{
    m_document->takeGroup(static_cast<int>(m_document->architecture().groups().size()) - 1);
    for (const auto& [groupId, members] : m_membersBefore)
        m_document->setGroupMembers(groupId, members);
}

} // namespace tributary
