#include "model/simulation/EventPatternMatcher.h"

#include "model/MessageError.h"

namespace tributary {

EventPatternMatcher::EventPatternMatcher(PatternTree tree)
    : m_tree(std::move(tree))
{
}

bool EventPatternMatcher::matches(const JsonTree& pattern, const JsonTree& event)
{
    return compile(pattern).matches(event);
}

EventPatternMatcher EventPatternMatcher::compile(const JsonTree& pattern)
{
    try {
        return EventPatternMatcher(PatternTree::compile(pattern, ValueMatcher::Dialect::EventPattern, true));
    } catch (const MessageError& error) {
        throw MessageError(QStringLiteral("event pattern: %1").arg(error.message()));
    }
}

bool EventPatternMatcher::matches(const JsonTree& event) const
{
    return m_tree.matches(event);
}

} // namespace tributary
