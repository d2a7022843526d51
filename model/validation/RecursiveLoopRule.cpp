#include "model/validation/RecursiveLoopRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

#include <QHash>
#include <QSet>

#include <deque>

namespace tributary {

namespace {

bool carriesEvents(const QString& meaning)
{
    static const QStringList meanings = {
        QStringLiteral("async"),      QStringLiteral("polled"),     QStringLiteral("stream"),
        QStringLiteral("sync"),       QStringLiteral("task"),       QStringLiteral("pipeSource"),
        QStringLiteral("pipeTarget"), QStringLiteral("onSuccess"),  QStringLiteral("sdk"),
    };
    return meanings.contains(meaning);
}

bool startsLoop(const QString& meaning)
{
    return meaning == QLatin1String("sdk") || meaning == QLatin1String("onSuccess");
}

} // namespace

std::vector<Finding> RecursiveLoopRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    // Outgoing event edges of every resource, as indexes into connections().
    QHash<QString, std::vector<int>> outgoing;
    const auto& connections = architecture.connections();
    for (int i = 0; i < static_cast<int>(connections.size()); ++i) {
        const Connection& connection = connections[static_cast<std::size_t>(i)];
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        if (rule && carriesEvents(rule->meaning) && architecture.resource(connection.source)
            && architecture.resource(connection.target))
            outgoing[connection.source].push_back(i);
    }

    std::vector<Finding> findings;
    QSet<QString> reported;
    for (int start = 0; start < static_cast<int>(connections.size()); ++start) {
        const Connection& first = connections[static_cast<std::size_t>(start)];
        const Resource* function = architecture.resource(first.source);
        const ConnectionRule* rule = catalogue.rule(first.rule);
        if (!function || function->kind != QLatin1String("function") || !rule || !startsLoop(rule->meaning)
            || !architecture.resource(first.target))
            continue;
        // Breadth first from the edge's target back to the function: the shortest loop through this edge.
        QHash<QString, int> reachedBy{{first.target, start}};
        std::deque<QString> queue{first.target};
        bool closed = first.target == function->id;
        int closingEdge = closed ? start : -1;
        while (!queue.empty() && !closed) {
            const QString node = queue.front();
            queue.pop_front();
            for (const int edge : outgoing.value(node)) {
                const QString& next = connections[static_cast<std::size_t>(edge)].target;
                if (next == function->id) {
                    closed = true;
                    closingEdge = edge;
                    break;
                }
                if (!reachedBy.contains(next)) {
                    reachedBy.insert(next, edge);
                    queue.push_back(next);
                }
            }
        }
        if (!closed)
            continue;
        QStringList path{function->id};
        QStringList edges;
        for (int edge = closingEdge; edge != start;) {
            const Connection& connection = connections[static_cast<std::size_t>(edge)];
            edges.prepend(connection.id);
            path.prepend(connection.source);
            edge = reachedBy.value(connection.source);
        }
        edges.prepend(first.id);
        path.prepend(function->id);
        QStringList members = path.mid(0, path.size() - 1);
        QStringList key = members;
        key.sort();
        QStringList sortedEdges = edges;
        sortedEdges.sort();
        const QString loopKey = key.join(QLatin1Char(',')) + QLatin1Char('|') + sortedEdges.join(QLatin1Char(','));
        if (reported.contains(loopKey))
            continue;
        reported.insert(loopKey);
        findings.push_back(finding(QStringLiteral("Recursive loop: %1. Every event %2 sends on comes back to it, so "
                                                  "one event can run the loop without end; break it or guard it "
                                                  "(e.g. a separate output resource, or a hop counter).")
                                       .arg(path.join(QStringLiteral(" -> ")), function->id),
                                   members, edges, ValidationSupport::connectionPointer(first)));
    }
    return findings;
}

} // namespace tributary
