#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/ExitCode.h"

#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

namespace tributary {

/** The headless command-line tool: parses the command word, runs that subcommand, returns its exit code. */
class CliTool
{
public:
    CliTool(QTextStream& out, QTextStream& err);

    /** Runs arguments (without the program name). */
    ExitCode run(const QStringList& arguments);

private:
    ExitCode printUsage(QTextStream& stream, ExitCode code) const;

    QTextStream& m_out;
    QTextStream& m_err;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace tributary
