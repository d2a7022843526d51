#pragma once

#include "model/validation/Finding.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace tributary {

/**
 * Runs cfn-lint (the CloudFormation linter) on a template file and reads its findings as Findings:
 * rule "cfn-lint:<id>" (e.g. "cfn-lint:E3002"), severity from its level, the resource from
 * Location.Path when that starts with ["Resources", id, …], the JSON pointer of that path, and its
 * start line and column.
 */
class CfnLintRunner
{
public:
    struct Result
    {
        /** False when cfn-lint could not be run or its output not read; problem says why. */
        bool ran = false;
        QString problem;
        std::vector<Finding> findings;
    };

    /** The path of cfn-lint found on PATH, or an empty string. */
    static QString executable();
    static bool isAvailable() { return !executable().isEmpty(); }

    /** Runs `program -f json path`, waiting at most timeoutMs; program defaults to executable(). */
    static Result run(const QString& path, int timeoutMs = 120000, const QString& program = {});

    /** Reads cfn-lint's JSON output; false, with problem set, when it is not the list cfn-lint writes. */
    static bool parse(const QByteArray& output, std::vector<Finding>* findings, QString* problem);
};

} // namespace tributary
