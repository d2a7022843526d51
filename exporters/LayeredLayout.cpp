#include "exporters/LayeredLayout.h"

#include <graphviz/gvc.h>

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <memory>

namespace tributary {

namespace {

constexpr double kPointsPerInch = 72.0;

QMutex& graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

/** Graphviz's error text of the current call; guarded by graphvizMutex(). */
QString& graphvizErrors()
{
    static QString errors;
    return errors;
}

int collectError(char* message)
{
    graphvizErrors() += QString::fromUtf8(message).trimmed() + QLatin1Char(' ');
    return 0;
}

/** The Graphviz context, made once with its plugins; guarded by graphvizMutex(). */
GVC_t* context()
{
    static GVC_t* gvc = gvContext();
    return gvc;
}

/** Sets the attribute of every object of that kind (AGRAPH: the graph itself). */
void declare(Agraph_t* graph, int kind, const char* name, const QString& value)
{
    QByteArray nameBytes(name);
    QByteArray valueBytes = value.toUtf8();
    agattr(graph, kind, nameBytes.data(), valueBytes.data());
}

QString inches(double points)
{
    return QString::number(points / kPointsPerInch, 'f', 4);
}

struct GraphDeleter
{
    void operator()(Agraph_t* graph) const
    {
        gvFreeLayout(context(), graph);
        agclose(graph);
    }
};

std::vector<std::pair<QString, QPointF>> currentPositions(const Architecture& architecture, const QSet<QString>& hidden)
{
    std::vector<std::pair<QString, QPointF>> positions;
    for (const Resource& resource : architecture.resources()) {
        if (!hidden.contains(resource.id))
            positions.emplace_back(resource.id, resource.position);
    }
    return positions;
}

} // namespace

std::vector<std::pair<QString, QPointF>> LayeredLayout::arrange(const Architecture& architecture,
                                                                const QSet<QString>& hidden, const Options& options,
                                                                QString* problem)
{
    if (problem)
        problem->clear();
    std::vector<std::pair<QString, QPointF>> positions = currentPositions(architecture, hidden);
    if (positions.empty())
        return positions;

    QMutexLocker lock(&graphvizMutex());
    graphvizErrors().clear();
    const agusererrf previousHandler = agseterrf(collectError);
    const auto fail = [&](const QString& why) {
        agseterrf(previousHandler);
        if (problem)
            *problem = QStringLiteral("The automatic layout failed: %1").arg(why.trimmed());
        return currentPositions(architecture, hidden);
    };

    QByteArray graphName("tributary");
    std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(graphName.data(), Agdirected, nullptr));
    if (!context() || !graph)
        return fail(graphvizErrors());
    Agraph_t* root = graph.get();
    declare(root, AGRAPH, "rankdir", QStringLiteral("LR"));
    declare(root, AGRAPH, "ranksep", inches(options.rankGap));
    declare(root, AGRAPH, "nodesep", inches(options.nodeGap));
    declare(root, AGRAPH, "margin", QString());
    if (static_cast<int>(positions.size()) > options.exactPlacementLimit)
        declare(root, AGRAPH, "nslimit", QStringLiteral("0.2"));
    declare(root, AGNODE, "shape", QStringLiteral("box"));
    declare(root, AGNODE, "fixedsize", QStringLiteral("true"));
    declare(root, AGNODE, "label", QString());
    declare(root, AGNODE, "width", inches(options.nodeWidth));
    declare(root, AGNODE, "height", inches(options.nodeHeight));
    QByteArray margin("margin");
    QByteArray clusterMargin = QByteArray::number(options.nodeGap / 2);

    QHash<QString, Agnode_t*> nodes;
    for (const auto& [id, position] : positions) {
        QByteArray name = id.toUtf8();
        nodes.insert(id, agnode(root, name.data(), 1));
    }
    int clusterIndex = 0;
    for (const Group& group : architecture.groups()) {
        QByteArray name = QStringLiteral("cluster_%1").arg(clusterIndex++).toUtf8();
        Agraph_t* cluster = nullptr;
        for (const QString& member : group.members) {
            Agnode_t* node = nodes.value(member);
            if (!node)
                continue;
            if (!cluster) {
                cluster = agsubg(root, name.data(), 1);
                agset(cluster, margin.data(), clusterMargin.data());
            }
            agsubnode(cluster, node, 1);
        }
    }
    for (const Connection& connection : architecture.connections()) {
        Agnode_t* source = nodes.value(connection.source);
        Agnode_t* target = nodes.value(connection.target);
        if (source && target)
            agedge(root, source, target, nullptr, 1);
    }

    QByteArray engine("dot");
    if (gvLayout(context(), root, engine.data()) != 0)
        return fail(graphvizErrors());
    const boxf box = GD_bb(root);
    for (auto& [id, position] : positions) {
        const pointf centre = ND_coord(nodes.value(id));
        position = QPointF(centre.x - box.LL.x - options.nodeWidth / 2, box.UR.y - centre.y - options.nodeHeight / 2);
    }
    agseterrf(previousHandler);
    return positions;
}

bool LayeredLayout::needsLayout(const Architecture& architecture)
{
    return !architecture.resources().empty() && architecture.hasPlaceholderLayout();
}

} // namespace tributary
