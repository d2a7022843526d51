#pragma once

#include "app/cli/CliCommand.h"

namespace tributary {

/**
 * `export FILE --to FORMAT [-o OUT]`: writes a template as a SAM template (sam-yaml, sam-json) or
 * a diagram (mermaid, dot). cfn-yaml and cfn-json (plain CloudFormation) are not available yet:
 * asking for them is a usage error with a message that says so.
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
        return QStringLiteral("Write a template as FORMAT: sam-yaml, sam-json, mermaid or dot "
                              "(cfn-yaml and cfn-json are not available yet).");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;
};

} // namespace tributary
