#include "model/simulation/LinkFilter.h"

#include "model/MessageError.h"
#include "model/simulation/EventPatternMatcher.h"
#include "model/simulation/FilterPolicyMatcher.h"
#include "model/simulation/ScenarioError.h"

namespace tributary {

namespace {

const JsonTree* valueAt(const JsonTree& properties, const char* key)
{
    const auto found = properties.find(key);
    return found == properties.end() || found->is_null() ? nullptr : &*found;
}

const JsonTree& member(const JsonTree& payload, const char* key, const JsonTree& fallback)
{
    if (payload.is_object()) {
        const auto found = payload.find(key);
        if (found != payload.end())
            return *found;
    }
    return fallback;
}

} // namespace

std::vector<char> LinkFilter::passes(const Connection& connection, const Architecture& architecture,
                                     const std::vector<EntrySpec>& entries)
{
    std::vector<char> result;
    try {
        const Resource* source = architecture.resource(connection.source);
        const Resource* target = architecture.resource(connection.target);
        if (!source || !target)
            return result;
        if (source->kind == QLatin1String("topic")) {
            const JsonTree* policy = valueAt(connection.properties, "FilterPolicy");
            if (!policy)
                return result;
            const JsonTree* scope = valueAt(connection.properties, "FilterPolicyScope");
            const FilterPolicyMatcher matcher = FilterPolicyMatcher::compile(
                *policy, scope && scope->is_string() && scope->get<std::string>() == "MessageBody"
                    ? FilterPolicyMatcher::Scope::MessageBody
                    : FilterPolicyMatcher::Scope::MessageAttributes);
            const JsonTree empty = JsonTree::object();
            for (const EntrySpec& entry : entries)
                result.push_back(matcher.matches(member(entry.payload, "attributes", empty),
                                                 member(entry.payload, "body", entry.payload))
                                     ? 1
                                     : 0);
            return result;
        }
        if (source->kind != QLatin1String("eventBus"))
            return result;
        const JsonTree* pattern = target->kind == QLatin1String("eventRule")
            ? valueAt(target->properties, "EventPattern")
            : valueAt(connection.properties, "Pattern");
        if (!pattern)
            return result;
        const EventPatternMatcher matcher = EventPatternMatcher::compile(*pattern);
        for (const EntrySpec& entry : entries)
            result.push_back(matcher.matches(entry.payload) ? 1 : 0);
    } catch (const ScenarioError&) {
        throw;
    } catch (const MessageError& error) {
        throw ScenarioError(QStringLiteral("connection %1 (%2 to %3): %4")
                                .arg(connection.id, connection.source, connection.target, error.message()));
    }
    return result;
}

} // namespace tributary
