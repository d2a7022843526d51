#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E004: a queue's dead-letter queue (a queueDeadLetterToQueue edge) of the other type: "the
 * dead-letter queue of a FIFO queue must also be a FIFO queue; the dead-letter queue of a standard
 * queue must also be a standard queue" (SQS developer guide, "Using dead-letter queues").
 * SQS refuses the RedrivePolicy. Queues whose FifoQueue is an intrinsic function are skipped.
 */
class DeadLetterQueueTypeRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E004"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("Dead-letter queue of a different type (FIFO or standard)"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
