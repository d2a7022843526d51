#include "exporters/DiagramWriter.h"

#include "model/catalogue/Catalogue.h"

namespace tributary {

DiagramWriter::LineStyle DiagramWriter::lineStyleOf(const QString& meaning)
{
    static const QStringList dashed{QStringLiteral("async"), QStringLiteral("onSuccess"), QStringLiteral("onFailure"),
                                    QStringLiteral("deadLetter")};
    static const QStringList dotted{QStringLiteral("sdk"), QStringLiteral("reference"), QStringLiteral("dependency")};
    if (dashed.contains(meaning))
        return LineStyle::Dashed;
    if (dotted.contains(meaning))
        return LineStyle::Dotted;
    return LineStyle::Solid;
}

QString DiagramWriter::colourOf(const QString& category)
{
    if (category == QLatin1String("compute"))
        return QStringLiteral("#ED7100");
    if (category == QLatin1String("integration"))
        return QStringLiteral("#E7157B");
    if (category == QLatin1String("storage"))
        return QStringLiteral("#7AA116");
    if (category == QLatin1String("database"))
        return QStringLiteral("#C925D1");
    if (category == QLatin1String("api"))
        return QStringLiteral("#8C4FFF");
    return QStringLiteral("#5A6B86");
}

QStringList DiagramWriter::categories()
{
    return {QStringLiteral("compute"), QStringLiteral("integration"), QStringLiteral("storage"),
            QStringLiteral("database"), QStringLiteral("api"), QStringLiteral("other")};
}

DiagramWriter::NodeInfo DiagramWriter::nodeInfo(const Resource& resource, const Catalogue& catalogue)
{
    const ResourceKind* kind = catalogue.kind(resource.kind);
    if (!kind || kind->generic)
        return {resource.cfnType.isEmpty() ? (kind ? kind->displayName : resource.kind) : resource.cfnType,
                QStringLiteral("other")};
    return {kind->displayName, categories().contains(kind->category) ? kind->category : QStringLiteral("other")};
}

DiagramWriter::EdgeInfo DiagramWriter::edgeInfo(const Connection& connection, const Catalogue& catalogue)
{
    const ConnectionRule* rule = catalogue.rule(connection.rule);
    if (!rule)
        return {connection.rule, LineStyle::Solid};
    return {rule->label.isEmpty() ? rule->id : rule->label, lineStyleOf(rule->meaning)};
}

} // namespace tributary
