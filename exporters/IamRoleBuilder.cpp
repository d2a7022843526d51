#include "exporters/IamRoleBuilder.h"

namespace tributary {

namespace {

/** AWS managed policies that live under service-role/ and that templates name without a path. */
bool isServiceRolePolicy(const std::string& name)
{
    static const char* const names[] = {
        "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSLambdaSQSQueueExecutionRole",
        "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaMSKExecutionRole",
        "AWSLambdaRole", "AWSLambdaENIManagementAccess", "AWSIoTRuleActions", "AWSConfigRulesExecutionRole",
        "AWSLambdaBasicDurableExecutionRolePolicy"};
    for (const char* known : names) {
        if (name == known)
            return true;
    }
    return false;
}

} // namespace

IamRoleBuilder::IamRoleBuilder(const std::string& service)
{
    JsonTree statement = JsonTree::object();
    statement["Action"] = JsonTree::array({"sts:AssumeRole"});
    statement["Effect"] = "Allow";
    statement["Principal"] = {{"Service", JsonTree::array({service})}};
    m_assumeRolePolicy = {{"Version", "2012-10-17"}, {"Statement", JsonTree::array({statement})}};
}

void IamRoleBuilder::addManagedPolicy(const JsonTree& nameOrArn)
{
    if (nameOrArn.is_string()) {
        const std::string text = nameOrArn.get<std::string>();
        if (text.rfind("arn:", 0) != 0) {
            addAwsManagedPolicy(isServiceRolePolicy(text) ? "service-role/" : "", text);
            return;
        }
    }
    for (const JsonTree& present : m_managed) {
        if (present == nameOrArn)
            return;
    }
    m_managed.push_back(nameOrArn);
}

void IamRoleBuilder::addAwsManagedPolicy(const std::string& path, const std::string& name)
{
    const JsonTree arn = {{"Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/" + path + name}};
    for (const JsonTree& present : m_managed) {
        if (present == arn)
            return;
    }
    m_managed.push_back(arn);
}

void IamRoleBuilder::addStatements(const std::string& name, const JsonTree& statement)
{
    addPolicyDocument(name, {{"Version", "2012-10-17"},
                             {"Statement", statement.is_array() ? statement : JsonTree::array({statement})}});
}

void IamRoleBuilder::addPolicyDocument(const std::string& name, const JsonTree& document)
{
    m_policies.push_back({{"PolicyName", name}, {"PolicyDocument", document}});
}

JsonTree IamRoleBuilder::properties() const
{
    JsonTree properties = JsonTree::object();
    properties["AssumeRolePolicyDocument"] = m_assumeRolePolicy;
    if (!m_managed.empty())
        properties["ManagedPolicyArns"] = m_managed;
    if (!m_policies.empty())
        properties["Policies"] = m_policies;
    for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
        properties[it.key()] = it.value();
    return properties;
}

} // namespace tributary
