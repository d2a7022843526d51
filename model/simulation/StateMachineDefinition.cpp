#include "model/simulation/StateMachineDefinition.h"

#include "model/MessageError.h"
#include "model/References.h"
#include "model/simulation/AslChoiceRule.h"
#include "model/simulation/ScenarioError.h"

#include <algorithm>
#include <map>

namespace tributary {

namespace {

const char* const predefinedNames[] = {"States.TaskFailed", "Lambda.TooManyRequestsException", "Sandbox.Timedout",
                                       "States.Timeout",    "States.NoChoiceMatched",         "States.Runtime"};

// Task parameters that name the resource a service integration calls, most telling first.
const char* const targetKeys[] = {"FunctionName", "QueueUrl",   "TopicArn",   "TableName",         "EventBusName",
                                  "StateMachineArn", "StreamName", "Bucket", "DeliveryStreamName"};

const std::pair<const char*, StateMachineDefinition::Type> typeNames[] = {
    {"Task", StateMachineDefinition::Type::Task},         {"Pass", StateMachineDefinition::Type::Pass},
    {"Wait", StateMachineDefinition::Type::Wait},         {"Choice", StateMachineDefinition::Type::Choice},
    {"Succeed", StateMachineDefinition::Type::Succeed},   {"Fail", StateMachineDefinition::Type::Fail},
    {"Parallel", StateMachineDefinition::Type::Parallel}, {"Map", StateMachineDefinition::Type::Map},
};

const JsonTree* member(const JsonTree& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? nullptr : &*found;
}

// What runs instead of a definition that is not read.
const std::string inConnectionOrder = ": the task edges run in connection order, each retried on any error.";

/** {"Ref": …} or {"Fn::…": …}. */
bool isIntrinsic(const JsonTree& value)
{
    return value.is_object() && value.size() == 1 && (value.begin().key() == "Ref" || value.begin().key().rfind("Fn::", 0) == 0);
}

QString quoted(const std::string& text)
{
    return QStringLiteral("'%1'").arg(QString::fromStdString(text));
}

/** Replaces each ${…} that stands outside a JSON string by 0, so that the text parses. */
std::string zeroBarePlaceholders(const std::string& text, bool& replaced)
{
    std::string result;
    result.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            result += c;
            if (c == '\\' && i + 1 < text.size())
                result += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        const std::size_t close = c == '$' && i + 1 < text.size() && text[i + 1] == '{' ? text.find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            result += '0';
            i = close;
            replaced = true;
            continue;
        }
        result += c;
    }
    return result;
}

} // namespace

/** Reads one resource's definition into a StateMachineDefinition. */
class StateMachineDefinition::Reader
{
public:
    Reader(const Resource& resource, const std::vector<PayloadSpec>& payloads, StateMachineDefinition& definition)
        : m_resource(resource)
        , m_payloads(payloads)
        , m_definition(definition)
    {
        m_substitutions = member(resource.properties, "DefinitionSubstitutions");
    }

    /** The definition document, or null when the resource has none that can be read. */
    JsonTree document()
    {
        const JsonTree& properties = m_resource.properties;
        const JsonTree* definition = member(properties, "Definition");
        if (definition && isIntrinsic(*definition)) {
            m_definition.addNote("a Definition given by " + definition->begin().key() + " is not read" + inConnectionOrder);
            return JsonTree();
        }
        if (definition)
            return *definition;
        if (const JsonTree* text = member(properties, "DefinitionString"))
            return parse(*text);
        for (const char* elsewhere : {"DefinitionUri", "DefinitionS3Location"})
            if (member(properties, elsewhere))
                m_definition.addNote(std::string(elsewhere) + " is not read" + inConnectionOrder);
        if (m_definition.m_notes.empty())
            m_definition.addNote("there is no definition" + inConnectionOrder);
        return JsonTree();
    }

    int readScope(const JsonTree& scope, const QString& where)
    {
        const JsonTree* states = member(scope, "States");
        if (!states || !states->is_object() || states->empty())
            fail(where, QStringLiteral("there are no States."));
        const JsonTree* startAt = member(scope, "StartAt");
        if (!startAt || !startAt->is_string())
            fail(where, QStringLiteral("there is no StartAt."));
        std::map<std::string, int> names;
        for (auto it = states->begin(); it != states->end(); ++it) {
            names[it.key()] = static_cast<int>(m_definition.m_states.size());
            m_definition.m_states.emplace_back();
            m_definition.m_states.back().name = it.key();
        }
        const auto start = names.find(startAt->get<std::string>());
        if (start == names.end())
            fail(where, QStringLiteral("StartAt names %1, which is not one of its States.").arg(quoted(startAt->get<std::string>())));
        for (auto it = states->begin(); it != states->end(); ++it)
            readState(names[it.key()], it.value(), names, placeIn(where, QStringLiteral("state %1").arg(quoted(it.key()))));
        return start->second;
    }

private:
    using Names = std::map<std::string, int>;

