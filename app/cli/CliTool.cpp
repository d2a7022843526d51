#include "app/cli/CliTool.h"

#include "app/cli/ExportCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/KindsCommand.h"
#include "app/cli/RoundtripCommand.h"
#include "app/cli/SimulateCommand.h"
#include "app/cli/ValidateCommand.h"

namespace tributary {

CliTool::CliTool(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
    m_commands.push_back(std::make_unique<KindsCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<ValidateCommand>());
    m_commands.push_back(std::make_unique<RoundtripCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<SimulateCommand>());
}

ExitCode CliTool::run(const QStringList& arguments)
{
    if (arguments.isEmpty()) {
        m_err << "tributary-cli: no command given.\n\n";
        return printUsage(m_err, ExitCode::UsageError);
    }
    const QString& word = arguments.front();
    if (word == QLatin1String("--help") || word == QLatin1String("-h") || word == QLatin1String("help"))
        return printUsage(m_out, ExitCode::Success);
    if (word == QLatin1String("--version")) {
        m_out << "tributary-cli " << TRIBUTARY_VERSION << "\n";
        return ExitCode::Success;
    }
    for (const auto& command : m_commands) {
        if (command->name() != word)
            continue;
        const QStringList rest = arguments.mid(1);
        if (rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"))) {
            m_out << "Usage: tributary-cli " << command->name() << " " << command->synopsis() << "\n\n"
                  << command->summary() << "\n";
            return ExitCode::Success;
        }
        return command->run(rest, m_out, m_err);
    }
    m_err << "tributary-cli: unknown command '" << word << "'.\n\n";
    return printUsage(m_err, ExitCode::UsageError);
}

ExitCode CliTool::printUsage(QTextStream& stream, ExitCode code) const
{
    stream << "Usage: tributary-cli [--help] [--version] <command> [options]\n\n"
           << "Design, validate and simulate serverless event-driven AWS architectures.\n\n"
           << "Commands:\n";
    for (const auto& command : m_commands) {
        const QString invocation = command->name() + QLatin1Char(' ') + command->synopsis();
        stream << "  " << qSetFieldWidth(34) << Qt::left << invocation << qSetFieldWidth(0) << command->summary() << "\n";
    }
    stream << "\nOptions:\n"
           << "  -h, --help                        Show this help (or a command's, after its name) and exit.\n"
           << "  --version                         Show the version and exit.\n\n"
           << "Exit status: 0 success, 1 problems found, 2 usage error, 3 input unreadable.\n";
    return code;
}

} // namespace tributary
