#include "exporters/SamPolicies.h"

#include "exporters/IamRoleBuilder.h"
#include "exporters/SamExpansion.h"
#include "model/tree/YamlTreeReader.h"

#include <QFile>

namespace tributary {

namespace {

const JsonTree& policyTemplates()
{
    static const JsonTree templates = [] {
        QFile file(QStringLiteral(":/sam/policy-templates.yaml"));
        if (!file.open(QIODevice::ReadOnly))
            return JsonTree(JsonTree::object());
        return YamlTreeReader::read(file.readAll(), file.fileName()).value;
    }();
    return templates;
}

void substitute(JsonTree& value, const JsonTree& parameters)
{
    if (value.is_object()) {
        if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string()) {
            const std::string name = value["Ref"].get<std::string>();
            if (parameters.is_object() && parameters.contains(name)) {
                value = parameters[name];
                return;
            }
        }
        for (auto it = value.begin(); it != value.end(); ++it)
            substitute(it.value(), parameters);
    } else if (value.is_array()) {
        for (JsonTree& item : value)
            substitute(item, parameters);
    }
}

} // namespace

JsonTree SamPolicies::templateStatements(const std::string& name, const JsonTree& parameters)
{
    const JsonTree& templates = policyTemplates();
    if (!templates.contains(name))
        return nullptr;
    JsonTree statements = templates[name]["Statement"];
    substitute(statements, parameters);
    return statements;
}

void SamPolicies::apply(const JsonTree& policies, const std::string& owner, const std::string& roleId,
                        IamRoleBuilder& role, SamExpansion& expansion)
{
    if (policies.is_null())
        return;
    const JsonTree list = policies.is_array() ? policies : JsonTree::array({policies});
    const auto policyName = [&] { return roleId + "Policy" + std::to_string(role.policyCount()); };
    for (const JsonTree& policy : list) {
        if (policy.is_string()) {
            role.addManagedPolicy(policy);
            continue;
        }
        if (!policy.is_object() || policy.empty()) {
            expansion.warn(QStringLiteral("%1: a policy that is not a name, a document or a policy template is left out")
                               .arg(SamExpansion::q(owner)));
            continue;
        }
        if (policy.contains("Statement")) {
            role.addPolicyDocument(policyName(), policy);
            continue;
        }
        const std::string key = policy.begin().key();
        if (policy.size() == 1 && (key == "Ref" || key.rfind("Fn::", 0) == 0)) {
            role.addManagedPolicy(policy);
            continue;
        }
        const JsonTree statements = policy.size() == 1 ? templateStatements(key, policy.begin().value()) : JsonTree();
        if (statements.is_null()) {
            expansion.warn(QStringLiteral("%1: the policy template '%2' is not one Tributary expands; it is left out of "
                                          "the role")
                               .arg(SamExpansion::q(owner), QString::fromStdString(key)));
            continue;
        }
        role.addStatements(policyName(), statements);
    }
}

} // namespace tributary
