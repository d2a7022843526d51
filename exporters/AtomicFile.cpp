#include "exporters/AtomicFile.h"

#include <QFileInfo>
#include <QSaveFile>

namespace tributary {

QString AtomicFile::write(const QString& path, const QByteArray& bytes)
{
    if (QFileInfo(path).isDir())
        return QStringLiteral("this is a folder");
    QSaveFile file(path);
    // Unbuffered, so that a short write (disk full, file size limit) is seen here and not lost in a flush.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return file.errorString();
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 count = file.write(bytes.constData() + written, bytes.size() - written);
        if (count <= 0) {
            const QString why = file.errorString();
            file.cancelWriting();
            return why.isEmpty() ? QStringLiteral("the file cannot be written") : why;
        }
        written += count;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace tributary
