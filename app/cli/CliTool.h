#pragma once

#include "app/cli/ExitCode.h"

#include <QStringList>
#include <QTextStream>

namespace tributary {

/** The headless command-line tool: parses arguments, runs one subcommand, returns its exit code. */
class CliTool
{
public:
    CliTool(QTextStream& out, QTextStream& err);

    /** Runs arguments (without the program name). */
    ExitCode run(const QStringList& arguments);

private:
    ExitCode printUsage(QTextStream& stream, ExitCode code);
    ExitCode runKinds(const QStringList& arguments);

    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace tributary
