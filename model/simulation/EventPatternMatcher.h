#pragma once

#include "model/simulation/PatternTree.h"

namespace tributary {

/**
 * EventBridge event pattern matching as the EventBridge documentation describes it ("Event
 * patterns", "Content filtering"): every key must match, a list of values matches when any value
 * does, objects nest, a list in the event matches when any element does, numbers compare by
 * value, plus the operators of ValueMatcher and "$or" at any level. Compile once, then match.
 */
class EventPatternMatcher
{
public:
    /** A matcher of every event (an empty pattern). */
    EventPatternMatcher() = default;

    /** Compiles and matches at once; throws MessageError when the pattern is not valid. */
    static bool matches(const JsonTree& pattern, const JsonTree& event);

    /**
     * Compiles `pattern`, an object or JSON text; throws MessageError ("event pattern: key
     * 'detail/state': …") when EventBridge would refuse it.
     */
    static EventPatternMatcher compile(const JsonTree& pattern);

    /** Whether `event` matches the compiled pattern. */
    bool matches(const JsonTree& event) const;

private:
    explicit EventPatternMatcher(PatternTree tree);

    PatternTree m_tree;
};

} // namespace tributary
