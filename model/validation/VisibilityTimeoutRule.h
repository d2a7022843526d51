#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E003: an SQS queue polled by a Lambda function (a queueToFunction edge) whose visibility
 * timeout is shorter than six times the function's timeout plus the edge's batching window, as the
 * Lambda developer guide asks ("Configuring a queue to use with Lambda"). Shorter, a message whose
 * batch is still running becomes visible again and is processed twice; shorter than the timeout
 * itself, CloudFormation refuses the event source mapping. Absent values take the catalogue field
 * defaults (SQS 30 s, Lambda 3 s, window 0 s); a function's timeout may come from SAM Globals.
 * Values that are intrinsic functions are skipped.
 */
class VisibilityTimeoutRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E003"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override
    {
        return QStringLiteral("SQS visibility timeout shorter than six times the consuming function's timeout");
    }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
