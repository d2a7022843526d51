#pragma once

#include "app/cli/CliCommand.h"

namespace tributary {

/** `roundtrip FILE [-o OUT]`: reads a template and writes it back in its own format and style. */
class RoundtripCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("roundtrip"); }
    QString synopsis() const override { return QStringLiteral("FILE [-o OUT]"); }
    QString summary() const override
    {
        return QStringLiteral("Read a template and write it back as Tributary saves it (to OUT, or - for stdout).");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;
};

} // namespace tributary
