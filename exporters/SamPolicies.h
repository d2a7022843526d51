#pragma once

#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

class IamRoleBuilder;
class SamExpansion;

/**
 * SAM's `Policies` property turned into grants on a generated role: a managed policy name or ARN,
 * a policy document (inline statements), or a SAM policy template (`SQSPollerPolicy: {QueueName:
 * …}`) expanded from the table in resources/sam/policy-templates.yaml. Inline policies are named
 * `<RoleId>Policy<N>` as SAM names them. Unknown templates and shapes are reported as warnings.
 */
class SamPolicies
{
public:
    static void apply(const JsonTree& policies, const std::string& owner, const std::string& roleId,
                      IamRoleBuilder& role, SamExpansion& expansion);
    /** The statements of the policy template name with its parameters, or null when it is not known. */
    static JsonTree templateStatements(const std::string& name, const JsonTree& parameters);
};

} // namespace tributary
