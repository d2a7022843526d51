#include "model/catalogue/PropertyField.h"

namespace tributary {

const QStringList& PropertyField::knownTypes()
{
    static const QStringList types = {
        QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("number"),    QStringLiteral("boolean"),
        QStringLiteral("enum"),   QStringLiteral("json"),    QStringLiteral("reference"), QStringLiteral("list"),
    };
    return types;
}

} // namespace tributary
