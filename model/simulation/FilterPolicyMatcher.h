#pragma once

#include "model/simulation/PatternTree.h"

namespace tributary {

/**
 * SNS subscription filter policies ("Amazon SNS message filtering"). With the MessageAttributes
 * scope (the default) the policy's keys name message attributes and cannot nest; with the
 * MessageBody scope the policy is matched like an event pattern against the JSON body. The value
 * operators are those of ValueMatcher (SNS dialect: no wildcard).
 */
class FilterPolicyMatcher
{
public:
    enum class Scope { MessageAttributes, MessageBody };

    /** A matcher of every message (a subscription without a filter policy). */
    FilterPolicyMatcher() = default;

    /** Compiles and matches at once; throws MessageError when the policy is not valid. */
    static bool matches(const JsonTree& policy, Scope scope, const JsonTree& messageAttributes, const JsonTree& body);

    /**
     * Compiles `policy`, an object or JSON text; throws MessageError ("filter policy: key 'store':
     * …") when SNS would refuse it.
     */
    static FilterPolicyMatcher compile(const JsonTree& policy, Scope scope);

    /**
     * Whether the message matches. `messageAttributes` maps each name to a string, a number or a
     * list of them (String.Array); the SNS API shape {"Type": …, "Value": …} is also understood
     * (Binary attributes are ignored, as SNS does). `body` is an object or JSON text; a body that is
     * not a JSON object matches as an empty object. Only the scope's input is read.
     */
    bool matches(const JsonTree& messageAttributes, const JsonTree& body) const;

    Scope scope() const { return m_scope; }

private:
    FilterPolicyMatcher(PatternTree tree, Scope scope);

    static JsonTree plainAttributes(const JsonTree& messageAttributes);

    PatternTree m_tree;
    Scope m_scope = Scope::MessageAttributes;
};

} // namespace tributary
