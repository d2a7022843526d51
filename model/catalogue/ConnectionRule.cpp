#include "model/catalogue/ConnectionRule.h"

namespace tributary {

const QStringList& ConnectionRule::knownMeanings()
{
    static const QStringList meanings = {
        QStringLiteral("sync"),       QStringLiteral("async"),      QStringLiteral("polled"),
        QStringLiteral("stream"),     QStringLiteral("sdk"),        QStringLiteral("onSuccess"),
        QStringLiteral("onFailure"),  QStringLiteral("deadLetter"), QStringLiteral("task"),
        QStringLiteral("pipeSource"), QStringLiteral("pipeTarget"),
    };
    return meanings;
}

} // namespace tributary
