#include "app/cli/OutputFile.h"

#include <QFileInfo>
#include <QSaveFile>

namespace tributary {

bool OutputFile::write(const QString& path, const QByteArray& bytes, const QString& command, QTextStream& out,
                       QTextStream& err)
{
    if (isStandardOutput(path)) {
        out << QString::fromUtf8(bytes);
        out.flush();
        return true;
    }
    const auto fail = [&](const QString& why) {
        err << "tributary-cli " << command << ": cannot write " << path << ": " << why << "\n";
        return false;
    };
    if (QFileInfo(path).isDir())
        return fail(QStringLiteral("this is a folder"));
    QSaveFile file(path);
    // Unbuffered, so that a short write (disk full, file size limit) is seen here and not lost in a flush.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(file.errorString());
    qint64 written = 0;
    while (written < bytes.size()) {
        const qint64 count = file.write(bytes.constData() + written, bytes.size() - written);
        if (count <= 0) {
            const QString why = file.errorString();
            file.cancelWriting();
            return fail(why.isEmpty() ? QStringLiteral("the file cannot be written") : why);
        }
        written += count;
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace tributary
