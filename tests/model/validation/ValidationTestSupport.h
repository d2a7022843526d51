#pragma once

// Builds small architectures for validation tests from a compact JSON description:
//
//   {"resources": {"Q": {"kind": "queue", "set": {"VisibilityTimeout": 10}},
//                  "F": {"kind": "function", "type": "AWS::Lambda::Function", "properties": {...}},
//                  "Role": {"kind": "generic", "type": "AWS::IAM::Role", "attributes": {"DependsOn": "Q"}}},
//    "connections": [{"from": "Q", "to": "F", "rule": "queueToFunction", "properties": {...}, "parts": [...], "id": "X"}],
//    "sections": {"Parameters": {...}, "Globals": {...}}}
//
// A resource starts as Catalogue::makeResource gives it (the kind's default properties); "properties"
// replaces them, "set" merges into them (RFC 7386: null removes a key). Connection ids default to
// source + target + rule. {"$json": value} anywhere stands for value written as JSON text (moc
// misreads escaped quotes inside raw string literals). Everything goes in through the Architecture mutators.

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"

#include <QString>

namespace tributary::test {

/** value with every {"$json": x} replaced by the JSON text of x. */
inline JsonTree withJsonTexts(const JsonTree& value)
{
    if (value.is_object() && value.size() == 1 && value.contains("$json"))
        return value["$json"].dump();
    JsonTree result = value;
    if (value.is_object() || value.is_array()) {
        auto source = value.begin();
        for (auto target = result.begin(); target != result.end(); ++target, ++source)
            *target = withJsonTexts(*source);
    }
    return result;
}

inline Architecture architectureFrom(const Catalogue& catalogue, const QByteArray& description, QString* problem)
{
    Architecture architecture;
    const JsonTree parsed = JsonTree::parse(description.constData(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        *problem = QStringLiteral("the architecture description is not a JSON object: %1").arg(QString::fromUtf8(description));
        return architecture;
    }
    const JsonTree spec = withJsonTexts(parsed);
    const JsonTree resources = spec.value("resources", JsonTree::object());
    const JsonTree connections = spec.value("connections", JsonTree::array());
    const JsonTree sections = spec.value("sections", JsonTree::object());
    int index = 0;
    for (const auto& [id, entry] : resources.items()) {
        const ResourceKind* kind = catalogue.kind(QString::fromStdString(entry.value("kind", "generic")));
        if (!kind) {
            *problem = QStringLiteral("no kind '%1'").arg(QString::fromStdString(entry.value("kind", "")));
            return architecture;
        }
        Resource resource = catalogue.makeResource(*kind, QString::fromStdString(id), QPointF(index * 100, 0));
        if (entry.contains("type"))
            resource.cfnType = QString::fromStdString(entry["type"].get<std::string>());
        else if (!kind->cfnTypes.isEmpty())
            resource.cfnType = kind->cfnTypes.front();
        if (entry.contains("properties"))
            resource.properties = entry["properties"];
        if (entry.contains("set"))
            resource.properties.merge_patch(entry["set"]);
        if (entry.contains("attributes"))
            resource.attributes = entry["attributes"];
        architecture.insertResource(index++, std::move(resource));
    }
    index = 0;
    for (const JsonTree& entry : connections) {
        Connection connection;
        connection.source = QString::fromStdString(entry.value("from", ""));
        connection.target = QString::fromStdString(entry.value("to", ""));
        connection.rule = QString::fromStdString(entry.value("rule", ""));
        connection.id = entry.contains("id") ? QString::fromStdString(entry["id"].get<std::string>())
                                             : connection.source + connection.target + connection.rule;
        connection.properties = entry.value("properties", JsonTree::object());
        connection.parts = entry.value("parts", JsonTree::array());
        architecture.insertConnection(index++, std::move(connection));
    }
    for (const auto& [key, section] : sections.items())
        architecture.templateSections()[key] = section;
    return architecture;
}

} // namespace tributary::test
