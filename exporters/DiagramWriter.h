#pragma once

#include "model/Architecture.h"

#include <QByteArray>
#include <QString>

namespace tributary {

class Catalogue;

/**
 * Writes an architecture as a diagram in a text format: one node per resource, labelled with its
 * id and the display name of its kind (for the generic kind, its CloudFormation type) and coloured
 * by the kind's category, one edge per connection labelled with its rule's label. Resources and
 * connections the catalogue does not know are still drawn (category "other", the rule id as
 * label); a connection whose end is not a resource is left out.
 */
class DiagramWriter
{
public:
    /** How an edge is drawn, from its rule's meaning. */
    enum class LineStyle { Solid, Dashed, Dotted };

    virtual ~DiagramWriter() = default;

    /** The diagram text, ending in a newline. */
    virtual QByteArray write(const Architecture& architecture, const Catalogue& catalogue) const = 0;

    /** Dashed for async, onSuccess, onFailure and deadLetter; dotted for sdk, reference and dependency; solid otherwise. */
    static LineStyle lineStyleOf(const QString& meaning);
    /** The fill colour of a category (compute #ED7100, integration #E7157B, storage #7AA116, database #C925D1, api #8C4FFF, other #5A6B86). */
    static QString colourOf(const QString& category);

protected:
    /** What a node shows, looked up once. */
    struct NodeInfo
    {
        QString kindName;
        QString category;
    };
    struct EdgeInfo
    {
        QString label;
        LineStyle style = LineStyle::Solid;
    };

    static NodeInfo nodeInfo(const Resource& resource, const Catalogue& catalogue);
    static EdgeInfo edgeInfo(const Connection& connection, const Catalogue& catalogue);
    /** The categories in a fixed order (the catalogue's, then "other"). */
    static QStringList categories();
};

} // namespace tributary
