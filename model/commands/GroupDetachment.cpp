#include "model/commands/GroupDetachment.h"

#include "model/Document.h"

#include <algorithm>

namespace tributary {

void GroupDetachment::apply(Document* document, const QStringList& resourceIds)
{
    m_membersBefore.clear();
    m_removedGroups.clear();
    const auto detached = [&resourceIds](const QString& id) { return resourceIds.contains(id); };
    const std::vector<Group>& groups = document->architecture().groups();
    for (int i = static_cast<int>(groups.size()) - 1; i >= 0; --i) {
        const Group& group = groups[static_cast<std::size_t>(i)];
        if (std::none_of(group.members.begin(), group.members.end(), detached))
            continue;
        if (std::all_of(group.members.begin(), group.members.end(), detached)) {
            m_removedGroups.emplace_back(i, document->takeGroup(i));
            continue;
        }
        QStringList kept = group.members;
        kept.removeIf(detached);
        m_membersBefore.emplace_back(group.id, group.members);
        document->setGroupMembers(group.id, kept);
    }
}

void GroupDetachment::revert(Document* document) const
{
    for (auto it = m_removedGroups.rbegin(); it != m_removedGroups.rend(); ++it)
        document->insertGroup(it->first, it->second);
    for (const auto& [groupId, members] : m_membersBefore)
        document->setGroupMembers(groupId, members);
}

} // namespace tributary
