#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-W001: a Lambda function invoked asynchronously with nowhere to send the events it fails on.
 * A function is invoked asynchronously when an edge of meaning async ends at it (a topic, bucket,
 * rule, bus or schedule), when another function's on-success or on-failure destination is it, when
 * a pipe targets it with InvocationType FIRE_AND_FORGET, or when its SAM Events include an
 * asynchronous type (S3, SNS, EventBridgeRule, CloudWatchEvent, Schedule, ScheduleV2, IoTRule,
 * CloudWatchLogs) — but not through an SNS event with SqsSubscription, where SAM puts a queue
 * the function polls between them. It has failure handling when an onFailure or deadLetter edge leaves it, or its
 * properties (or SAM Globals) set DeadLetterQueue, DeadLetterConfig.TargetArn or
 * EventInvokeConfig.DestinationConfig.OnFailure, or an AWS::Lambda::EventInvokeConfig resource
 * naming it sets DestinationConfig.OnFailure. Without any, an event that fails every retry is
 * dropped silently.
 */
class AsyncFailureDestinationRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-W001"); }
    Finding::Severity severity() const override { return Finding::Severity::Warning; }
    QString title() const override
    {
        return QStringLiteral("Asynchronously invoked function without on-failure destination or dead-letter queue");
    }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
