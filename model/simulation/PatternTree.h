#pragma once

#include "model/simulation/ValueMatcher.h"

#include <string>
#include <vector>

namespace tributary {

/**
 * One object level of a compiled event pattern or filter policy: every key must match (AND), a
 * key maps to a list of values (a ValueMatcher) or, where nesting is allowed, to a nested level,
 * and "$or" maps to a list of alternative levels of which one must match. Shared by
 * EventPatternMatcher and FilterPolicyMatcher.
 */
class PatternTree
{
public:
    /** A tree that matches everything. */
    PatternTree() = default;

    /**
     * Compiles `pattern`, an object (or JSON text holding one); throws MessageError naming the key
     * at fault. Without `allowNesting`, a key mapping to an object is an error.
     */
    static PatternTree compile(const JsonTree& pattern, ValueMatcher::Dialect dialect, bool allowNesting);

    /** Whether `object` matches; a value that is not an object is matched as an empty object. */
    bool matches(const JsonTree& object) const;

private:
    struct Field {
        std::string key;
        ValueMatcher values;
        std::vector<PatternTree> nested;
    };

    static PatternTree compileLevel(const JsonTree& pattern, ValueMatcher::Dialect dialect, bool allowNesting,
                                    const std::string& path);
    bool nestedMatches(const JsonTree* value) const;

    std::vector<Field> m_fields;
    std::vector<std::vector<PatternTree>> m_alternatives;
};

} // namespace tributary
