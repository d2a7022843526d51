#include "exporters/TemplateWriter.h"

#include "exporters/MetadataNumbers.h"
#include "model/tree/JsonTreeWriter.h"
#include "model/tree/YamlTreeWriter.h"

#include <QSet>

#include <cmath>
#include <cstdint>
#include <string>

namespace tributary {

namespace {

const std::string kResources = "Resources";
const std::string kMetadata = "Metadata";
const std::string kTributary = "Tributary";

bool isHeader(const std::string& key)
{
    return key == "AWSTemplateFormatVersion" || key == "Transform" || key == "Description";
}

bool precedesResources(const std::string& key)
{
    return isHeader(key) || key == kMetadata || key == "Parameters" || key == "Mappings" || key == "Conditions"
        || key == "Rules" || key == "Globals";
}

/** A coordinate as the layout stores it: an integer when whole. */
JsonTree coordinate(qreal value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 9.0e15)
        return static_cast<std::int64_t>(value);
    return std::isfinite(value) ? JsonTree(value) : JsonTree(0);
}

JsonTree tributaryMetadata(const Architecture& architecture)
{
    JsonTree layout = JsonTree::object();
    for (const Resource& resource : architecture.resources())
        layout[resource.id.toStdString()] = JsonTree::array({coordinate(resource.position.x()), coordinate(resource.position.y())});
    JsonTree metadata = JsonTree::object();
    metadata["layout"] = std::move(layout);
    if (!architecture.groups().empty()) {
        JsonTree groups = JsonTree::array();
        for (const Group& group : architecture.groups()) {
            JsonTree members = JsonTree::array();
            for (const QString& member : group.members)
                members.push_back(member.toStdString());
            JsonTree entry = JsonTree::object();
            entry["id"] = group.id.toStdString();
            entry["label"] = group.label.toStdString();
            entry["members"] = std::move(members);
            groups.push_back(std::move(entry));
        }
        metadata["groups"] = std::move(groups);
    }
    for (auto it = architecture.settings().begin(); it != architecture.settings().end(); ++it)
        metadata[it.key()] = MetadataNumbers::asWritten(it.value());
    return metadata;
}

JsonTree resourceEntry(const Resource& resource)
{
    JsonTree entry = JsonTree::object();
    const JsonTree& attributes = resource.attributes;
    const auto put = [&](const std::string& key) {
        if (entry.contains(key))
            return;
        if (key == "Type")
            entry[key] = resource.cfnType.toStdString();
        else if (key == "Properties")
            entry[key] = resource.properties;
        else if (attributes.is_object() && attributes.contains(key))
            entry[key] = attributes[key];
    };
    for (const QString& key : resource.entryKeys)
        put(key.toStdString());
    put("Type");
    put("Condition");
    put("DependsOn");
    if (!resource.properties.empty())
        put("Properties");
    if (attributes.is_object()) {
        for (auto it = attributes.begin(); it != attributes.end(); ++it)
            put(it.key());
    }
    return entry;
}

} // namespace

JsonTree TemplateWriter::toTree(const Architecture& architecture)
{
    const JsonTree& sections = architecture.templateSections();

    JsonTree withMetadata = JsonTree::object();
    const bool hasMetadata = sections.contains(kMetadata);
    bool metadataPlaced = hasMetadata;
    for (auto it = sections.begin(); it != sections.end(); ++it) {
        if (!metadataPlaced && !isHeader(it.key())) {
            withMetadata[kMetadata] = JsonTree::object();
            metadataPlaced = true;
        }
        withMetadata[it.key()] = it.value();
    }
    if (!metadataPlaced)
        withMetadata[kMetadata] = JsonTree::object();
    JsonTree& metadata = withMetadata[kMetadata];
    if (metadata.is_object())
        metadata[kTributary] = tributaryMetadata(architecture);

    JsonTree resources = JsonTree::object();
    for (const Resource& resource : architecture.resources())
        resources[resource.id.toStdString()] = resourceEntry(resource);

    JsonTree tree = JsonTree::object();
    const bool marked = withMetadata.contains(kResources);
    bool resourcesPlaced = false;
    for (auto it = withMetadata.begin(); it != withMetadata.end(); ++it) {
        if (!resourcesPlaced && (marked ? it.key() == kResources : !precedesResources(it.key()))) {
            tree[kResources] = resources;
            resourcesPlaced = true;
        }
        if (it.key() != kResources)
            tree[it.key()] = it.value();
    }
    if (!resourcesPlaced)
        tree[kResources] = std::move(resources);
    return tree;
}

QByteArray TemplateWriter::write(const Architecture& architecture)
{
    return write(architecture, architecture.style().format);
}

QByteArray TemplateWriter::write(const Architecture& architecture, TemplateStyle::Format format)
{
    const JsonTree tree = toTree(architecture);
    if (format == TemplateStyle::Format::Json)
        return JsonTreeWriter::write(tree);
    TemplateStyle style = architecture.style();
    if (style.format != TemplateStyle::Format::Yaml) {
        style = TemplateStyle();
        style.format = TemplateStyle::Format::Yaml;
    }
    return YamlTreeWriter::write(tree, style, {"", "/Resources"});
}

} // namespace tributary