    [[noreturn]] void fail(const QString& where, const QString& message) const
    {
        throw ScenarioError(QStringLiteral("state machine %1%2: %3")
                                .arg(m_resource.id, where.isEmpty() ? QString() : QStringLiteral(", ") + where, message));
    }

    static QString placeIn(const QString& where, const QString& inner)
    {
        return where.isEmpty() ? inner : where + QStringLiteral(", ") + inner;
    }

    JsonTree parse(const JsonTree& value)
    {
        std::string text;
        const JsonTree* sub = member(value, "Fn::Sub");
        const JsonTree* join = member(value, "Fn::Join");
        if (value.is_string()) {
            text = value.get<std::string>();
        } else if (sub && sub->is_string()) {
            text = sub->get<std::string>();
            m_inSub = true;
        } else if (sub && sub->is_array() && !sub->empty() && (*sub)[0].is_string()) {
            text = (*sub)[0].get<std::string>();
            m_inSub = true;
            if (sub->size() > 1 && (*sub)[1].is_object())
                m_variables = (*sub)[1];
        } else if (join && join->is_array() && join->size() == 2 && (*join)[0].is_string() && (*join)[1].is_array()) {
            const std::string separator = (*join)[0].get<std::string>();
            int part = 0;
            for (const JsonTree& item : (*join)[1]) {
                if (part > 0)
                    text += separator;
                if (item.is_string()) {
                    text += item.get<std::string>();
                } else {
                    const std::string name = "Fn::Join part " + std::to_string(part);
                    m_variables[name] = item;
                    text += "${" + name + "}";
                }
                ++part;
            }
        } else {
            m_definition.addNote("a DefinitionString that is not a string, a Fn::Sub or a Fn::Join is not read" + inConnectionOrder);
            return JsonTree();
        }
        bool replaced = false;
        const std::string parsable = zeroBarePlaceholders(text, replaced);
        if (replaced)
            m_definition.addNote("a ${…} placeholder outside a JSON string of DefinitionString is read as 0.");
        try {
            return JsonTree::parse(parsable);
        } catch (const JsonTree::parse_error& error) {
            const std::size_t at = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0, parsable.size());
            const long line = 1 + std::count(parsable.begin(), parsable.begin() + static_cast<long>(at), '\n');
            const std::size_t lineStart = parsable.rfind('\n', at == 0 ? 0 : at - 1);
            const std::size_t column = lineStart == std::string::npos || at == 0 ? at + 1 : at - lineStart;
            fail(QString(), QStringLiteral("DefinitionString is not valid JSON (line %1, column %2 of the definition).")
                                .arg(line)
                                .arg(column));
        }
    }

    void readState(int index, const JsonTree& json, const Names& names, const QString& where)
    {
        if (!json.is_object())
            fail(where, QStringLiteral("a state must be an object."));
        const JsonTree* typeName = member(json, "Type");
        if (!typeName || !typeName->is_string())
            fail(where, QStringLiteral("there is no Type."));
        State state;
        state.name = m_definition.m_states[static_cast<std::size_t>(index)].name;
        const auto type = std::find_if(std::begin(typeNames), std::end(typeNames),
                                       [&](const auto& entry) { return typeName->get<std::string>() == entry.first; });
        if (type == std::end(typeNames))
            fail(where, QStringLiteral("%1 is not a state type.").arg(quoted(typeName->get<std::string>())));
        state.type = type->second;
        const bool terminal = state.type == Type::Choice || state.type == Type::Succeed || state.type == Type::Fail;
        const JsonTree* next = member(json, "Next");
        const JsonTree* end = member(json, "End");
        const bool ends = end && end->is_boolean() && end->get<bool>();
        if (!terminal && next && ends)
            fail(where, QStringLiteral("it has both Next and End."));
        if (!terminal && !next && !ends)
            fail(where, QStringLiteral("it needs Next or End: true."));
        if (!terminal && next)
            state.next = stateNamed(*next, "Next", names, where);
        switch (state.type) {
        case Type::Task:
            if (!member(json, "Resource"))
                fail(where, QStringLiteral("a Task needs a Resource."));
            state.targets = targetsOf(json);
            state.timeout = simSeconds(number(json, "TimeoutSeconds", 0, where));
            break;
        case Type::Wait:
            readWait(json, state, where);
            break;
        case Type::Choice:
            readChoice(json, state, names, where);
            break;
        case Type::Fail: {
            const JsonTree* error = member(json, "Error");
            state.error = m_definition.errorId(error && error->is_string() ? error->get<std::string>() : std::string());
            break;
        }
        case Type::Parallel: {
            const JsonTree* branches = member(json, "Branches");
            if (!branches || !branches->is_array() || branches->empty())
                fail(where, QStringLiteral("a Parallel state needs Branches."));
            for (std::size_t i = 0; i < branches->size(); ++i)
                state.branches.push_back(readScope((*branches)[i], placeIn(where, QStringLiteral("branch %1").arg(i + 1))));
            break;
        }
        case Type::Map:
            readMap(json, state, where);
            break;
        case Type::Pass:
        case Type::Succeed:
            break;
        }
        if (state.type == Type::Task || state.type == Type::Parallel || state.type == Type::Map)
            readErrorHandling(json, state, names, where);
        m_definition.m_states[static_cast<std::size_t>(index)] = std::move(state);
    }

    int stateNamed(const JsonTree& name, const char* field, const Names& names, const QString& where) const
    {
        if (!name.is_string())
            fail(where, QStringLiteral("%1 must name a state.").arg(QLatin1String(field)));
        const auto found = names.find(name.get<std::string>());
        if (found == names.end())
            fail(where, QStringLiteral("%1 names %2, which is not a state of its scope.")
                            .arg(QLatin1String(field), quoted(name.get<std::string>())));
        return found->second;
    }

    double number(const JsonTree& json, const char* key, double fallback, const QString& where, double least = 0) const
    {
        const JsonTree* value = member(json, key);
        if (!value)
            return fallback;
        if (!value->is_number() || value->get<double>() < least)
            fail(where, QStringLiteral("%1 must be a number of at least %2.").arg(QLatin1String(key)).arg(least));
        return value->get<double>();
    }

    void readWait(const JsonTree& json, State& state, const QString& where)
    {
        if (member(json, "Seconds") && member(json, "Seconds")->is_number()) {
            state.wait = simSeconds(number(json, "Seconds", 0, where));
            return;
        }
        for (const char* field : {"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}) {
            if (member(json, field)) {
                m_definition.addNote("state " + state.name + ": Wait " + field + " is read as 0 s.");
                return;
            }
        }
        fail(where, QStringLiteral("a Wait needs Seconds, SecondsPath, Timestamp or TimestampPath."));
    }

    void readChoice(const JsonTree& json, State& state, const Names& names, const QString& where)
    {
        const JsonTree* choices = member(json, "Choices");
        if (!choices || !choices->is_array() || choices->empty())
            fail(where, QStringLiteral("a Choice needs Choices."));
        std::vector<std::pair<AslChoiceRule, int>> rules;
        for (std::size_t i = 0; i < choices->size(); ++i) {
            const QString place = placeIn(where, QStringLiteral("choice %1").arg(i + 1));
            const JsonTree* next = member((*choices)[i], "Next");
            if (!next)
                fail(place, QStringLiteral("a choice needs Next."));
            try {
                rules.emplace_back(AslChoiceRule::compile((*choices)[i]), stateNamed(*next, "Next", names, place));
            } catch (const ScenarioError&) {
                throw;
            } catch (const MessageError& error) {
                fail(place, error.message());
            }
            if (rules.back().first.hasCondition())
                m_definition.addNote("state " + state.name + ": a JSONata Condition is not evaluated (never true).");
        }
        const JsonTree* fallback = member(json, "Default");
        const int otherwise = fallback ? stateNamed(*fallback, "Default", names, where) : -1 - NoChoiceMatched;
        // The input is the entry's payload, without what earlier tasks returned: a rule reading a
        // path the payload lacks most likely reads a task's result, so it counts as false (AWS would
        // raise States.Runtime on an input truly without it).
        bool unknownPath = false;
        for (const PayloadSpec& payload : m_payloads) {
            int chosen = otherwise;
            for (const auto& [rule, target] : rules) {
                const AslChoiceRule::Result result = rule.evaluate(payload.json);
                unknownPath = unknownPath || result == AslChoiceRule::Result::Runtime;
                if (result == AslChoiceRule::Result::True) {
                    chosen = target;
                    break;
                }
            }
            state.choiceByPayload.push_back(chosen);
        }
        if (unknownPath)
            m_definition.addNote("state " + state.name + ": a rule reads a path the scenario's payloads lack (task "
                                 "results are not simulated); it is taken as false.");
    }

    void readMap(const JsonTree& json, State& state, const QString& where)
    {
        const JsonTree* processor = member(json, "ItemProcessor");
        if (!processor)
            processor = member(json, "Iterator");
        if (!processor)
            fail(where, QStringLiteral("a Map needs an ItemProcessor (or Iterator)."));
        state.branches.push_back(readScope(*processor, placeIn(where, QStringLiteral("item processor"))));
        state.maxConcurrency = static_cast<int>(number(json, "MaxConcurrency", 0, where));
        if (member(json, "ItemReader"))
            m_definition.addNote("state " + state.name + ": the ItemReader is not read; the Map runs one iteration.");
        const JsonTree* items = member(json, "Items");
        const JsonTree* itemsPath = member(json, "ItemsPath");
        const AslPath path = AslPath::compile(itemsPath && itemsPath->is_string() ? itemsPath->get<std::string>() : "$");
        for (const PayloadSpec& payload : m_payloads) {
            const JsonTree* list = member(json, "ItemReader") ? nullptr : (items ? items : path.find(payload.json));
            state.itemsByPayload.push_back(list && list->is_array() ? static_cast<int>(list->size()) : 1);
        }
    }

    void readErrorHandling(const JsonTree& json, State& state, const Names& names, const QString& where)
    {
        for (const char* field : {"Retry", "Catch"}) {
            const JsonTree* list = member(json, field);
            if (!list)
                continue;
            if (!list->is_array())
                fail(where, QStringLiteral("%1 must be a list.").arg(QLatin1String(field)));
            for (std::size_t i = 0; i < list->size(); ++i) {
                const JsonTree& item = (*list)[i];
                const QString place = placeIn(where, QStringLiteral("%1 %2").arg(QLatin1String(field)).arg(i + 1));
                const std::vector<std::string> errors = errorEquals(item, place);
                if (std::string(field) == "Catch") {
                    const JsonTree* next = member(item, "Next");
                    if (!next)
                        fail(place, QStringLiteral("a catcher needs Next."));
                    state.catchers.push_back(Catcher{errors, {}, stateNamed(*next, "Next", names, place)});
                    continue;
                }
                Retrier retrier;
                retrier.errorEquals = errors;
                retrier.interval = simSeconds(number(item, "IntervalSeconds", 1, place));
                retrier.maxAttempts = static_cast<int>(number(item, "MaxAttempts", 3, place));
                retrier.backoffRate = number(item, "BackoffRate", 2, place, 1);
                retrier.maxDelay = simSeconds(number(item, "MaxDelaySeconds", 0, place));
                const JsonTree* jitter = member(item, "JitterStrategy");
                retrier.fullJitter = jitter && jitter->is_string() && jitter->get<std::string>() == "FULL";
                state.retriers.push_back(std::move(retrier));
            }
        }
    }

    std::vector<std::string> errorEquals(const JsonTree& item, const QString& where) const
    {
        const JsonTree* errors = member(item, "ErrorEquals");
        if (!errors || !errors->is_array() || errors->empty())
            fail(where, QStringLiteral("ErrorEquals must be a non-empty list of error names."));
        std::vector<std::string> names;
        for (const JsonTree& name : *errors) {
            if (!name.is_string())
                fail(where, QStringLiteral("ErrorEquals must be a non-empty list of error names."));
            names.push_back(name.get<std::string>());
        }
        return names;
    }

    std::vector<std::string> targetsOf(const JsonTree& task) const
    {
        std::vector<std::string> ids;
        const JsonTree* parameters = member(task, "Parameters");
        if (!parameters)
            parameters = member(task, "Arguments");
        if (parameters)
            for (const char* key : targetKeys)
                if (const JsonTree* value = member(*parameters, key))
                    idsIn(*value, ids);
        idsIn(task["Resource"], ids);
        if (parameters)
            idsIn(*parameters, ids);
        return ids;
    }

    void idsIn(const JsonTree& value, std::vector<std::string>& ids) const
    {
        const References::Visitor collect = [&](const std::string&, const std::string& id) { ids.push_back(id); };
        if (value.is_string()) {
            placeholders(value.get<std::string>(), ids);
        } else if (isIntrinsic(value)) {
            References::visit(value, "", collect);
        } else if (value.is_object()) {
            for (auto it = value.begin(); it != value.end(); ++it)
                if (it.key().size() < 2 || it.key().compare(it.key().size() - 2, 2, ".$") != 0)
                    idsIn(it.value(), ids);
        } else if (value.is_array()) {
            for (const JsonTree& item : value)
                idsIn(item, ids);
        }
    }

    /** The resources the ${…} placeholders of a definition string stand for. */
    void placeholders(const std::string& text, std::vector<std::string>& ids) const
    {
        const References::Visitor collect = [&](const std::string&, const std::string& id) { ids.push_back(id); };
        for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
            const std::size_t close = text.find('}', at + 2);
            if (close == std::string::npos)
                return;
            const std::string name = text.substr(at + 2, close - at - 2);
            if (name.empty() || name[0] == '!')
                continue;
            if (m_substitutions && m_substitutions->is_object() && m_substitutions->contains(name))
                References::visit((*m_substitutions)[name], "", collect);
            else if (m_variables.contains(name))
                References::visit(m_variables[name], "", collect);
            else if (m_inSub && name.rfind("AWS::", 0) != 0)
                ids.push_back(name.substr(0, name.find('.')));
        }
    }

    const Resource& m_resource;
    const std::vector<PayloadSpec>& m_payloads;
    StateMachineDefinition& m_definition;
    const JsonTree* m_substitutions = nullptr;
    /** Fn::Sub variables, and the intrinsic parts of a Fn::Join. */
    JsonTree m_variables = JsonTree::object();
    bool m_inSub = false;
};

