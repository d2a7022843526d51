#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-W003: a function that calls another function directly through the Lambda API (an sdk edge
 * between two functions, e.g. functionInvokesFunction). Called synchronously, the caller waits and
 * is billed while the callee runs, timeouts and errors compound, and concurrency is used twice —
 * the "Lambda functions calling Lambda functions" anti-pattern of the Lambda operator guide. An
 * edge whose properties say InvocationType Event is asynchronous and not reported.
 */
class FunctionCallsFunctionRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-W003"); }
    Finding::Severity severity() const override { return Finding::Severity::Warning; }
    QString title() const override { return QStringLiteral("Function invokes a function synchronously"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
