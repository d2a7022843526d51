#pragma once

#include "model/simulation/AslPath.h"
#include "model/tree/JsonTree.h"

#include <string>
#include <vector>

namespace tributary {

/**
 * One rule of a Choice state (Amazon States Language, JSONPath): a comparison of the value at
 * Variable (StringEquals, StringMatches, String/Numeric/Timestamp Equals, LessThan, GreaterThan
 * and their …Equals, BooleanEquals, each also as …Path), a type test (IsPresent, IsNull,
 * IsNumeric, IsString, IsBoolean, IsTimestamp) or And/Or/Not of rules. A JSONata Condition cannot
 * be evaluated here and is never true.
 */
class AslChoiceRule
{
public:
    /** True, False, or States.Runtime: a path the comparison needs is not in the input. */
    enum class Result { True, False, Runtime };

    /** Compiles a rule object; throws MessageError naming what is wrong (an unknown operator …). */
    static AslChoiceRule compile(const JsonTree& rule);

    Result evaluate(const JsonTree& input) const;
    /** Whether the rule or one inside it is a JSONata Condition. */
    bool hasCondition() const;

private:
    enum class Op { And, Or, Not, Compare, Matches, IsPresent, IsNull, IsNumeric, IsString, IsBoolean, IsTimestamp, Condition };
    enum class Family { String, Numeric, Boolean, Timestamp };
    enum class Relation { Equals, Less, Greater, LessEquals, GreaterEquals };

    static bool readOperator(const std::string& name, AslChoiceRule& rule);
    Result compare(const JsonTree& left, const JsonTree& right) const;

    Op m_op = Op::Condition;
    Family m_family = Family::String;
    Relation m_relation = Relation::Equals;
    AslPath m_variable;
    JsonTree m_value;
    bool m_valueIsPath = false;
    AslPath m_valuePath;
    std::vector<AslChoiceRule> m_rules;
};

} // namespace tributary
