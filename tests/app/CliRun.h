#pragma once

// Runs the real tributary-cli binary (TRIBUTARY_CLI_PATH) for the command-line tests.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace tributary::test {

/** What one run of tributary-cli gave: its exit code (-1 when it did not finish) and output. */
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliResult runCli(const QStringList& arguments,
                        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TRIBUTARY_CLI_PATH), arguments);
    if (!process.waitForFinished(180000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace tributary::test
