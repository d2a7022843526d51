#pragma once

#include "app/cli/ExitCode.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace tributary {

/** One subcommand of tributary-cli; CliTool lists them and runs the one named. */
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    /** The word that names it on the command line, e.g. "kinds". */
    virtual QString name() const = 0;
    /** Its arguments as the usage shows them, e.g. "[--json]". */
    virtual QString synopsis() const = 0;
    /** One line on what it does. */
    virtual QString summary() const = 0;
    /** Runs it with the arguments after its name; writes results to out and messages to err. */
    virtual ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) = 0;
};

} // namespace tributary
