#pragma once

#include <string>

namespace tributary {

class SamExpansion;

/**
 * Expands an AWS::Serverless::StateMachine into an AWS::StepFunctions::StateMachine under the same
 * id and its role `<Id>Role` (states.amazonaws.com, the Policies). Definition becomes
 * DefinitionString: the JSON text, under Fn::Sub when DefinitionSubstitutions or intrinsic
 * functions inside the definition give it variables (`${name}` that no variable names is kept
 * literally); DefinitionUri on S3 becomes DefinitionS3Location. Events (Schedule, ScheduleV2,
 * EventBridgeRule, CloudWatchEvent) start executions through roles of their own.
 */
class SamStateMachineExpander
{
public:
    static void expand(const std::string& id, SamExpansion& expansion);
};

} // namespace tributary
