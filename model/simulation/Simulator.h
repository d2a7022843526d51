#pragma once

#include "model/Architecture.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/SimContext.h"
#include "model/simulation/SimSettings.h"
#include "model/simulation/SimulatedUsage.h"
#include "model/tree/JsonTree.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace tributary {

class Catalogue;
class LoadGenerator;
class SimModel;

/**
 * One deterministic run of an architecture under a scenario: builds a model per resource (behaviour
 * from the kind's catalogue `simulation:` map, the scenario's overrides and the template's
 * properties), a poller per polled or streamed edge and a load generator per entry, then processes
 * events in time order. The same architecture, scenario and seed give the same results.
 */
class Simulator
{
public:
    /** Throws ScenarioError naming the setting when the scenario cannot be run on this architecture. */
    Simulator(const Architecture& architecture, const Catalogue& catalogue, const Scenario& scenario);
    ~Simulator();

    /** Processes the next event; false when the run is over (no events left before the end). */
    bool step();
    /** Processes every event before simulated time `until` (or the end). */
    void runUntil(SimTime until);
    /** Runs to the end and settles the results. */
    void run();
    bool finished() const { return m_finished; }
    SimTime now() const { return m_context.now; }
    SimTime end() const { return m_context.end; }
    std::uint64_t events() const { return m_events; }
    const Scenario& scenario() const { return m_scenario; }

    /** The model of a resource by logical id, or nullptr. */
    SimModel* model(const std::string& id) const;
    const Trace* trace() const { return m_context.trace.get(); }
    /**
     * {"seed", "duration_s", "events", "entries", "resources": {id: {...}}, "connections": {id: {...}},
     * "cost": {...}, "series": {"t": [...], id: {...}}}; call after run().
     */
    JsonTree resultsJson() const;
    /** What each resource consumed, for the cost estimate; call after run(). */
    SimulatedUsage usage() const;

private:
    static constexpr std::int32_t sampleEvent = 1;

    /** The resource's kind defaults with the scenario's overrides merged over them. */
    SimSettings settingsOf(const Architecture& architecture, const Catalogue& catalogue, const QString& resourceId) const;
    void buildModels(const Architecture& architecture, const Catalogue& catalogue);
    void buildLinks(const Architecture& architecture, const Catalogue& catalogue);
    /** The payloads a function's SDK link emits (scenario `emits`), marking that emit used. */
    std::vector<int> emittedPayloads(const std::string& function, const std::string& target, std::vector<char>& used) const;
    void buildEntries();
    void addModel(std::unique_ptr<SimModel> model, const QString& cfnType = QString());
    JsonTree costJson() const;
    void sample();
    /** Handles one event: moves the clock to it, counts it, and gives it to its model (or samples). */
    void dispatch(const SimEvent& event);
    void settle();

    Scenario m_scenario;
    SimContext m_context;
    std::vector<std::unique_ptr<SimModel>> m_models;
    /** The models that stand for resources, by resource id. */
    std::unordered_map<std::string, SimModel*> m_resourceModels;
    std::vector<LoadGenerator*> m_generators;
    std::vector<std::string> m_connectionIds;
    /** Per model, the CloudFormation type of its resource (empty for pollers and generators). */
    std::vector<QString> m_cfnTypes;
    std::vector<double> m_sampleTimes;
    SimTime m_sampleEvery = 0;
    std::uint64_t m_events = 0;
    bool m_finished = false;
};

} // namespace tributary
