#pragma once

#include "app/cli/CliCommand.h"

#include <optional>

namespace tributary {

/**
 * `simulate FILE [--duration 10m] [--seed N] [--json]`: runs the template's simulation scenario
 * (Metadata/Tributary/simulation) and prints the results; the same file and seed print the same
 * bytes. Exit status 3 when the file cannot be read, 1 when the scenario cannot be run.
 */
class SimulateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("simulate"); }
    QString synopsis() const override { return QStringLiteral("FILE [--duration 10m] [--seed N] [--json]"); }
    QString summary() const override
    {
        return QStringLiteral("Simulate the template's scenario and print throughput, latency, cold starts and cost.");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;

    /** Seconds in "90", "600s", "10m", "1h" or "2d"; nothing when the text is not a positive duration. */
    static std::optional<double> parseDuration(const QString& text);
};

} // namespace tributary
