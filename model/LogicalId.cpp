#include "model/LogicalId.h"

namespace tributary {

namespace {

bool isAsciiAlphanumeric(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

} // namespace

QString LogicalId::problemWith(const QString& id)
{
    if (id.isEmpty())
        return QStringLiteral("A logical id cannot be empty.");
    if (id.size() > maximumLength)
        return QStringLiteral("The logical id '%1…' is %2 characters long; at most %3 are allowed.")
            .arg(id.left(20))
            .arg(id.size())
            .arg(maximumLength);
    for (QChar c : id) {
        if (!isAsciiAlphanumeric(c))
            return QStringLiteral("The logical id '%1' contains '%2': only letters A–Z, a–z and digits 0–9 are allowed.")
                .arg(id, QString(c));
    }
    return {};
}

QString LogicalId::makeUnique(const QString& base, const std::function<bool(const QString&)>& isTaken)
{
    QString stem;
    for (QChar c : base) {
        if (isAsciiAlphanumeric(c))
            stem.append(c);
    }
    if (stem.isEmpty())
        stem = QStringLiteral("Resource");
    stem.truncate(maximumLength - 6);
    if (!isTaken(stem))
        return stem;
    while (!stem.isEmpty() && stem.back().isDigit())
        stem.chop(1);
    if (stem.isEmpty())
        stem = QStringLiteral("Resource");
    for (int n = 2;; ++n) {
        const QString candidate = stem + QString::number(n);
        if (!isTaken(candidate))
            return candidate;
    }
}

} // namespace tributary
