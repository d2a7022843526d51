#include "app/cli/ValidateCommand.h"

#include "app/cli/CliArguments.h"
#include "app/cli/TemplateLoading.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/ParsedTree.h"
#include "model/tree/TreeFileReader.h"
#include "model/tree/TreeParseError.h"
#include "model/validation/CfnLintRunner.h"
#include "model/validation/Validator.h"

#include <algorithm>

namespace tributary {

namespace {

QString counted(int count, const char* singular, const char* plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

JsonTree toJson(const QString& path, const std::vector<Finding>& findings, int errors, int warnings)
{
    JsonTree problems = JsonTree::array();
    for (const Finding& finding : findings) {
        JsonTree resources = JsonTree::array();
        for (const QString& id : finding.resources)
            resources.push_back(id.toStdString());
        JsonTree connections = JsonTree::array();
        for (const QString& id : finding.connections)
            connections.push_back(id.toStdString());
        JsonTree problem = JsonTree::object();
        problem["rule"] = finding.rule.toStdString();
        problem["severity"] = Finding::severityName(finding.severity).toStdString();
        problem["message"] = finding.message.toStdString();
        problem["resources"] = std::move(resources);
        problem["connections"] = std::move(connections);
        problem["line"] = finding.location.line > 0 ? JsonTree(finding.location.line) : JsonTree();
        problem["column"] = finding.location.column > 0 ? JsonTree(finding.location.column) : JsonTree();
        problems.push_back(std::move(problem));
    }
    JsonTree document = JsonTree::object();
    document["file"] = path.toStdString();
    document["problems"] = std::move(problems);
    document["errors"] = errors;
    document["warnings"] = warnings;
    return document;
}

} // namespace

void ValidateCommand::locate(std::vector<Finding>& findings, const ParsedTree& tree)
{
    for (Finding& finding : findings) {
        if (finding.location.line > 0 || finding.pointer.isEmpty())
            continue;
        std::string pointer = finding.pointer.toStdString();
        while (!pointer.empty()) {
            const auto found = tree.locations.find(pointer);
            if (found != tree.locations.end() && found->second.line > 0) {
                finding.location = found->second;
                break;
            }
            pointer.erase(pointer.rfind('/'));
        }
    }
}

ExitCode ValidateCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString jsonFlag = QStringLiteral("--json");
    const QString cfnLintFlag = QStringLiteral("--cfn-lint");
    CliArguments parsed(*this, arguments, {jsonFlag, cfnLintFlag}, {});
    if (!parsed.isValid(err, 1, 1))
        return ExitCode::UsageError;
    const QString path = parsed.positional().front();

    QStringList readerWarnings;
    const std::optional<Architecture> architecture = TemplateLoading::read(path, readerWarnings, err);
    if (!architecture)
        return ExitCode::InputUnreadable;
    std::vector<Finding> findings = Validator::withBuiltInRules().validate(*architecture, Catalogue::builtIn());
    try {
        locate(findings, TreeFileReader::read(path));
    } catch (const TreeParseError&) {
        // Read a moment ago; if it changed since, the findings simply have no positions.
    }

    if (parsed.has(cfnLintFlag)) {
        if (!CfnLintRunner::isAvailable()) {
            err << "tributary-cli validate: cfn-lint is not on PATH; its checks were skipped.\n";
        } else {
            CfnLintRunner::Result lint = CfnLintRunner::run(path);
            if (!lint.ran)
                err << "tributary-cli validate: " << lint.problem << "; its checks were skipped.\n";
            for (Finding& finding : lint.findings)
                findings.push_back(std::move(finding));
        }
    }
    // Compiler order: by position in the file; problems without one (whole-design ones) last.
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        const bool aKnown = a.location.line > 0;
        const bool bKnown = b.location.line > 0;
        if (aKnown != bKnown)
            return aKnown;
        if (a.location.line != b.location.line)
            return a.location.line < b.location.line;
        return a.location.column < b.location.column;
    });

    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (const Finding& finding : findings) {
        if (finding.severity == Finding::Severity::Error)
            ++errors;
        else if (finding.severity == Finding::Severity::Warning)
            ++warnings;
        else
            ++infos;
    }

    if (parsed.has(jsonFlag)) {
        out << QString::fromStdString(toJson(path, findings, errors, warnings)
                                          .dump(2, ' ', false, JsonTree::error_handler_t::replace))
            << "\n";
    } else {
        for (const Finding& finding : findings) {
            QString where = path;
            if (finding.location.line > 0) {
                where += QStringLiteral(":%1").arg(finding.location.line);
                if (finding.location.column > 0)
                    where += QStringLiteral(":%1").arg(finding.location.column);
            }
            out << where << ": " << Finding::severityName(finding.severity) << " " << finding.rule;
            if (!finding.resources.isEmpty())
                out << " [" << finding.resources.join(QStringLiteral(", ")) << "]";
            out << ": " << finding.message << "\n";
        }
        out << path << ": " << counted(errors, "error", "errors") << ", " << counted(warnings, "warning", "warnings")
            << ", " << infos << " info\n";
    }
    return errors > 0 ? ExitCode::ProblemsFound : ExitCode::Success;
}

} // namespace tributary
