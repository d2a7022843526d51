#pragma once

#include <QByteArray>
#include <QString>

namespace tributary {

/** Writes a whole file or nothing: a failed write (no space, no permission) leaves the old file as it was. */
class AtomicFile
{
public:
    /** Writes bytes to path; returns why it failed, or an empty string. */
    static QString write(const QString& path, const QByteArray& bytes);
};

} // namespace tributary
