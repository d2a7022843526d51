#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E001: a resource or connection lacks a property AWS requires. "Required" means:
 *
 * - for the CloudFormation types of the catalogue's kinds, the properties the CloudFormation
 *   resource reference (and, for AWS::Serverless::*, the SAM specification) marks required, with
 *   their documented alternatives and exceptions, looked up in the resource and then in its SAM
 *   Globals section: a function needs Runtime and Handler unless PackageType is Image, a
 *   Lambda::Function also Code and Role (a SAM function without CodeUri is packaged from the
 *   template's folder by the SAM CLI, so its code is not required); a
 *   DynamoDB::Table KeySchema and AttributeDefinitions; an Events::Rule EventPattern or
 *   ScheduleExpression; an Events::EventBus Name; a Scheduler::Schedule ScheduleExpression,
 *   FlexibleTimeWindow and Target; a Pipes::Pipe RoleArn, Source and Target; a
 *   StepFunctions::StateMachine RoleArn and a definition; a Serverless::StateMachine Definition or
 *   DefinitionUri; a RestApi or ApiGatewayV2::Api a Name or a Body (and the V2 API a ProtocolType
 *   or a Body); a Serverless::Api a StageName. Queues, topics, buckets, streams, delivery
 *   streams, user pools, HTTP APIs and simple tables need nothing.
 * - data-driven, for any kind or connection rule: a catalogue field whose help text starts or ends
 *   with the sentence "Required." (the descriptor format has no `required` key yet), e.g. the
 *   maxReceiveCount of queueDeadLetterToQueue. For connections this applies to edges no template
 *   part realises yet (drawn, not saved): an edge read from a template is judged by the template.
 *
 * Resources whose Properties are an intrinsic function or hold Fn::Transform are skipped.
 */
class RequiredPropertiesRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E001"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("Required property missing"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;

    /** True when a catalogue field's help marks it required ("Required." as its first or last sentence). */
    static bool isMarkedRequired(const QString& help);
};

} // namespace tributary
