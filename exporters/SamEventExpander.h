#pragma once

#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

class IamRoleBuilder;
class SamExpansion;

/**
 * Expands one entry of a SAM function's or state machine's `Events` into the CloudFormation
 * resources SAM generates for it, with SAM's logical ids (`<Owner><Event>`, `<Owner><Event>Permission`,
 * `<Owner><Event>Role` …): event source mappings (SQS, Kinesis, DynamoDB, MSK, MQ,
 * SelfManagedKafka, DocumentDB) with the poller permissions on the owner's role, SNS
 * subscriptions, EventBridge rules (EventBridgeRule, CloudWatchEvent, Schedule), EventBridge
 * Scheduler schedules (ScheduleV2), S3 notifications, API routes (Api, HttpApi; written by
 * SamApiExpander; a state machine's Api route starts an execution through a role
 * `<Owner><Event>Role`), CloudWatch Logs subscription filters, IoT rules, Cognito triggers and
 * Alexa skills, each with its Lambda permission. Other event types are kept in the owner's
 * Metadata (TributaryUnexpandedEvents) with a warning.
 */
class SamEventExpander
{
public:
    /** What the events of one function or state machine invoke. */
    struct Target
    {
        std::string owner;
        bool stateMachine = false;
        /** The ARN targets and subscriptions invoke (the function, its alias, or the state machine). */
        JsonTree arn;
        /** FunctionName of mappings and permissions (functions only). */
        JsonTree functionName;
        /** The owner's generated role, or nullptr when the template names its own. */
        IamRoleBuilder* role = nullptr;
        std::string roleId;
    };

    static void expand(const std::string& name, const JsonTree& event, const Target& target, SamExpansion& expansion);
};

} // namespace tributary
