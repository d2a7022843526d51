#pragma once

#include <QByteArray>
#include <QString>
#include <QTextStream>

namespace tributary {

/** Where a subcommand writes what it produces: a file, written atomically, or standard output. */
class OutputFile
{
public:
    /** True when path means standard output: empty or "-". */
    static bool isStandardOutput(const QString& path) { return path.isEmpty() || path == QLatin1String("-"); }

    /**
     * Writes bytes to path through a QSaveFile (a failed write leaves an existing file as it was),
     * or to out when isStandardOutput(path). False, after writing "tributary-cli COMMAND: cannot
     * write PATH: why" to err, when the file cannot be written.
     */
    static bool write(const QString& path, const QByteArray& bytes, const QString& command, QTextStream& out,
                      QTextStream& err);
};

} // namespace tributary
