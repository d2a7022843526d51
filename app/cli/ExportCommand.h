#pragma once

#include "app/cli/CliCommand.h"

namespace tributary {

/**
 * `export FILE --to FORMAT [-o OUT]`: writes a template as a SAM template (sam-yaml, sam-json),
 * plain CloudFormation with the SAM transform expanded (cfn-yaml, cfn-json; what was left out is
 * a warning on stderr, and a resource that cannot be expanded fails the export with exit code 1
 * and no output), or a diagram (mermaid, dot).
 */
class ExportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString synopsis() const override
    {
        return QStringLiteral("FILE --to FORMAT [-o OUT]");
    }
    QString summary() const override
    {
        return QStringLiteral("Write a template as FORMAT: sam-yaml, sam-json, cfn-yaml, cfn-json (plain "
                              "CloudFormation, SAM expanded), mermaid or dot.");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;
};

} // namespace tributary
