#include "model/simulation/Scenario.h"

#include "model/simulation/ScenarioError.h"

namespace tributary {

namespace {

[[noreturn]] void fail(const std::string& key, const char* expected)
{
    throw ScenarioError(QStringLiteral("%1: expected %2.").arg(QString::fromStdString(key), QLatin1String(expected)));
}

double numberAt(const JsonTree& object, const char* name, const std::string& where, double fallback,
                double minimum = 0)
{
    const auto found = object.find(name);
    if (found == object.end())
        return fallback;
    if (!found->is_number() || found->get<double>() < minimum)
        fail(where + "/" + name, minimum > 0 ? "a positive number" : "a number (0 or more)");
    return found->get<double>();
}

double requiredNumber(const JsonTree& object, const char* name, const std::string& where)
{
    if (!object.contains(name))
        fail(where + "/" + name, "a number (the key is missing)");
    return numberAt(object, name, where, 0);
}

std::string textAt(const JsonTree& object, const char* name, const std::string& where)
{
    const auto found = object.find(name);
    if (found == object.end())
        return {};
    if (!found->is_string())
        fail(where + "/" + name, "a string");
    return found->get<std::string>();
}

bool booleanAt(const JsonTree& object, const char* name, const std::string& where)
{
    const auto found = object.find(name);
    if (found == object.end())
        return false;
    if (!found->is_boolean())
        fail(where + "/" + name, "true or false");
    return found->get<bool>();
}

LoadSpec readLoad(const JsonTree& load, const std::string& where)
{
    if (!load.is_object())
        fail(where, "a map with a shape");
    LoadSpec spec;
    const std::string shape = textAt(load, "shape", where);
    if (shape == "constant" || shape == "poisson") {
        spec.shape = shape == "constant" ? LoadSpec::Shape::Constant : LoadSpec::Shape::Poisson;
        spec.ratePerSecond = requiredNumber(load, "ratePerSecond", where);
    } else if (shape == "burst") {
        spec.shape = LoadSpec::Shape::Burst;
        spec.count = requiredNumber(load, "count", where);
        spec.atSeconds = numberAt(load, "atSeconds", where, 0);
        spec.everySeconds = numberAt(load, "everySeconds", where, 0);
    } else if (shape == "ramp") {
        spec.shape = LoadSpec::Shape::Ramp;
        spec.fromPerSecond = requiredNumber(load, "fromPerSecond", where);
        spec.toPerSecond = requiredNumber(load, "toPerSecond", where);
        spec.overSeconds = numberAt(load, "overSeconds", where, 1, 1e-9);
    } else if (shape == "dailyCycle") {
        spec.shape = LoadSpec::Shape::DailyCycle;
        spec.meanPerSecond = requiredNumber(load, "meanPerSecond", where);
        spec.peakFactor = numberAt(load, "peakFactor", where, 2, 1);
        spec.startsAtHour = numberAt(load, "startsAtHour", where, 0);
        if (spec.startsAtHour >= 24)
            throw ScenarioError(QStringLiteral("%1/startsAtHour: %2 is not an hour of the day (0 to 24).")
                                    .arg(QString::fromStdString(where)).arg(spec.startsAtHour));
    } else {
        throw ScenarioError(QStringLiteral("%1/shape: '%2' is not one of constant, poisson, burst, ramp, dailyCycle.")
                                .arg(QString::fromStdString(where), QString::fromStdString(shape)));
    }
    return spec;
}

PayloadSpec readPayload(const JsonTree& payload, const std::string& where)
{
    PayloadSpec spec;
    spec.json = payload;
    if (!payload.is_object())
        return spec;
    for (const char* name : {"partitionKeys", "messageGroups"}) {
        const auto found = payload.find(name);
        if (found == payload.end())
            continue;
        if (!found->is_number_integer() || found->get<long long>() < 1)
            fail(where + "/" + name, "a whole number of keys, 1 or more");
        spec.keys = static_cast<int>(found->get<long long>());
        break;
    }
    spec.poison = booleanAt(payload, "poison", where);
    return spec;
}

EntrySpec readEntry(const JsonTree& entry, const std::string& where)
{
    if (!entry.is_object())
        fail(where, "a map with resource and load");
    EntrySpec spec;
    spec.resource = textAt(entry, "resource", where);
    if (spec.resource.empty())
        fail(where + "/resource", "the logical id of a resource");
    spec.route = textAt(entry, "route", where);
    spec.invocation = textAt(entry, "invocation", where);
    if (!spec.invocation.empty() && spec.invocation != "sync" && spec.invocation != "async")
        fail(where + "/invocation", "sync or async");
    if (!entry.contains("load"))
        fail(where + "/load", "a map with a shape (the key is missing)");
    spec.load = readLoad(entry["load"], where + "/load");
    if (entry.contains("payload"))
        spec.payload = readPayload(entry["payload"], where + "/payload");
    return spec;
}

// `emits` of one function's override: target id → a payload map or a list of them.
void readEmits(const std::string& function, const JsonTree& emits, const std::string& where, std::vector<EmitSpec>& out)
{
    if (!emits.is_object())
        fail(where, "a map from the ids of the function's SDK targets to payloads");
    for (auto it = emits.begin(); it != emits.end(); ++it) {
        const std::string at = where + "/" + it.key();
        EmitSpec spec{function, it.key(), {}};
        const bool list = it.value().is_array();
        for (std::size_t i = 0; i < (list ? it.value().size() : 1); ++i) {
            const JsonTree& payload = list ? it.value()[i] : it.value();
            const std::string name = list ? at + "/" + std::to_string(i) : at;
            if (!payload.is_object())
                fail(name, "a payload map or a non-empty list of them");
            spec.payloads.push_back(readPayload(payload, name));
        }
        if (spec.payloads.empty())
            fail(at, "a payload map or a non-empty list of them");
        out.push_back(std::move(spec));
    }
}

FailureSpec readFailure(const JsonTree& failure, const std::string& where)
{
    if (!failure.is_object())
        fail(where, "a map with resource");
    FailureSpec spec;
    spec.resource = textAt(failure, "resource", where);
    if (spec.resource.empty())
        fail(where + "/resource", "the logical id of a resource");
    spec.errorRate = numberAt(failure, "errorRate", where, 0);
    if (spec.errorRate > 1)
        fail(where + "/errorRate", "a probability from 0 to 1");
    spec.addedLatencyMs = numberAt(failure, "addedLatencyMs", where, 0);
    spec.outage = booleanAt(failure, "outage", where);
    spec.throttle = booleanAt(failure, "throttle", where);
    spec.from = simSeconds(numberAt(failure, "fromSeconds", where, 0));
    if (failure.contains("toSeconds"))
        spec.to = simSeconds(numberAt(failure, "toSeconds", where, 0));
    return spec;
}

} // namespace

Scenario Scenario::fromSettings(const JsonTree& settings)
{
    Scenario scenario;
    if (!settings.is_object() || !settings.contains("simulation"))
        return scenario;
    const JsonTree& simulation = settings["simulation"];
    const std::string where = "simulation";
    if (!simulation.is_object())
        fail(where, "a map");
    scenario.durationSeconds = numberAt(simulation, "durationSeconds", where, 600, 1e-6);
    const auto seed = simulation.find("seed");
    if (seed != simulation.end()) {
        if (!seed->is_number_integer() || seed->get<long long>() < 0)
            fail(where + "/seed", "a whole number, 0 or more");
        scenario.seed = seed->get<std::uint64_t>();
    }
    scenario.sampleSeconds = numberAt(simulation, "sampleSeconds", where, 0);
    scenario.traceEvery = static_cast<int>(numberAt(simulation, "traceEvery", where, 0));
    if (simulation.contains("entries")) {
        const JsonTree& entries = simulation["entries"];
        if (!entries.is_array())
            fail(where + "/entries", "a list");
        for (std::size_t i = 0; i < entries.size(); ++i)
            scenario.entries.push_back(readEntry(entries[i], where + "/entries/" + std::to_string(i)));
    }
    if (simulation.contains("overrides")) {
        scenario.overrides = simulation["overrides"];
        if (!scenario.overrides.is_object())
            fail(where + "/overrides", "a map from resource ids to settings");
        for (auto it = scenario.overrides.begin(); it != scenario.overrides.end(); ++it) {
            const std::string at = where + "/overrides/" + it.key();
            if (!it.value().is_object())
                fail(at, "a map of settings");
            const auto emits = it.value().find("emits");
            if (emits != it.value().end()) {
                readEmits(it.key(), *emits, at + "/emits", scenario.emits);
                it.value().erase(emits);
            }
        }
    }
    if (simulation.contains("failures")) {
        const JsonTree& failures = simulation["failures"];
        if (!failures.is_array())
            fail(where + "/failures", "a list");
        for (std::size_t i = 0; i < failures.size(); ++i)
            scenario.failures.push_back(readFailure(failures[i], where + "/failures/" + std::to_string(i)));
    }
    return scenario;
}

std::vector<PayloadSpec> Scenario::payloads() const
{
    std::vector<PayloadSpec> table;
    for (const EntrySpec& entry : entries)
        table.push_back(entry.payload);
    for (const EmitSpec& emit : emits)
        table.insert(table.end(), emit.payloads.begin(), emit.payloads.end());
    return table;
}

int Scenario::firstPayloadOf(std::size_t emit) const
{
    std::size_t first = entries.size();
    for (std::size_t i = 0; i < emit && i < emits.size(); ++i)
        first += emits[i].payloads.size();
    return static_cast<int>(first);
}

} // namespace tributary
