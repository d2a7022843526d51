#pragma once

#include "exporters/DiagramWriter.h"

namespace tributary {

/**
 * A Graphviz digraph with rankdir=LR: each node filled with its category's colour, in a shape per
 * category (compute rounded box, integration hexagon, storage folder, database cylinder, api
 * component, other box); groups as clusters; edges labelled and styled solid, dashed or dotted.
 * Every id and label is a quoted DOT string with \ and " escaped.
 */
class DotWriter : public DiagramWriter
{
public:
    QByteArray write(const Architecture& architecture, const Catalogue& catalogue) const override;

    /** text as a quoted DOT string; line breaks become \n (centred lines). */
    static QString quote(const QString& text);
    static QString shapeOf(const QString& category);
};

} // namespace tributary
