#pragma once

#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tributary {

/** How an entry point's external load arrives over time. */
struct LoadSpec
{
    enum class Shape { Constant, Poisson, Burst, Ramp, DailyCycle };
    Shape shape = Shape::Poisson;
    double ratePerSecond = 1;
    double count = 0;
    double atSeconds = 0;
    double everySeconds = 0;
    double fromPerSecond = 0;
    double toPerSecond = 0;
    double overSeconds = 0;
    double meanPerSecond = 0;
    double peakFactor = 1;
    /** dailyCycle: the clock time (hours after midnight) at which the run starts. */
    double startsAtHour = 0;
};

/** External load on one resource. */
struct EntrySpec
{
    std::string resource;
    /** For APIs: the route ("POST /orders"), or empty for the first connected function. */
    std::string route;
    /** For functions: "sync" (RequestResponse, the default) or "async" (Event). */
    std::string invocation;
    LoadSpec load;
    JsonTree payload = JsonTree::object();
    /** How many distinct partition keys / message groups the entry's messages spread over (1 = one key). */
    int keys = 1;
    /** payload `poison: true`: every function that processes these messages fails (a poison pill). */
    bool poison = false;
};

/** Failure injected into one resource from `from` to `to`. */
struct FailureSpec
{
    std::string resource;
    double errorRate = 0;
    double addedLatencyMs = 0;
    bool outage = false;
    bool throttle = false;
    SimTime from = 0;
    SimTime to = INT64_MAX;
};

/**
 * A simulation scenario read from Architecture::settings()["simulation"] (see
 * model/simulation/README.md): run length, seed, load per entry point, per-resource overrides of
 * the catalogue's behaviour, failure injection.
 */
struct Scenario
{
    double durationSeconds = 600;
    std::uint64_t seed = 1;
    /** Seconds between time-series points; 0 chooses about 120 points over the run. */
    double sampleSeconds = 0;
    /** Record every n-th message's hops in the trace (0: no trace). */
    int traceEvery = 0;
    std::vector<EntrySpec> entries;
    /** Resource id → keys of its kind's `simulation:` map. */
    JsonTree overrides = JsonTree::object();
    std::vector<FailureSpec> failures;

    /** Reads settings["simulation"] (an empty scenario when absent); throws ScenarioError naming the key. */
    static Scenario fromSettings(const JsonTree& settings);
};

} // namespace tributary
