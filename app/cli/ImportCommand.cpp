#include "app/cli/ImportCommand.h"

#include "app/cli/CliArguments.h"
#include "app/cli/TemplateLoading.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/JsonTree.h"

#include <map>
#include <set>

namespace tributary {

ExitCode ImportCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    CliArguments parsed(*this, arguments, {QStringLiteral("--json")}, {});
    if (!parsed.isValid(err, 1, 1))
        return ExitCode::UsageError;
    QStringList warnings;
    const std::optional<Architecture> architecture = TemplateLoading::read(parsed.positional().front(), warnings, err);
    if (!architecture)
        return ExitCode::InputUnreadable;

    std::map<std::string, int> byKind;
    std::map<std::string, int> byRule;
    std::set<std::string> generic;
    const QString genericKind = Catalogue::builtIn().genericKind().id;
    for (const Resource& resource : architecture->resources()) {
        ++byKind[resource.kind.toStdString()];
        if (resource.kind == genericKind)
            generic.insert(resource.cfnType.toStdString());
    }
    for (const Connection& connection : architecture->connections())
        ++byRule[connection.rule.toStdString()];

    JsonTree report;
    report["resources"] = architecture->resources().size();
    report["byKind"] = byKind;
    report["connections"] = architecture->connections().size();
    report["byRule"] = byRule;
    report["generic"] = generic;
    JsonTree warningList = JsonTree::array();
    for (const QString& warning : std::as_const(warnings))
        warningList.push_back(warning.toStdString());
    report["warnings"] = warningList;

    if (parsed.has(QStringLiteral("--json"))) {
        out << QString::fromStdString(report.dump(2)) << "\n";
        return ExitCode::Success;
    }
    out << architecture->resources().size() << " resources, " << architecture->connections().size()
        << " connections\n";
    for (const auto& [kind, count] : byKind)
        out << "  " << qSetFieldWidth(6) << Qt::right << count << qSetFieldWidth(0) << "  " << QString::fromStdString(kind) << "\n";
    for (const auto& [rule, count] : byRule)
        out << "  " << qSetFieldWidth(6) << Qt::right << count << qSetFieldWidth(0) << "  " << QString::fromStdString(rule) << "\n";
    out << "connections:\n";
    for (const Connection& connection : architecture->connections())
        out << "  " << connection.source << " -> " << connection.target << "  [" << connection.rule << "]\n";
    for (const QString& warning : std::as_const(warnings))
        err << "warning: " << warning << "\n";
    return ExitCode::Success;
}

} // namespace tributary
