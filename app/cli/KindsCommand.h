#pragma once

#include "app/cli/CliCommand.h"

namespace tributary {

/** `kinds [--json]`: the catalogue's kinds and connection rules. */
class KindsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("kinds"); }
    QString synopsis() const override { return QStringLiteral("[--json]"); }
    QString summary() const override
    {
        return QStringLiteral("List the resource kinds and connection rules of the catalogue.");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;
};

} // namespace tributary