StateMachineDefinition StateMachineDefinition::read(const Resource& resource, const std::vector<PayloadSpec>& payloads)
{
    StateMachineDefinition definition;
    Reader reader(resource, payloads, definition);
    const JsonTree document = reader.document();
    if (document.is_null())
        return definition;
    definition.m_read = true;
    definition.m_start = reader.readScope(document, QString());
    definition.resolveMatches();
    return definition;
}

StateMachineDefinition StateMachineDefinition::sequence(const std::vector<std::string>& targets, int attempts,
                                                        SimTime interval, double backoffRate)
{
    StateMachineDefinition definition;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        State state;
        state.name = targets[i];
        state.type = Type::Task;
        state.next = i + 1 < targets.size() ? static_cast<int>(i + 1) : -1;
        state.targets = {targets[i]};
        if (attempts > 1) {
            Retrier retrier;
            retrier.errorEquals = {"States.ALL"};
            retrier.interval = interval;
            retrier.maxAttempts = attempts - 1;
            retrier.backoffRate = backoffRate;
            state.retriers.push_back(std::move(retrier));
        }
        definition.m_states.push_back(std::move(state));
    }
    if (definition.m_states.empty()) {
        definition.m_states.emplace_back();
        definition.m_states.back().name = "Succeed";
        definition.m_states.back().type = Type::Succeed;
    }
    definition.m_start = 0;
    definition.resolveMatches();
    return definition;
}

