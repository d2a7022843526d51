// Benchmark (not a test): the simulator's speed on one core. Prints, each as the median of runs:
// (1) the engine alone (event heap and dispatch, trivial handlers), in events per CPU-second;
// (2) one simulated hour of 1,000 requests per second through resources/examples/order-pipeline.yaml;
// (3) the SimFaaS scenario (tests/data/simulation/simfaas.yaml, 10^6 simulated seconds), in events
// per CPU-second. Run `build/tests/bench_simulation [runs]`.

#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/Simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace tributary;

namespace {

/** Reschedules itself after an exponential delay: the least work a model can do per event. */
class Ticker : public SimModel
{
public:
    explicit Ticker(SimContext& context)
        : SimModel(context, "ticker", "bench", SimSettings(JsonTree::object(), JsonTree(), "bench"))
    {
    }
    void handle(const SimEvent& event) override
    {
        m_context.schedule(event.time + 1 + static_cast<SimTime>(m_context.random.exponential(1000)), m_index, 1);
    }
};

struct Timing
{
    double cpuSeconds;
    double wallSeconds;
    std::uint64_t events;
};

Timing measure(const std::function<std::uint64_t()>& work)
{
    QElapsedTimer wall;
    wall.start();
    const std::clock_t cpu = std::clock();
    const std::uint64_t events = work();
    return {static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC, static_cast<double>(wall.nsecsElapsed()) / 1e9, events};
}

Timing median(int runs, const std::function<std::uint64_t()>& work)
{
    std::vector<Timing> timings;
    for (int i = 0; i < runs; ++i)
        timings.push_back(measure(work));
    std::sort(timings.begin(), timings.end(), [](const Timing& a, const Timing& b) { return a.cpuSeconds < b.cpuSeconds; });
    return timings[timings.size() / 2];
}

std::uint64_t engineOnly()
{
    SimContext context;
    context.end = INT64_MAX;
    std::vector<std::unique_ptr<Ticker>> tickers;
    for (int i = 0; i < 64; ++i) {
        tickers.push_back(std::make_unique<Ticker>(context));
        tickers.back()->setIndex(i);
        context.models.push_back(tickers.back().get());
        context.schedule(i, i, 1);
    }
    const std::uint64_t events = 20000000;
    SimModel* const* models = context.models.data();
    for (std::uint64_t n = 0; n < events; ++n) {
        const SimEvent event = context.events.pop();
        context.now = event.time;
        models[event.model]->handle(event);
    }
    return events;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    const Catalogue& catalogue = Catalogue::builtIn();

    const Timing engine = median(runs, engineOnly);
    std::printf("engine alone: %.1f million events per CPU-second (%llu events, %.3f s CPU)\n",
                static_cast<double>(engine.events) / engine.cpuSeconds / 1e6,
                static_cast<unsigned long long>(engine.events), engine.cpuSeconds);

    const Architecture order = TemplateReader::read(QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml"),
                                                    catalogue, nullptr);
    Scenario orderScenario;
    orderScenario.durationSeconds = 3600;
    orderScenario.seed = 1;
    EntrySpec entry;
    entry.resource = "OrdersApi";
    entry.load.shape = LoadSpec::Shape::Poisson;
    entry.load.ratePerSecond = 1000;
    orderScenario.entries.push_back(entry);
    const Timing pipeline = median(runs, [&] {
        Simulator simulator(order, catalogue, orderScenario);
        simulator.run();
        return simulator.events();
    });
    std::printf("order pipeline, 1 h at 1,000 rps: %.2f s CPU, %.2f s wall, %llu events (%.1f million per CPU-second)\n",
                pipeline.cpuSeconds, pipeline.wallSeconds, static_cast<unsigned long long>(pipeline.events),
                static_cast<double>(pipeline.events) / pipeline.cpuSeconds / 1e6);

    const Architecture simFaaS = TemplateReader::read(QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/simulation/simfaas.yaml"),
                                                      catalogue, nullptr);
    const Scenario simFaaSScenario = Scenario::fromSettings(simFaaS.settings());
    const Timing faas = median(runs, [&] {
        Simulator simulator(simFaaS, catalogue, simFaaSScenario);
        simulator.run();
        return simulator.events();
    });
    std::printf("SimFaaS scenario, 10^6 s: %.3f s CPU, %llu events, %.1f million events per CPU-second\n",
                faas.cpuSeconds, static_cast<unsigned long long>(faas.events),
                static_cast<double>(faas.events) / faas.cpuSeconds / 1e6);
    return 0;
}
