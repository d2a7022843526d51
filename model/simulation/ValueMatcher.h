#pragma once

#include "model/tree/JsonTree.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tributary {

/**
 * The list of values a key of an EventBridge event pattern or an SNS filter policy maps to,
 * compiled once: exact strings, numbers (compared numerically), booleans and null, and the
 * operators prefix, suffix (both also with equals-ignore-case), equals-ignore-case, wildcard,
 * anything-but (a value, a list, or prefix/suffix/equals-ignore-case/wildcard), numeric ranges,
 * cidr (IPv4 and IPv6) and exists. The list matches when any of its values matches (OR).
 */
class ValueMatcher
{
public:
    /** Which service's rules the list follows: SNS filter policies have no wildcard. */
    enum class Dialect { EventPattern, SnsFilterPolicy };

    /**
     * Compiles `values`, a JSON list; throws MessageError naming `path` (the key, as "a/b") when
     * it is not a list or holds something neither service accepts.
     */
    static ValueMatcher compile(const JsonTree& values, Dialect dialect, const std::string& path);

    /**
     * Whether the value found at the key matches; `value` is nullptr when the key is absent. A
     * list is flattened: it matches when any element matches. `exists` sees only leaf values, so
     * an absent key, an empty list and an object all count as "does not exist".
     */
    bool matches(const JsonTree* value) const;

private:
    enum class Kind {
        String, Number, Boolean, Null, Prefix, Suffix, EqualsIgnoreCase, Wildcard, Numeric, Cidr, Exists, AnythingBut,
    };
    enum class Comparison { Less, LessOrEqual, Equal, Greater, GreaterOrEqual };
    struct Bound {
        Comparison comparison;
        double number;
    };
    struct IpRange {
        std::array<std::uint8_t, 16> bytes{};
        int prefixBits = 0;
        bool v6 = false;
    };
    struct Condition {
        Kind kind = Kind::String;
        std::string text;
        double number = 0;
        bool flag = false;
        std::vector<std::string> segments;
        std::vector<Bound> bounds;
        IpRange range;
        std::vector<Condition> excluded;
    };

    static Condition compileValue(const JsonTree& value, Dialect dialect, const std::string& path);
    static Condition compileOperator(const std::string& name, const JsonTree& argument, Dialect dialect,
                                     const std::string& path);
    static Condition compileAnythingBut(const JsonTree& argument, Dialect dialect, const std::string& path);
    static Condition compileAffix(Kind kind, const std::string& name, const JsonTree& argument,
                                  const std::string& path);
    static Condition compileNumeric(const JsonTree& argument, const std::string& path);
    static Condition compileWildcard(const JsonTree& argument, const std::string& path);
    static Condition compileCidr(const JsonTree& argument, const std::string& path);
    static bool conditionMatches(const Condition& condition, const JsonTree& leaf);
    static bool wildcardMatches(const std::vector<std::string>& segments, const std::string& text);
    bool anyLeafMatches(const JsonTree& value, bool& sawLeaf) const;

    std::vector<Condition> m_conditions;
    bool m_matchesMissing = false;
    bool m_matchesPresent = false;
};

} // namespace tributary
