#include "model/simulation/FilterPolicyMatcher.h"

#include "model/MessageError.h"

#include <algorithm>

namespace tributary {

namespace {

bool isTypedAttribute(const JsonTree& value)
{
    return value.is_object() && value.contains("Type") && value.contains("Value") && value["Type"].is_string();
}

/** The value of one {"Type", "Value"} attribute, or a discarded value when it is not matchable. */
JsonTree typedValue(const JsonTree& attribute)
{
    const std::string& type = attribute["Type"].get_ref<const std::string&>();
    const JsonTree& value = attribute["Value"];
    if (!value.is_string())
        return value;
    const std::string& text = value.get_ref<const std::string&>();
    if (type.rfind("Number", 0) == 0) {
        const JsonTree number = JsonTree::parse(text, nullptr, false);
        return number.is_number() ? number : JsonTree(JsonTree::value_t::discarded);
    }
    if (type == "String.Array") {
        const JsonTree list = JsonTree::parse(text, nullptr, false);
        return list.is_array() ? list : JsonTree(JsonTree::value_t::discarded);
    }
    if (type.rfind("String", 0) == 0)
        return value;
    return JsonTree(JsonTree::value_t::discarded);
}

} // namespace

FilterPolicyMatcher::FilterPolicyMatcher(PatternTree tree, Scope scope)
    : m_tree(std::move(tree))
    , m_scope(scope)
{
}

bool FilterPolicyMatcher::matches(const JsonTree& policy, Scope scope, const JsonTree& messageAttributes,
                                  const JsonTree& body)
{
    return compile(policy, scope).matches(messageAttributes, body);
}

FilterPolicyMatcher FilterPolicyMatcher::compile(const JsonTree& policy, Scope scope)
{
    try {
        return FilterPolicyMatcher(
            PatternTree::compile(policy, ValueMatcher::Dialect::SnsFilterPolicy, scope == Scope::MessageBody), scope);
    } catch (const MessageError& error) {
        throw MessageError(QStringLiteral("filter policy: %1").arg(error.message()));
    }
}

JsonTree FilterPolicyMatcher::plainAttributes(const JsonTree& messageAttributes)
{
    JsonTree plain = JsonTree::object();
    for (auto it = messageAttributes.begin(); it != messageAttributes.end(); ++it) {
        JsonTree value = isTypedAttribute(it.value()) ? typedValue(it.value()) : it.value();
        if (!value.is_discarded())
            plain[it.key()] = std::move(value);
    }
    return plain;
}

bool FilterPolicyMatcher::matches(const JsonTree& messageAttributes, const JsonTree& body) const
{
    if (m_scope == Scope::MessageBody) {
        if (!body.is_string())
            return m_tree.matches(body);
        return m_tree.matches(JsonTree::parse(body.get<std::string>(), nullptr, false));
    }
    if (!messageAttributes.is_object())
        return m_tree.matches(JsonTree::object());
    const bool typed = std::any_of(messageAttributes.begin(), messageAttributes.end(), isTypedAttribute);
    return typed ? m_tree.matches(plainAttributes(messageAttributes)) : m_tree.matches(messageAttributes);
}

} // namespace tributary
