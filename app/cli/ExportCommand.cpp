#include "app/cli/ExportCommand.h"

#include "app/cli/CliArguments.h"
#include "app/cli/OutputFile.h"
#include "app/cli/TemplateLoading.h"
#include "exporters/CloudFormationExpander.h"
#include "exporters/DotWriter.h"
#include "exporters/MermaidWriter.h"
#include "exporters/TemplateWriter.h"
#include "model/catalogue/Catalogue.h"

namespace tributary {

ExitCode ExportCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString toOption = QStringLiteral("--to");
    CliArguments parsed(*this, arguments, {}, {toOption, QStringLiteral("-o"), QStringLiteral("--output")});
    if (!parsed.isValid(err, 1, 1))
        return ExitCode::UsageError;
    const QString format = parsed.value(toOption);
    const QStringList formats{QStringLiteral("sam-yaml"), QStringLiteral("sam-json"), QStringLiteral("cfn-yaml"),
                              QStringLiteral("cfn-json"), QStringLiteral("mermaid"), QStringLiteral("dot")};
    if (!formats.contains(format)) {
        err << "tributary-cli export: "
            << (format.isEmpty() ? QStringLiteral("missing --to FORMAT")
                                 : QStringLiteral("unknown format '%1'").arg(format))
            << "; choose one of " << formats.join(QStringLiteral(", ")) << ".\n"
            << "Usage: tributary-cli " << name() << " " << synopsis() << "\n";
        return ExitCode::UsageError;
    }

    QStringList warnings;
    const std::optional<Architecture> architecture = TemplateLoading::read(parsed.positional().front(), warnings, err);
    if (!architecture)
        return ExitCode::InputUnreadable;

    QByteArray bytes;
    if (format == QLatin1String("sam-yaml"))
        bytes = TemplateWriter::write(*architecture, TemplateStyle::Format::Yaml);
    else if (format == QLatin1String("sam-json"))
        bytes = TemplateWriter::write(*architecture, TemplateStyle::Format::Json);
    else if (format.startsWith(QLatin1String("cfn-"))) {
        CloudFormationExpander::Result expanded;
        bytes = CloudFormationExpander::write(*architecture,
                                              format == QLatin1String("cfn-json") ? TemplateStyle::Format::Json
                                                                                  : TemplateStyle::Format::Yaml,
                                              &expanded);
        for (const QString& warning : std::as_const(expanded.warnings))
            err << "warning: " << warning << "\n";
        if (!expanded.errors.isEmpty()) {
            for (const QString& error : std::as_const(expanded.errors))
                err << "tributary-cli export: " << error << "\n";
            return ExitCode::ProblemsFound;
        }
    } else if (format == QLatin1String("mermaid"))
        bytes = MermaidWriter().write(*architecture, Catalogue::builtIn());
    else
        bytes = DotWriter().write(*architecture, Catalogue::builtIn());

    const QString output = parsed.value(QStringLiteral("-o"), parsed.value(QStringLiteral("--output")));
    if (!OutputFile::write(output, bytes, name(), out, err))
        return ExitCode::InputUnreadable;
    return ExitCode::Success;
}

} // namespace tributary
