#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

namespace tributary {

/**
 * Whether an EventBridge event pattern, an SNS filter policy or a Lambda/Pipes FilterCriteria has
 * the shape those services accept. A pattern is a non-empty object; each key maps to a nested
 * pattern object (not in an SNS attribute policy) or to a non-empty list of values: strings,
 * numbers, booleans, null, or one-key operator objects — prefix, suffix, anything-but, numeric,
 * exists, equals-ignore-case, wildcard, cidr; "$or" maps to a list of patterns. Values that are
 * intrinsic functions are taken as valid. Limits (number of keys, combinations) are not checked.
 */
class EventPatternCheck
{
public:
    enum class Dialect {
        /** EventBridge rules and pipes, Lambda event filtering. */
        EventPattern,
        /** An SNS filter policy with FilterPolicyScope MessageAttributes (the default): no nesting. */
        SnsAttributes,
        /** An SNS filter policy with FilterPolicyScope MessageBody: nesting allowed. */
        SnsBody,
    };

    /**
     * Why a pattern is not valid, as a sentence fragment naming the key at fault; empty when it is
     * (or when it is an intrinsic function). A string is parsed as JSON text first, since templates
     * may give patterns either way.
     */
    static QString problem(const JsonTree& pattern, Dialect dialect);

    /**
     * The same for a FilterCriteria value: {"Filters": [{"Pattern": pattern}, …]}, each pattern
     * JSON text (or an object) in the EventPattern dialect.
     */
    static QString filterCriteriaProblem(const JsonTree& criteria);
};

} // namespace tributary
