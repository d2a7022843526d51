#pragma once

#include "app/cli/CliCommand.h"

namespace tributary {

/** `import FILE [--json]`: what Tributary reads in a template: resources and connections by kind and rule. */
class ImportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString synopsis() const override { return QStringLiteral("FILE [--json]"); }
    QString summary() const override
    {
        return QStringLiteral("Read a template and report its resources, connections, generic types and warnings.");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;
};

} // namespace tributary
