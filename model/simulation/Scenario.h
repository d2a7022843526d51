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

/** What a message carries: the scenario's payload map, matched by filters once before the run. */
struct PayloadSpec
{
    JsonTree json = JsonTree::object();
    /** How many distinct partition keys / message groups its messages spread over (1 = one key). */
    int keys = 1;
    /** `poison: true`: every function that processes these messages fails (a poison pill). */
    bool poison = false;
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
    PayloadSpec payload;
};

/** What a function sends along its SDK edge to one target (`overrides/<function>/emits/<target>`). */
struct EmitSpec
{
    std::string function;
    std::string target;
    /** Sent in turn: the n-th message along the edge carries payloads[n mod size]. */
    std::vector<PayloadSpec> payloads;
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
    /** Resource id → keys of its kind's `simulation:` map (`emits` taken out into `emits`). */
    JsonTree overrides = JsonTree::object();
    std::vector<EmitSpec> emits;
    std::vector<FailureSpec> failures;

    /** Reads settings["simulation"] (an empty scenario when absent); throws ScenarioError naming the key. */
    static Scenario fromSettings(const JsonTree& settings);
    /** The run's payload table: the entries' payloads in entry order, then those of each of `emits` in order. */
    std::vector<PayloadSpec> payloads() const;
    /** The index in payloads() of the first payload of emits[emit]. */
    int firstPayloadOf(std::size_t emit) const;
};

} // namespace tributary
