#include "app/cli/KindsCommand.h"

#include "app/cli/CatalogueReport.h"
#include "app/cli/CliArguments.h"
#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"

namespace tributary {

ExitCode KindsCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    CliArguments parsed(*this, arguments, {QStringLiteral("--json")}, {});
    if (!parsed.isValid(err, 0, 0))
        return ExitCode::UsageError;
    try {
        const Catalogue& catalogue = Catalogue::builtIn();
        if (parsed.has(QStringLiteral("--json")))
            out << QString::fromStdString(CatalogueReport::toJson(catalogue).dump(2)) << "\n";
        else
            out << CatalogueReport::toText(catalogue);
    } catch (const CatalogueError& error) {
        err << "tributary-cli: the built-in catalogue is broken: " << error.message() << "\n";
        return ExitCode::InputUnreadable;
    }
    return ExitCode::Success;
}

} // namespace tributary
