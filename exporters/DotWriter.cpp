#include "exporters/DotWriter.h"

#include "model/catalogue/Catalogue.h"

#include <QSet>

namespace tributary {

namespace {

QString styleName(DiagramWriter::LineStyle style)
{
    switch (style) {
    case DiagramWriter::LineStyle::Dashed: return QStringLiteral("dashed");
    case DiagramWriter::LineStyle::Dotted: return QStringLiteral("dotted");
    case DiagramWriter::LineStyle::Solid: break;
    }
    return QStringLiteral("solid");
}

} // namespace

QString DotWriter::quote(const QString& text)
{
    QString quoted = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            quoted += QStringLiteral("\\n");
        else if (c != QLatin1Char('\r'))
            quoted += c;
    }
    return quoted + QLatin1Char('"');
}

QString DotWriter::shapeOf(const QString& category)
{
    if (category == QLatin1String("compute"))
        return QStringLiteral("box");
    if (category == QLatin1String("integration"))
        return QStringLiteral("hexagon");
    if (category == QLatin1String("storage"))
        return QStringLiteral("folder");
    if (category == QLatin1String("database"))
        return QStringLiteral("cylinder");
    if (category == QLatin1String("api"))
        return QStringLiteral("component");
    return QStringLiteral("box");
}

QByteArray DotWriter::write(const Architecture& architecture, const Catalogue& catalogue) const
{
    QString text = QStringLiteral("digraph tributary {\n"
                                  "  rankdir=LR;\n"
                                  "  node [style=filled, fontname=\"Helvetica\", fontcolor=\"#ffffff\", fontsize=11];\n"
                                  "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#545B64\"];\n");
    const auto nodeLine = [&](const Resource& resource, const QString& indent) {
        const NodeInfo info = nodeInfo(resource, catalogue);
        const QString colour = colourOf(info.category);
        const QString style = info.category == QLatin1String("compute") ? QStringLiteral("\"rounded,filled\"")
                                                                         : QStringLiteral("filled");
        return QStringLiteral("%1%2 [label=%3, shape=%4, style=%5, fillcolor=\"%6\", color=\"%6\"];\n")
            .arg(indent, quote(resource.id), quote(resource.id + QLatin1Char('\n') + info.kindName),
                 shapeOf(info.category), style, colour);
    };
    QSet<QString> grouped;
    int groupIndex = 0;
    for (const Group& group : architecture.groups()) {
        text += QStringLiteral("  subgraph cluster_%1 {\n    label=%2;\n    style=rounded;\n    color=\"#879196\";\n")
                    .arg(groupIndex++)
                    .arg(quote(group.label));
        for (const QString& member : group.members) {
            const Resource* resource = architecture.resource(member);
            if (!resource || grouped.contains(member))
                continue;
            grouped.insert(member);
            text += nodeLine(*resource, QStringLiteral("    "));
        }
        text += QStringLiteral("  }\n");
    }
    for (const Resource& resource : architecture.resources()) {
        if (!grouped.contains(resource.id))
            text += nodeLine(resource, QStringLiteral("  "));
    }
    for (const Connection& connection : architecture.connections()) {
        if (!architecture.resource(connection.source) || !architecture.resource(connection.target))
            continue;
        const EdgeInfo info = edgeInfo(connection, catalogue);
        text += QStringLiteral("  %1 -> %2 [label=%3, style=%4];\n")
                    .arg(quote(connection.source), quote(connection.target), quote(info.label), styleName(info.style));
    }
    text += QStringLiteral("}\n");
    return text.toUtf8();
}

} // namespace tributary
