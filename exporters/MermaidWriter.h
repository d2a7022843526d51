#pragma once

#include "exporters/DiagramWriter.h"

namespace tributary {

/**
 * A Mermaid `flowchart LR`: nodes `Id["Id<br/>Kind"]:::category` with one classDef per category,
 * groups as subgraphs, edges `A -->|"label"| B` (solid) or `A -.->|"label"| B` with a linkStyle
 * giving dashed or dotted strokes. Text is escaped with Mermaid entities (#quot; #lt; #gt; #amp;
 * #35;); an id Mermaid reserves (end, graph, subgraph …) is written with an "id_" prefix.
 */
class MermaidWriter : public DiagramWriter
{
public:
    QByteArray write(const Architecture& architecture, const Catalogue& catalogue) const override;

    /** The Mermaid node id for a resource id. */
    static QString nodeId(const QString& id);
    /** text escaped for a quoted Mermaid label. */
    static QString escape(const QString& text);
};

} // namespace tributary
