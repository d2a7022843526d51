#include "app/cli/OutputFile.h"

#include "exporters/AtomicFile.h"

namespace tributary {

bool OutputFile::write(const QString& path, const QByteArray& bytes, const QString& command, QTextStream& out,
                       QTextStream& err)
{
    if (isStandardOutput(path)) {
        out << QString::fromUtf8(bytes);
        out.flush();
        return true;
    }
    const QString problem = AtomicFile::write(path, bytes);
    if (problem.isEmpty())
        return true;
    err << "tributary-cli " << command << ": cannot write " << path << ": " << problem << "\n";
    return false;
}

} // namespace tributary
