#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-W002: a recursive loop — a function that sends, publishes, puts or writes (an sdk edge, or
 * its on-success destination) into a resource whose deliveries lead back to that same function.
 * Deliveries are edges of meaning async, polled, stream, sync, task, pipeSource, pipeTarget,
 * onSuccess and sdk; failure paths (onFailure, deadLetter) and plain reference/dependency edges are
 * not followed. Each loop is reported once, naming its resources in order. Lambda stops some
 * such loops after about 16 turns (recursive loop detection, SQS/SNS/S3 only); the others run, and
 * bill, until something fails.
 */
class RecursiveLoopRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-W002"); }
    Finding::Severity severity() const override { return Finding::Severity::Warning; }
    QString title() const override { return QStringLiteral("Recursive loop through event edges"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
