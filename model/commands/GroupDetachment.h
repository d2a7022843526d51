#pragma once

#include "model/Group.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace tributary {

class Document;

/** Takes resources out of the groups that hold them and removes the groups left empty; reverts exactly. */
class GroupDetachment
{
public:
    void apply(Document* document, const QStringList& resourceIds);
    void revert(Document* document) const;

private:
    std::vector<std::pair<QString, QStringList>> m_membersBefore;
    std::vector<std::pair<int, Group>> m_removedGroups;
};

} // namespace tributary
