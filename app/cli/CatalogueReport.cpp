#include "app/cli/CatalogueReport.h"

#include "model/catalogue/Catalogue.h"

#include <QTextStream>

namespace tributary {

namespace {

JsonTree stringsToJson(const QStringList& strings)
{
    JsonTree list = JsonTree::array();
    for (const QString& text : strings)
        list.push_back(text.toStdString());
    return list;
}

JsonTree fieldsToJson(const std::vector<PropertyField>& fields)
{
    JsonTree list = JsonTree::array();
    for (const PropertyField& field : fields) {
        JsonTree item;
        item["path"] = field.path.toStdString();
        item["label"] = field.label.toStdString();
        item["type"] = field.type.toStdString();
        if (!field.values.isEmpty())
            item["values"] = stringsToJson(field.values);
        if (field.minimum)
            item["min"] = *field.minimum;
        if (field.maximum)
            item["max"] = *field.maximum;
        if (!field.unit.isEmpty())
            item["unit"] = field.unit.toStdString();
        if (!field.defaultValue.is_null())
            item["default"] = field.defaultValue;
        item["help"] = field.help.toStdString();
        list.push_back(std::move(item));
    }
    return list;
}

} // namespace

JsonTree CatalogueReport::toJson(const Catalogue& catalogue)
{
    JsonTree kinds = JsonTree::array();
    for (const ResourceKind& kind : catalogue.kinds()) {
        JsonTree item;
        item["id"] = kind.id.toStdString();
        item["displayName"] = kind.displayName.toStdString();
        item["category"] = kind.category.toStdString();
        item["cfnTypes"] = stringsToJson(kind.cfnTypes);
        item["generic"] = kind.generic;
        item["description"] = kind.description.toStdString();
        item["attributes"] = stringsToJson(kind.attributes);
        item["fields"] = fieldsToJson(kind.fields);
        item["defaultProperties"] = kind.defaultProperties;
        item["simulation"] = kind.simulation;
        kinds.push_back(std::move(item));
    }
    JsonTree connections = JsonTree::array();
    for (const ConnectionRule& rule : catalogue.rules()) {
        JsonTree item;
        item["id"] = rule.id.toStdString();
        item["source"] = rule.sourceKind.toStdString();
        item["target"] = rule.targetKind.toStdString();
        item["meaning"] = rule.meaning.toStdString();
        item["label"] = rule.label.toStdString();
        item["description"] = rule.description.toStdString();
        item["properties"] = fieldsToJson(rule.properties);
        item["writes"] = rule.writes;
        item["recognise"] = rule.recognise;
        connections.push_back(std::move(item));
    }
    JsonTree report;
    report["kinds"] = std::move(kinds);
    report["connections"] = std::move(connections);
    return report;
}

QString CatalogueReport::toText(const Catalogue& catalogue)
{
    QString text;
    QTextStream stream(&text);
    stream << catalogue.kinds().size() << " kinds\n";
    for (const QString& category : ResourceKind::knownCategories()) {
        for (const ResourceKind& kind : catalogue.kinds()) {
            if (kind.category != category)
                continue;
            stream << "  " << qSetFieldWidth(14) << Qt::left << kind.id << qSetFieldWidth(0) << qSetFieldWidth(12)
                   << category << qSetFieldWidth(0) << kind.displayName;
            if (!kind.cfnTypes.isEmpty())
                stream << " (" << kind.cfnTypes.join(QStringLiteral(", ")) << ")";
            stream << "\n";
        }
    }
    stream << "\n" << catalogue.rules().size() << " connection rules\n";
    for (const ConnectionRule& rule : catalogue.rules()) {
        stream << "  " << qSetFieldWidth(30) << Qt::left << rule.id << qSetFieldWidth(0)
               << rule.sourceKind << " -> " << rule.targetKind << "  [" << rule.meaning << "] " << rule.label << "\n";
    }
    return text;
}

} // namespace tributary
