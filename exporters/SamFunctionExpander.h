#pragma once

#include <string>

namespace tributary {

class SamExpansion;

/**
 * Expands an AWS::Serverless::Function: the AWS::Lambda::Function under the same logical id (so
 * `Ref` and `Fn::GetAtt … Arn` keep working), its execution role `<Id>Role` (basic execution,
 * X-Ray and VPC access as configured, the Policies, and what its events and destinations need),
 * InlineCode/CodeUri/ImageUri as Code, Tracing, DeadLetterQueue, Tags, AutoPublishAlias (Version
 * and Alias, with `<Id>.Alias` and `<Id>.Version` references rewritten), ProvisionedConcurrency,
 * EventInvokeConfig, FunctionUrlConfig and every entry of Events (SamEventExpander).
 */
class SamFunctionExpander
{
public:
    static void expand(const std::string& id, SamExpansion& expansion);
};

} // namespace tributary
