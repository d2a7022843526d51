#include "app/cli/SimulateCommand.h"

#include "app/cli/CliArguments.h"
#include "app/cli/TemplateLoading.h"
#include "model/catalogue/Catalogue.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/Simulator.h"

namespace tributary {

std::optional<double> SimulateCommand::parseDuration(const QString& text)
{
    QString number = text.trimmed();
    double unit = 1;
    if (!number.isEmpty()) {
        const QChar last = number.back();
        const QString units = QStringLiteral("smhd");
        const double factors[] = {1, 60, 3600, 86400};
        const int which = units.indexOf(last);
        if (which >= 0) {
            unit = factors[which];
            number.chop(1);
        }
    }
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || value <= 0)
        return std::nullopt;
    return value * unit;
}

namespace {

void printText(const JsonTree& results, QTextStream& out)
{
    out << "Simulated " << results["duration_s"].get<double>() << " s, seed " << results["seed"].get<std::uint64_t>()
        << ", " << results["events"].get<std::uint64_t>() << " events.\n";
    for (auto it = results["resources"].begin(); it != results["resources"].end(); ++it) {
        const JsonTree& r = it.value();
        out << QString::fromStdString(it.key()) << " (" << QString::fromStdString(r["kind"].get<std::string>())
            << "): " << r["received"].get<std::uint64_t>() << " received, " << r["succeeded"].get<std::uint64_t>()
            << " succeeded, " << r["errors"].get<std::uint64_t>() << " errors, " << r["throttles"].get<std::uint64_t>()
            << " throttled";
        if (r.contains("invocations"))
            out << ", " << r["invocations"].get<std::uint64_t>() << " invocations, "
                << r["coldStarts"].get<std::uint64_t>() << " cold starts, "
                << r["environments"]["total"].get<double>() << " environments on average";
        const JsonTree& latency = r["sinceEntryMs"];
        if (latency["count"].get<std::uint64_t>() > 0)
            out << "; since entry p50 " << latency["p50Ms"].get<double>() << " ms, p99 "
                << latency["p99Ms"].get<double>() << " ms";
        out << "\n";
    }
}

} // namespace

ExitCode SimulateCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString jsonFlag = QStringLiteral("--json");
    const QString durationOption = QStringLiteral("--duration");
    const QString seedOption = QStringLiteral("--seed");
    CliArguments parsed(*this, arguments, {jsonFlag}, {durationOption, seedOption});
    if (!parsed.isValid(err, 1, 1))
        return ExitCode::UsageError;
    std::optional<double> duration;
    if (!parsed.value(durationOption).isEmpty()) {
        duration = parseDuration(parsed.value(durationOption));
        if (!duration) {
            err << "tributary-cli simulate: --duration '" << parsed.value(durationOption)
                << "' is not a duration such as 600s, 10m or 1h.\n";
            return ExitCode::UsageError;
        }
    }
    std::optional<std::uint64_t> seed;
    if (!parsed.value(seedOption).isEmpty()) {
        bool ok = false;
        seed = parsed.value(seedOption).toULongLong(&ok);
        if (!ok) {
            err << "tributary-cli simulate: --seed '" << parsed.value(seedOption) << "' is not a whole number.\n";
            return ExitCode::UsageError;
        }
    }
    const QString path = parsed.positional().front();
    QStringList warnings;
    const std::optional<Architecture> architecture = TemplateLoading::read(path, warnings, err);
    if (!architecture)
        return ExitCode::InputUnreadable;
    try {
        Scenario scenario = Scenario::fromSettings(architecture->settings());
        if (duration)
            scenario.durationSeconds = *duration;
        if (seed)
            scenario.seed = *seed;
        Simulator simulator(*architecture, Catalogue::builtIn(), scenario);
        simulator.run();
        const JsonTree results = simulator.resultsJson();
        if (parsed.has(jsonFlag))
            out << QString::fromStdString(results.dump(2, ' ', false, JsonTree::error_handler_t::replace)) << "\n";
        else
            printText(results, out);
    } catch (const ScenarioError& error) {
        err << "tributary-cli simulate: " << path << ": " << error.message() << "\n";
        return ExitCode::ProblemsFound;
    }
    return ExitCode::Success;
}

} // namespace tributary
