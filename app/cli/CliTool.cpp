#include "app/cli/CliTool.h"

#include "app/cli/CatalogueReport.h"
#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"

namespace tributary {

namespace {

const char* const usageText =
    "Usage: tributary-cli [--help] [--version] <command> [options]\n"
    "\n"
    "Design, validate and simulate serverless event-driven AWS architectures.\n"
    "\n"
    "Commands:\n"
    "  kinds [--json]   List the resource kinds and connection rules of the catalogue.\n"
    "\n"
    "Options:\n"
    "  -h, --help       Show this help and exit.\n"
    "  --version        Show the version and exit.\n"
    "\n"
    "Exit status: 0 success, 1 problems found, 2 usage error, 3 input unreadable.\n";

} // namespace

CliTool::CliTool(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{
}

ExitCode CliTool::run(const QStringList& arguments)
{
    if (arguments.isEmpty()) {
        m_err << "tributary-cli: no command given.\n\n";
        return printUsage(m_err, ExitCode::UsageError);
    }
    const QString& command = arguments.front();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return printUsage(m_out, ExitCode::Success);
    if (command == QLatin1String("--version")) {
        m_out << "tributary-cli " << TRIBUTARY_VERSION << "\n";
        return ExitCode::Success;
    }
    if (command == QLatin1String("kinds"))
        return runKinds(arguments.mid(1));
    m_err << "tributary-cli: unknown command '" << command << "'.\n\n";
    return printUsage(m_err, ExitCode::UsageError);
}

ExitCode CliTool::printUsage(QTextStream& stream, ExitCode code)
{
    stream << usageText;
    return code;
}

ExitCode CliTool::runKinds(const QStringList& arguments)
{
    bool json = false;
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--json")) {
            json = true;
        } else if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            m_out << "Usage: tributary-cli kinds [--json]\n";
            return ExitCode::Success;
        } else {
            m_err << "tributary-cli kinds: unknown option '" << argument << "'.\n";
            return ExitCode::UsageError;
        }
    }
    try {
        const Catalogue& catalogue = Catalogue::builtIn();
        if (json)
            m_out << QString::fromStdString(CatalogueReport::toJson(catalogue).dump(2)) << "\n";
        else
            m_out << CatalogueReport::toText(catalogue);
    } catch (const CatalogueError& error) {
        m_err << "tributary-cli: the built-in catalogue is broken: " << error.message() << "\n";
        return ExitCode::InputUnreadable;
    }
    return ExitCode::Success;
}

} // namespace tributary
