#include "exporters/MermaidWriter.h"

#include "model/catalogue/Catalogue.h"

#include <QSet>

namespace tributary {

namespace {

bool isPlainId(const QString& id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            return false;
    }
    return true;
}

QString dashes(DiagramWriter::LineStyle style)
{
    return style == DiagramWriter::LineStyle::Solid ? QStringLiteral("-->") : QStringLiteral("-.->");
}

} // namespace

QString MermaidWriter::nodeId(const QString& id)
{
    static const QSet<QString> reserved{
        QStringLiteral("end"),      QStringLiteral("graph"),     QStringLiteral("flowchart"),
        QStringLiteral("subgraph"), QStringLiteral("style"),     QStringLiteral("classdef"),
        QStringLiteral("class"),    QStringLiteral("click"),     QStringLiteral("linkstyle"),
        QStringLiteral("direction"), QStringLiteral("call"),     QStringLiteral("href"),
        QStringLiteral("default"),  QStringLiteral("interpolate"), QStringLiteral("accdescr"),
        QStringLiteral("acctitle")};
    if (isPlainId(id) && !reserved.contains(id.toLower()))
        return id;
    QString safe = QStringLiteral("id_");
    for (const QChar c : id) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            safe += c;
        else
            safe += QStringLiteral("_%1_").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return safe;
}

QString MermaidWriter::escape(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': escaped += QStringLiteral("#quot;"); break;
        case '<': escaped += QStringLiteral("#lt;"); break;
        case '>': escaped += QStringLiteral("#gt;"); break;
        case '&': escaped += QStringLiteral("#amp;"); break;
        case '#': escaped += QStringLiteral("#35;"); break;
        case '|': escaped += QStringLiteral("#124;"); break;
        case '\n': escaped += QStringLiteral("<br/>"); break;
        case '\r': break;
        default: escaped += c;
        }
    }
    return escaped;
}

QByteArray MermaidWriter::write(const Architecture& architecture, const Catalogue& catalogue) const
{
    QString text = QStringLiteral("flowchart LR\n");
    for (const QString& category : categories()) {
        const QString colour = colourOf(category);
        text += QStringLiteral("  classDef %1 fill:%2,stroke:%2,color:#ffffff\n").arg(category, colour);
    }

    const auto nodeLine = [&](const Resource& resource, const QString& indent) {
        const NodeInfo info = nodeInfo(resource, catalogue);
        return QStringLiteral("%1%2[\"%3<br/>%4\"]:::%5\n")
            .arg(indent, nodeId(resource.id), escape(resource.id), escape(info.kindName), info.category);
    };
    QSet<QString> grouped;
    int groupIndex = 0;
    for (const Group& group : architecture.groups()) {
        text += QStringLiteral("  subgraph group%1 [\"%2\"]\n").arg(groupIndex++).arg(escape(group.label));
        for (const QString& member : group.members) {
            const Resource* resource = architecture.resource(member);
            if (!resource || grouped.contains(member))
                continue;
            grouped.insert(member);
            text += nodeLine(*resource, QStringLiteral("    "));
        }
        text += QStringLiteral("  end\n");
    }
    for (const Resource& resource : architecture.resources()) {
        if (!grouped.contains(resource.id))
            text += nodeLine(resource, QStringLiteral("  "));
    }

    QStringList dashed;
    QStringList dotted;
    int edgeIndex = 0;
    for (const Connection& connection : architecture.connections()) {
        if (!architecture.resource(connection.source) || !architecture.resource(connection.target))
            continue;
        const EdgeInfo info = edgeInfo(connection, catalogue);
        text += QStringLiteral("  %1 %2|\"%3\"| %4\n")
                    .arg(nodeId(connection.source), dashes(info.style), escape(info.label), nodeId(connection.target));
        if (info.style == LineStyle::Dashed)
            dashed << QString::number(edgeIndex);
        else if (info.style == LineStyle::Dotted)
            dotted << QString::number(edgeIndex);
        ++edgeIndex;
    }
    if (!dashed.isEmpty())
        text += QStringLiteral("  linkStyle %1 stroke-dasharray:8 4\n").arg(dashed.join(QLatin1Char(',')));
    if (!dotted.isEmpty())
        text += QStringLiteral("  linkStyle %1 stroke-dasharray:2 3\n").arg(dotted.join(QLatin1Char(',')));
    return text.toUtf8();
}

} // namespace tributary
