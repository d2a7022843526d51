#pragma once

#include "app/cli/CliCommand.h"
#include "model/validation/Finding.h"

#include <vector>

namespace tributary {

struct ParsedTree;

/**
 * `validate FILE [--json] [--cfn-lint]`: reads a template, runs every validation rule (and, with
 * --cfn-lint, cfn-lint when it is on PATH) and prints the problems with their rule, severity,
 * resources and file position. Exit status 1 when any problem is an error, 3 when the file cannot
 * be read as a template.
 */
class ValidateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString synopsis() const override { return QStringLiteral("FILE [--json] [--cfn-lint]"); }
    QString summary() const override
    {
        return QStringLiteral("Check a template for design problems (and with cfn-lint, when asked).");
    }
    ExitCode run(const QStringList& arguments, QTextStream& out, QTextStream& err) override;

    /** Gives each finding without a position the position of its pointer (or of the nearest parent the file has). */
    static void locate(std::vector<Finding>& findings, const ParsedTree& tree);
};

} // namespace tributary
