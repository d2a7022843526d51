// Benchmark (not a test): how long checking a scenario takes, as the scenario editors do on every
// keystroke (Scenario::fromSettings and building a Simulator, which the inspector does twice: the
// edited scenario and the current one). Prints the median time per check for
// resources/examples/order-pipeline.yaml and for architectures of N functions, each polling its own
// queue, with one entry and one override. Run `build/tests/bench_scenariocheck [runs]`.

#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"
#include "views/ScenarioCheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tributary;

namespace {

double medianMs(int runs, const Architecture& architecture, const Catalogue& catalogue, const JsonTree& simulation)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString problem = ScenarioCheck::problem(architecture, catalogue, simulation);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "unexpected problem: %s\n", qPrintable(problem));
            return -1;
        }
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

Architecture functionsWithQueues(const Catalogue& catalogue, int pairs)
{
    Architecture architecture;
    for (int i = 0; i < pairs; ++i) {
        const QString queue = QStringLiteral("Queue%1").arg(i);
        const QString function = QStringLiteral("Worker%1").arg(i);
        architecture.insertResource(2 * i, catalogue.makeResource(*catalogue.kind(QStringLiteral("queue")), queue, QPointF(0, i)));
        architecture.insertResource(2 * i + 1, catalogue.makeResource(*catalogue.kind(QStringLiteral("function")), function, QPointF(1, i)));
        Connection connection;
        connection.id = queue + function;
        connection.source = queue;
        connection.target = function;
        connection.rule = QStringLiteral("queueToFunction");
        architecture.insertConnection(i, connection);
    }
    return architecture;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 21;
    const Catalogue& catalogue = Catalogue::builtIn();

    const Architecture order = TemplateReader::read(QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml"),
                                                    catalogue, nullptr);
    std::printf("order pipeline (%zu resources): %.3f ms per check\n", order.resources().size(),
                medianMs(runs, order, catalogue, order.settings()["simulation"]));
    for (const int pairs : {500, 2500}) {
        const Architecture large = functionsWithQueues(catalogue, pairs);
        const JsonTree simulation = JsonTree::parse(R"({
            "entries": [{"resource": "Queue0", "load": {"shape": "poisson", "ratePerSecond": 10}}],
            "overrides": {"Worker0": {"errorRate": 0.5}}})");
        std::printf("%d resources, %zu connections: %.3f ms per check\n", 2 * pairs, large.connections().size(),
                    medianMs(runs, large, catalogue, simulation));
    }
    return 0;
}
