#pragma once

#include "model/Architecture.h"

#include <QPointF>
#include <QSet>
#include <QString>

#include <utility>
#include <vector>

namespace tributary {

/**
 * Arranges the canvas with Graphviz's layered `dot` layout, left to right along the connections,
 * each group as a cluster. Calls into Graphviz (which keeps global state) are serialized.
 */
class LayeredLayout
{
public:
    /** Sizes and gaps in scene units. */
    struct Options
    {
        double nodeWidth = 180;
        double nodeHeight = 56;
        double rankGap = 80;
        double nodeGap = 40;
        /**
         * Above this many nodes, Graphviz's placement of nodes within their ranks stops early
         * (nslimit) so that large architectures lay out in seconds; nodes still never overlap.
         */
        int exactPlacementLimit = 300;
    };

    /**
     * New top-left positions for the visible resources (not those in hidden), in resource order,
     * left to right along the connections, groups kept together (Graphviz clusters); deterministic.
     * Edges with a hidden end are left out. When Graphviz fails, returns the current positions and
     * sets *problem (if given) to why; otherwise clears it.
     */
    static std::vector<std::pair<QString, QPointF>> arrange(const Architecture& architecture, const QSet<QString>& hidden,
                                                            const Options& options, QString* problem = nullptr);
    /** arrange() with the default Options. */
    static std::vector<std::pair<QString, QPointF>> arrange(const Architecture& architecture, const QSet<QString>& hidden)
    {
        return arrange(architecture, hidden, Options());
    }

    /** True when the architecture has resources and none of their positions came from a stored layout. */
    static bool needsLayout(const Architecture& architecture);
};

} // namespace tributary
