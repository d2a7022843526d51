#pragma once

#include <QString>
#include <QStringList>

namespace tributary {

/** A named frame around resources; a resource belongs to at most one group. */
struct Group
{
    QString id;
    QString label;
    QStringList members;

    bool operator==(const Group& other) const
    {
        return id == other.id && label == other.label && members == other.members;
    }
    bool operator!=(const Group& other) const { return !(*this == other); }
};

} // namespace tributary
