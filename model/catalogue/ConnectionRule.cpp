#include "model/catalogue/ConnectionRule.h"

namespace tributary {

const QStringList& ConnectionRule::knownMeanings()
{
    static const QStringList meanings = {
        QStringLiteral("sync"),       QStringLiteral("async"),      QStringLiteral("polled"),
        QStringLiteral("stream"),     QStringLiteral("sdk"),        QStringLiteral("onSuccess"),
        QStringLiteral("onFailure"),  QStringLiteral("deadLetter"), QStringLiteral("task"),
        QStringLiteral("pipeSource"), QStringLiteral("pipeTarget"), QStringLiteral("reference"),
        QStringLiteral("dependency"),
    };
    return meanings;
}

const QString& ConnectionRule::anyKind()
{
    static const QString any = QStringLiteral("*");
    return any;
}

bool ConnectionRule::joins(const QString& source, const QString& target) const
{
    return (sourceKind == anyKind() || sourceKind == source) && (targetKind == anyKind() || targetKind == target);
}

} // namespace tributary
