#include "model/catalogue/ResourceKind.h"

namespace tributary {

const QStringList& ResourceKind::knownCategories()
{
    static const QStringList categories = {
        QStringLiteral("compute"),  QStringLiteral("integration"), QStringLiteral("storage"),
        QStringLiteral("database"), QStringLiteral("api"),         QStringLiteral("other"),
    };
    return categories;
}

} // namespace tributary
