#include "exporters/ResourceClipboard.h"

#include "exporters/ConnectionDeriver.h"
#include "model/LogicalId.h"
#include "model/References.h"
#include "model/catalogue/Catalogue.h"

#include <QSet>

namespace tributary {

namespace {

constexpr int kFormatVersion = 1;

JsonTree toJson(const Resource& resource)
{
    JsonTree entry = JsonTree::object();
    entry["id"] = resource.id.toStdString();
    entry["type"] = resource.cfnType.toStdString();
    entry["properties"] = resource.properties;
    entry["attributes"] = resource.attributes;
    entry["position"] = JsonTree::array({resource.position.x(), resource.position.y()});
    return entry;
}

QString text(const JsonTree& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? QString::fromStdString(found->get<std::string>()) : QString();
}

} // namespace

QString ResourceClipboard::mimeType()
{
    return QStringLiteral("application/x-tributary-resources");
}

QByteArray ResourceClipboard::copy(const Architecture& architecture, const QStringList& ids)
{
    QSet<QString> copied(ids.begin(), ids.end());
    for (const Connection& connection : architecture.connections()) {
        if (!copied.contains(connection.source) || !copied.contains(connection.target))
            continue;
        for (const JsonTree& part : connection.parts) {
            if (!part.contains("path"))
                copied.insert(QString::fromStdString(part.value("resource", std::string())));
        }
    }
    JsonTree resources = JsonTree::array();
    for (const Resource& resource : architecture.resources()) {
        if (copied.contains(resource.id))
            resources.push_back(toJson(resource));
    }
    JsonTree clip = JsonTree::object();
    clip["tributaryClipboard"] = kFormatVersion;
    clip["resources"] = std::move(resources);
    return QByteArray::fromStdString(clip.dump());
}

std::optional<ResourceClipboard::Pasted> ResourceClipboard::paste(const Architecture& architecture, const Catalogue& catalogue,
                                                                  const QByteArray& bytes, QPointF offset, QString* problem)
{
    JsonTree clip;
    try {
        clip = JsonTree::parse(bytes.toStdString());
    } catch (const JsonTree::parse_error&) {
        *problem = QStringLiteral("The clipboard does not hold Tributary resources.");
        return std::nullopt;
    }
    if (!clip.is_object() || clip.value("tributaryClipboard", 0) != kFormatVersion || !clip.value("resources", JsonTree()).is_array()) {
        *problem = QStringLiteral("The clipboard does not hold Tributary resources of this version.");
        return std::nullopt;
    }
    Pasted pasted;
    QSet<QString> oldIds;
    for (const JsonTree& entry : clip["resources"]) {
        Resource resource;
        resource.id = entry.is_object() ? text(entry, "id") : QString();
        resource.cfnType = entry.is_object() ? text(entry, "type") : QString();
        const JsonTree position = entry.is_object() ? entry.value("position", JsonTree()) : JsonTree();
        if (!LogicalId::problemWith(resource.id).isEmpty() || resource.cfnType.isEmpty() || oldIds.contains(resource.id)
            || !position.is_array() || position.size() != 2 || !position[0].is_number() || !position[1].is_number()) {
            *problem = QStringLiteral("The clipboard holds a resource Tributary cannot paste.");
            return std::nullopt;
        }
        oldIds.insert(resource.id);
        resource.kind = catalogue.kindForCfnType(resource.cfnType).id;
        resource.properties = entry.value("properties", JsonTree::object());
        resource.attributes = entry.value("attributes", JsonTree::object());
        resource.position = QPointF(position[0].get<double>(), position[1].get<double>()) + offset;
        pasted.resources.push_back(std::move(resource));
    }

    // New ids that neither the target nor the copy uses, so that renaming one after another never collides.
    Architecture combined = architecture;
    QSet<QString> newIds;
    std::vector<std::pair<std::string, std::string>> renames;
    for (Resource& resource : pasted.resources) {
        if (!architecture.isNameTaken(resource.id)) {
            newIds.insert(resource.id);
            continue;
        }
        QString id;
        for (int n = 2; id.isEmpty() || architecture.isNameTaken(id) || oldIds.contains(id) || newIds.contains(id); ++n)
            id = resource.id + QString::number(n);
        newIds.insert(id);
        renames.emplace_back(resource.id.toStdString(), id.toStdString());
        resource.id = id;
    }
    for (Resource& resource : pasted.resources) {
        for (const auto& [from, to] : renames)
            References::renameInEntry(resource.properties, resource.attributes, from, to);
        combined.insertResource(static_cast<int>(combined.resources().size()), resource);
    }

    QSet<QString> connectionIds;
    for (Connection& connection : ConnectionDeriver::derive(combined, catalogue)) {
        if (!newIds.contains(connection.source) && !newIds.contains(connection.target))
            continue;
        QString id = connection.id;
        for (int n = 2; architecture.connection(id) || connectionIds.contains(id); ++n)
            id = connection.id + QString::number(n);
        connection.id = id;
        connectionIds.insert(id);
        pasted.connections.push_back(std::move(connection));
    }
    return pasted;
}

} // namespace tributary
