#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E006: a FIFO queue or topic on an edge that does not support it, or without what it needs.
 * The documented cases checked:
 *
 * - a standard SNS topic subscribing a FIFO queue: standard topics deliver only to standard queues
 *   (SNS developer guide, "Message delivery for FIFO topics" / Subscribe API);
 * - a FIFO SNS topic subscribing a Lambda function: FIFO topics deliver only to SQS queues (same
 *   page: "to fan out messages from SNS FIFO topics to Lambda functions … subscribe SQS queues"),
 *   unless SAM puts a queue between them (SqsSubscription on the SNS event);
 * - an EventBridge rule or a Scheduler schedule sending to a FIFO queue without a MessageGroupId in
 *   its SqsParameters, or to a FIFO queue without ContentBasedDeduplication ("If you specify an SQS
 *   FIFO queue as a target, the queue must have content-based deduplication enabled", EventBridge
 *   Target.SqsParameters and Scheduler SqsParameters references);
 * - an EventBridge pipe sending to a FIFO queue without SqsQueueParameters.MessageGroupId, or
 *   without a deduplication id when the queue has no content-based deduplication;
 * - a Lambda on-success or on-failure destination or dead-letter queue that is a FIFO queue or
 *   FIFO topic ("Capturing records of Lambda asynchronous invocations": a standard queue or topic;
 *   AWS::Lambda::EventInvokeConfig DestinationConfig: "FIFO queues cannot be used");
 * - a FIFO queue polled by Lambda with a BatchSize above 10 (Lambda developer guide, SQS event
 *   source: FIFO batches hold at most 10 messages);
 * - an S3 bucket notification (NotificationConfiguration QueueConfigurations/TopicConfigurations)
 *   naming a FIFO queue or topic: S3 event notifications support neither (SQS developer guide,
 *   "FIFO queue compatibility"; S3 event notification destinations).
 */
class FifoTargetRule : public ValidationRule
{
public:
    static constexpr int maximumFifoBatchSize = 10;

    QString id() const override { return QStringLiteral("TRIB-E006"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("FIFO queue or topic on an edge that does not support it"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
