// Benchmark (not a test): the canvas with a generated architecture of 5,000 resources and 7,500
// connections. Prints the time to build the scene, to repaint a 1920×1080 view at fit-to-view, to
// drag 500 selected nodes by small steps, and of the layered layout on 2,000 and 5,000 resources.
// Run `QT_QPA_PLATFORM=offscreen build/tests/bench_canvas [resources] [canvas]` ("canvas": no layout).

#include "exporters/LayeredLayout.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/ConnectionItem.h"
#include "views/ResourceItem.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

using namespace tributary;

namespace {

struct BlockMember
{
    const char* prefix;
    const char* cfnType;
};

/** One block of five resources; blocks are wired inside and to the next ones. */
const BlockMember kBlock[] = {{"Topic", "AWS::SNS::Topic"},
                              {"Queue", "AWS::SQS::Queue"},
                              {"Worker", "AWS::Serverless::Function"},
                              {"Table", "AWS::DynamoDB::Table"},
                              {"Notifier", "AWS::Serverless::Function"}};

QString memberId(int member, int block)
{
    return QStringLiteral("%1%2").arg(QLatin1String(kBlock[member].prefix)).arg(block);
}

/**
 * resources / 5 blocks (topic, queue, worker, table, notifier) with 7.5 connections per block, all
 * drawn on the canvas (no carrier resources): topic→queue, queue→worker, worker→table,
 * worker→next topic, worker→notifier, notifier→queue two blocks on, notifier→next table, and on
 * every other block a dead-letter queue→next queue. "Next" stays within a pipeline of ten blocks,
 * as in a real system of many services (one ring through every block would make a graph a
 * thousand ranks deep). Placed on a square grid.
 */
Architecture generate(int resources, const Catalogue& catalogue)
{
    const int blocks = std::max(1, resources / 5);
    const int columns = static_cast<int>(std::ceil(std::sqrt(blocks * 5.0)));
    Architecture architecture;
    int index = 0;
    for (int block = 0; block < blocks; ++block) {
        for (int member = 0; member < 5; ++member, ++index) {
            Resource resource;
            resource.id = memberId(member, block);
            resource.cfnType = QString::fromLatin1(kBlock[member].cfnType);
            resource.kind = catalogue.kindForCfnType(resource.cfnType).id;
            resource.position = QPointF((index % columns) * 240.0, (index / columns) * 120.0);
            architecture.insertResource(index, std::move(resource));
        }
    }
    int connection = 0;
    const int pipeline = std::min(blocks, 10);
    const auto connect = [&](int sourceMember, int sourceBlock, int targetMember, int step, const char* rule) {
        const int first = sourceBlock - sourceBlock % pipeline;
        const int length = std::min(pipeline, blocks - first);
        const int targetBlock = first + (sourceBlock - first + step) % length;
        Connection made;
        made.id = QStringLiteral("C%1").arg(connection);
        made.source = memberId(sourceMember, sourceBlock);
        made.target = memberId(targetMember, targetBlock);
        made.rule = QString::fromLatin1(rule);
        architecture.insertConnection(connection++, std::move(made));
    };
    for (int block = 0; block < blocks; ++block) {
        connect(0, block, 1, 0, "topicToQueue");
        connect(1, block, 2, 0, "queueToFunction");
        connect(2, block, 3, 0, "functionAccessesTable");
        connect(2, block, 0, 1, "functionPublishesToTopic");
        connect(2, block, 4, 0, "functionInvokesFunction");
        connect(4, block, 1, 2, "functionSendsToQueue");
        connect(4, block, 3, 1, "functionAccessesTable");
        if (block % 2 == 0)
            connect(1, block, 1, 1, "queueDeadLetterToQueue");
    }
    return architecture;
}

/** Wall-clock milliseconds, and the median CPU time of this thread (steadier on a shared machine). */
struct Timing
{
    double median = 0;
    double mean = 0;
    double max = 0;
    double cpuMedian = 0;
};

double threadCpuMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

Timing measure(int runs, const std::function<void()>& step)
{
    std::vector<double> times;
    std::vector<double> cpuTimes;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMilliseconds();
        timer.start();
        step();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        cpuTimes.push_back(threadCpuMilliseconds() - cpuStart);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    Timing timing;
    timing.cpuMedian = cpuTimes[cpuTimes.size() / 2];
    timing.median = times[times.size() / 2];
    for (double time : times)
        timing.mean += time / static_cast<double>(times.size());
    timing.max = times.back();
    return timing;
}

void sendMouse(QGraphicsScene* scene, QEvent::Type type, QPointF scenePos, QPointF lastScenePos, Qt::MouseButtons buttons)
{
    QGraphicsSceneMouseEvent event(type);
    event.setScenePos(scenePos);
    event.setScreenPos(scenePos.toPoint());
    event.setLastScenePos(lastScenePos);
    event.setLastScreenPos(lastScenePos.toPoint());
    event.setButtonDownScenePos(Qt::LeftButton, scenePos);
    event.setButton(type == QEvent::GraphicsSceneMouseMove ? Qt::NoButton : Qt::LeftButton);
    event.setButtons(buttons);
    QApplication::sendEvent(scene, &event);
}

void benchLayout(int resources, const Catalogue& catalogue)
{
    const Architecture architecture = generate(resources, catalogue);
    QString problem;
    std::vector<std::pair<QString, QPointF>> positions;
    const Timing timing = measure(1, [&] {
        positions = LayeredLayout::arrange(architecture, architecture.carrierIds(), LayeredLayout::Options(), &problem);
    });
    std::printf("layered layout of %zu resources, %zu connections: %.0f ms%s%s\n", architecture.resources().size(),
                architecture.connections().size(), timing.median, problem.isEmpty() ? "" : ", failed: ",
                qPrintable(problem));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    const int resources = argc > 1 ? std::atoi(argv[1]) : 5000;
    const Catalogue& catalogue = Catalogue::builtIn();
    Document document(catalogue);
    document.resetArchitecture(generate(resources, catalogue));
    std::printf("architecture: %zu resources, %zu connections\n", document.architecture().resources().size(),
                document.architecture().connections().size());

    std::unique_ptr<ArchitectureScene> scene;
    const Timing build = measure(5, [&] {
        scene.reset();
        scene = std::make_unique<ArchitectureScene>(&document);
    });
    std::printf("scene build: median %.1f ms, max %.1f ms of 5 (target <= 500 ms)\n", build.median, build.max);

    CanvasView view(scene.get());
    view.resize(1920, 1080);
    view.show();
    view.fitAll();
    QApplication::processEvents();
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const auto repaint = [&] {
        QPainter painter(&frame);
        view.viewport()->render(&painter);
    };
    const Timing first = measure(1, repaint);
    const Timing repaints = measure(20, repaint);
    std::printf("repaint %dx%d at zoom %.3f: first %.1f ms, then median %.1f ms (CPU %.1f ms), mean %.1f ms of 20 "
                "(target <= 16 ms)\n",
                frame.width(), frame.height(), view.transform().m11(), first.median, repaints.median,
                repaints.cpuMedian, repaints.mean);

    // Where the repaint time goes: the same frame with only the nodes, then only the edges shown.
    const auto showOnly = [&](bool nodes, bool edges) {
        for (const Resource& resource : document.architecture().resources())
            scene->resourceItem(resource.id)->setVisible(nodes);
        for (const Connection& connection : document.architecture().connections())
            scene->connectionItem(connection.id)->setVisible(edges);
    };
    showOnly(true, false);
    const Timing nodesOnly = measure(20, repaint);
    showOnly(false, true);
    const Timing edgesOnly = measure(20, repaint);
    view.setRenderHint(QPainter::Antialiasing, false);
    const Timing edgesAliased = measure(20, repaint);
    view.setRenderHint(QPainter::Antialiasing, true);
    showOnly(true, true);
    std::printf("  of which nodes alone: median %.1f ms (CPU %.1f); edges alone: median %.1f ms (CPU %.1f; %.1f ms "
                "without the view's antialiasing hint)\n",
                nodesOnly.median, nodesOnly.cpuMedian, edgesOnly.median, edgesOnly.cpuMedian, edgesAliased.median);
    view.scale(0.4 / view.transform().m11(), 0.4 / view.transform().m11());
    const Timing closer = measure(20, repaint);
    std::printf("  repaint at zoom 0.4 (full detail): median %.1f ms (CPU %.1f)\n", closer.median, closer.cpuMedian);
    view.fitAll();

    const int selected = std::min<int>(500, static_cast<int>(document.architecture().resources().size()));
    for (int i = 0; i < selected; ++i)
        scene->resourceItem(document.architecture().resources()[static_cast<std::size_t>(i)].id)->setSelected(true);
    const QString grabbedId = document.architecture().resources().front().id;
    QPointF at = scene->resourceItem(grabbedId)->sceneBoundingRect().center();
    const QPointF start = document.architecture().resource(grabbedId)->position;
    sendMouse(scene.get(), QEvent::GraphicsSceneMousePress, at, at, Qt::LeftButton);
    const Timing moves = measure(100, [&] {
        const QPointF next = at + QPointF(3, 2);
        sendMouse(scene.get(), QEvent::GraphicsSceneMouseMove, next, at, Qt::LeftButton);
        at = next;
    });
    const Timing movesPainted = measure(20, [&] {
        const QPointF next = at + QPointF(3, 2);
        sendMouse(scene.get(), QEvent::GraphicsSceneMouseMove, next, at, Qt::LeftButton);
        at = next;
        repaint();
    });
    const Timing release = measure(1, [&] { sendMouse(scene.get(), QEvent::GraphicsSceneMouseRelease, at, at, Qt::NoButton); });
    const QPointF moved = document.architecture().resource(grabbedId)->position;
    std::printf("drag of %d selected nodes: mouse move median %.2f ms, max %.2f ms of 100; with a repaint median %.1f ms "
                "of 20; release (one undo step) %.1f ms; moved by (%.0f, %.0f), undo steps %d\n",
                selected, moves.median, moves.max, movesPainted.median, release.median, moved.x() - start.x(),
                moved.y() - start.y(), document.undoStack()->count());

    if (argc > 2 && qstrcmp(argv[2], "canvas") == 0)
        return 0;
    benchLayout(2000, catalogue);
    benchLayout(resources, catalogue);
    return 0;
}
