#include "model/simulation/LinkFilter.h"

#include "model/MessageError.h"
#include "model/simulation/EventPatternMatcher.h"
#include "model/simulation/FilterPolicyMatcher.h"
#include "model/simulation/ScenarioError.h"

namespace tributary {

namespace {

const JsonTree* valueAt(const JsonTree& properties, const char* pointer)
{
    const JsonTree::json_pointer at(pointer);
    return properties.contains(at) && !properties.at(at).is_null() ? &properties.at(at) : nullptr;
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

// Lambda parses a record's body or data for filtering when it is JSON; otherwise the text is matched.
JsonTree parsedWhenJson(const JsonTree& value)
{
    if (!value.is_string())
        return value;
    JsonTree parsed = JsonTree::parse(value.get<std::string>(), nullptr, false);
    return parsed.is_object() || parsed.is_array() ? parsed : value;
}

template <typename Matches>
std::vector<char> flagsOf(const std::vector<PayloadSpec>& payloads, Matches matches)
{
    std::vector<char> result;
    result.reserve(payloads.size());
    for (const PayloadSpec& payload : payloads)
        result.push_back(matches(payload.json) ? 1 : 0);
    return result;
}

// FilterCriteria (named `where` in errors): {"Filters": [{"Pattern": "<event pattern as JSON text>"}, ...]},
// the patterns OR-ed.
std::vector<EventPatternMatcher> compileCriteria(const JsonTree& criteria, const QString& where)
{
    const JsonTree* filters = criteria.is_object() ? valueAt(criteria, "/Filters") : nullptr;
    if (!filters || !filters->is_array())
        throw MessageError(QStringLiteral("%1: expected {Filters: [{Pattern: ...}]}").arg(where));
    std::vector<EventPatternMatcher> matchers;
    for (std::size_t i = 0; i < filters->size(); ++i) {
        const JsonTree* pattern = (*filters)[i].is_object() ? valueAt((*filters)[i], "/Pattern") : nullptr;
        if (!pattern)
            throw MessageError(QStringLiteral("%1/Filters/%2: expected a Pattern").arg(where).arg(i));
        try {
            matchers.push_back(EventPatternMatcher::compile(*pattern));
        } catch (const MessageError& error) {
            throw MessageError(QStringLiteral("%1/Filters/%2/Pattern: %3").arg(where).arg(i).arg(error.message()));
        }
    }
    return matchers;
}

} // namespace

JsonTree LinkFilter::recordOf(const std::string& sourceKind, const JsonTree& payload)
{
    JsonTree record = JsonTree::object();
    if (sourceKind == "queue") {
        record["body"] = parsedWhenJson(member(payload, "body", payload));
        for (const char* key : {"attributes", "messageAttributes"})
            if (payload.is_object() && payload.contains(key))
                record[key] = payload[key];
    } else if (sourceKind == "stream") {
        record["data"] = parsedWhenJson(member(payload, "data", payload));
        if (payload.is_object() && payload.contains("partitionKey"))
            record["partitionKey"] = payload["partitionKey"];
    } else {
        static const JsonTree insert = "INSERT";
        static const JsonTree empty = JsonTree::object();
        record["eventName"] = member(payload, "eventName", insert);
        record["dynamodb"] = member(payload, "dynamodb", empty);
    }
    return record;
}

std::vector<char> LinkFilter::passes(const Connection& connection, const Architecture& architecture,
                                     const std::vector<PayloadSpec>& payloads)
{
    try {
        const Resource* source = architecture.resource(connection.source);
        const Resource* target = architecture.resource(connection.target);
        if (!source || !target)
            return {};
        if (source->kind == QLatin1String("topic")) {
            const JsonTree* policy = valueAt(connection.properties, "/FilterPolicy");
            if (!policy)
                return {};
            const JsonTree* scope = valueAt(connection.properties, "/FilterPolicyScope");
            const FilterPolicyMatcher matcher = FilterPolicyMatcher::compile(
                *policy, scope && scope->is_string() && scope->get<std::string>() == "MessageBody"
                    ? FilterPolicyMatcher::Scope::MessageBody
                    : FilterPolicyMatcher::Scope::MessageAttributes);
            const JsonTree empty = JsonTree::object();
            return flagsOf(payloads, [&](const JsonTree& payload) {
                return matcher.matches(member(payload, "attributes", empty), member(payload, "body", payload));
            });
        }
        const bool mapped = source->kind == QLatin1String("queue") || source->kind == QLatin1String("stream")
            || source->kind == QLatin1String("table");
        const bool toPipe = target->kind == QLatin1String("pipe");
        const JsonTree* criteria = !mapped ? nullptr
            : toPipe                       ? valueAt(target->properties, "/SourceParameters/FilterCriteria")
                                           : valueAt(connection.properties, "/FilterCriteria");
        if (criteria) {
            const std::vector<EventPatternMatcher> matchers = compileCriteria(
                *criteria, toPipe ? QStringLiteral("%1's SourceParameters/FilterCriteria").arg(target->id)
                                  : QStringLiteral("FilterCriteria"));
            if (matchers.empty())
                return {};
            const std::string kind = source->kind.toStdString();
            return flagsOf(payloads, [&](const JsonTree& payload) {
                const JsonTree record = recordOf(kind, payload);
                for (const EventPatternMatcher& matcher : matchers)
                    if (matcher.matches(record))
                        return true;
                return false;
            });
        }
        if (source->kind != QLatin1String("eventBus"))
            return {};
        const JsonTree* pattern = target->kind == QLatin1String("eventRule")
            ? valueAt(target->properties, "/EventPattern")
            : valueAt(connection.properties, "/Pattern");
        if (!pattern)
            return {};
        const EventPatternMatcher matcher = EventPatternMatcher::compile(*pattern);
        return flagsOf(payloads, [&](const JsonTree& payload) { return matcher.matches(payload); });
    } catch (const ScenarioError&) {
        throw;
    } catch (const MessageError& error) {
        throw ScenarioError(QStringLiteral("connection %1 (%2 to %3): %4")
                                .arg(connection.id, connection.source, connection.target, error.message()));
    }
}

} // namespace tributary
