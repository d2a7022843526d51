#include "app/cli/RoundtripCommand.h"

#include "app/cli/CliArguments.h"
#include "app/cli/OutputFile.h"
#include "app/cli/TemplateLoading.h"
#include "exporters/TemplateWriter.h"

namespace tributary {

ExitCode RoundtripCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    CliArguments parsed(*this, arguments, {}, {QStringLiteral("-o"), QStringLiteral("--output")});
    if (!parsed.isValid(err, 1, 1))
        return ExitCode::UsageError;
    QStringList warnings;
    const std::optional<Architecture> architecture = TemplateLoading::read(parsed.positional().front(), warnings, err);
    if (!architecture)
        return ExitCode::InputUnreadable;
    const QString output = parsed.value(QStringLiteral("-o"), parsed.value(QStringLiteral("--output")));
    if (!OutputFile::write(output, TemplateWriter::write(*architecture), name(), out, err))
        return ExitCode::InputUnreadable;
    return ExitCode::Success;
}

} // namespace tributary
