#include "model/validation/CfnLintRunner.h"

#include "model/tree/ParsedTree.h"

#include <QProcess>
#include <QStandardPaths>

namespace tributary {

namespace {

Finding::Severity severityOf(const std::string& level)
{
    if (level == "Error")
        return Finding::Severity::Error;
    if (level == "Warning")
        return Finding::Severity::Warning;
    return Finding::Severity::Info;
}

QString textOf(const JsonTree& object, const char* key)
{
    const auto value = object.find(key);
    return value != object.end() && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

int intOf(const JsonTree& object, const char* first, const char* second)
{
    const auto outer = object.find(first);
    if (outer == object.end() || !outer->is_object())
        return 0;
    const auto inner = outer->find(second);
    return inner != outer->end() && inner->is_number_integer() ? inner->get<int>() : 0;
}

} // namespace

QString CfnLintRunner::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("cfn-lint"));
}

CfnLintRunner::Result CfnLintRunner::run(const QString& path, int timeoutMs, const QString& program)
{
    Result result;
    const QString command = program.isEmpty() ? executable() : program;
    if (command.isEmpty()) {
        result.problem = QStringLiteral("cfn-lint is not on PATH");
        return result;
    }
    QProcess process;
    process.start(command, {QStringLiteral("-f"), QStringLiteral("json"), QStringLiteral("--"), path});
    if (!process.waitForStarted(timeoutMs)) {
        result.problem = QStringLiteral("cfn-lint could not be started: %1").arg(process.errorString());
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.problem = QStringLiteral("cfn-lint did not finish within %1 s").arg(timeoutMs / 1000);
        return result;
    }
    const QByteArray output = process.readAllStandardOutput();
    // cfn-lint exits with a bit mask: 2 errors, 4 warnings, 8 informational; other codes mean it failed.
    const int code = process.exitCode();
    if (process.exitStatus() != QProcess::NormalExit || (code & ~(2 | 4 | 8)) != 0) {
        const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
        result.problem = QStringLiteral("cfn-lint failed (exit code %1)%2")
                             .arg(code)
                             .arg(errors.isEmpty() ? QString() : QStringLiteral(": ") + errors.left(500));
        return result;
    }
    if (!parse(output, &result.findings, &result.problem))
        return result;
    result.ran = true;
    return result;
}

bool CfnLintRunner::parse(const QByteArray& output, std::vector<Finding>* findings, QString* problem)
{
    const QByteArray trimmed = output.trimmed();
    const JsonTree document = trimmed.isEmpty() ? JsonTree::array()
                                                : JsonTree::parse(trimmed.constData(), trimmed.constData() + trimmed.size(),
                                                                  nullptr, false);
    if (document.is_discarded() || !document.is_array()) {
        *problem = QStringLiteral("cfn-lint's output is not a JSON list of findings");
        return false;
    }
    for (const JsonTree& item : document) {
        if (!item.is_object())
            continue;
        Finding finding;
        const auto rule = item.find("Rule");
        const QString ruleId = rule != item.end() && rule->is_object() ? textOf(*rule, "Id") : QString();
        finding.rule = QStringLiteral("cfn-lint:%1").arg(ruleId.isEmpty() ? QStringLiteral("?") : ruleId);
        finding.severity = severityOf(textOf(item, "Level").toStdString());
        finding.message = textOf(item, "Message");
        const auto location = item.find("Location");
        if (location != item.end() && location->is_object()) {
            finding.location.line = intOf(*location, "Start", "LineNumber");
            finding.location.column = intOf(*location, "Start", "ColumnNumber");
            const auto path = location->find("Path");
            if (path != location->end() && path->is_array()) {
                std::string pointer;
                for (const JsonTree& token : *path) {
                    if (token.is_string())
                        pointer = ParsedTree::childPointer(pointer, token.get<std::string>());
                    else if (token.is_number_unsigned() || token.is_number_integer())
                        pointer = ParsedTree::childPointer(pointer, token.get<std::size_t>());
                }
                finding.pointer = QString::fromStdString(pointer);
                if (path->size() >= 2 && (*path)[0] == "Resources" && (*path)[1].is_string())
                    finding.resources.append(QString::fromStdString((*path)[1].get<std::string>()));
            }
        }
        findings->push_back(std::move(finding));
    }
    return true;
}

} // namespace tributary