void StateMachineDefinition::addNote(const std::string& note)
{
    if (std::find(m_notes.begin(), m_notes.end(), note) == m_notes.end())
        m_notes.push_back(note);
}

bool StateMachineDefinition::errorMatches(const std::string& pattern, const std::string& error)
{
    if (error == predefinedNames[Runtime])
        return false;
    if (pattern == "States.ALL")
        return true;
    if (pattern == predefinedNames[TaskFailed])
        return error != predefinedNames[Timeout];
    return pattern == error;
}

int StateMachineDefinition::errorId(const std::string& name)
{
    if (m_errorNames.empty())
        m_errorNames.assign(std::begin(predefinedNames), std::end(predefinedNames));
    const auto found = std::find(m_errorNames.begin(), m_errorNames.end(), name);
    if (found != m_errorNames.end())
        return static_cast<int>(found - m_errorNames.begin());
    m_errorNames.push_back(name);
    return static_cast<int>(m_errorNames.size() - 1);
}

void StateMachineDefinition::resolveMatches()
{
    errorId(predefinedNames[TaskFailed]);
    const auto matchesOf = [this](const std::vector<std::string>& patterns) {
        std::vector<char> matches(m_errorNames.size(), 0);
        for (std::size_t error = 0; error < m_errorNames.size(); ++error)
            for (const std::string& pattern : patterns)
                matches[error] = matches[error] || errorMatches(pattern, m_errorNames[error]);
        return matches;
    };
    for (State& state : m_states) {
        for (Retrier& retrier : state.retriers)
            retrier.matches = matchesOf(retrier.errorEquals);
        for (Catcher& catcher : state.catchers)
            catcher.matches = matchesOf(catcher.errorEquals);
    }
}

} // namespace tributary
