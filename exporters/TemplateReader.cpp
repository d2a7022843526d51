#include "exporters/TemplateReader.h"

#include "exporters/MetadataNumbers.h"
#include "exporters/ConnectionDeriver.h"
#include "exporters/TemplateError.h"
#include "model/LogicalId.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/TreeFileReader.h"

#include <QSet>

#include <cmath>
#include <utility>
#include <vector>

namespace tributary {

namespace {

constexpr qreal columnWidth = 240;
constexpr qreal rowHeight = 100;

QString where(const QString& path, const ParsedTree& tree, const std::string& pointer)
{
    const auto location = tree.locations.find(pointer);
    if (location == tree.locations.end() || location->second.line <= 0)
        return path;
    return QStringLiteral("%1:%2:%3").arg(path).arg(location->second.line).arg(location->second.column);
}

/** How many intrinsic functions a template writes in each form. */
struct IntrinsicCounts
{
    int shortForm = 0;
    int longForm = 0;
    int getAttDot = 0;
    int getAttList = 0;
};

void countIntrinsics(const ParsedTree& tree, const JsonTree& node, const std::string& pointer, IntrinsicCounts& counts)
{
    if (node.is_object()) {
        if (node.size() == 1) {
            const std::string& key = node.begin().key();
            if (key == "Ref" || key.rfind("Fn::", 0) == 0) {
                const bool shortForm = tree.shortForms.count(pointer) > 0;
                ++(shortForm ? counts.shortForm : counts.longForm);
                if (shortForm && key == "Fn::GetAtt")
                    ++(tree.getAttDotForms.count(pointer) > 0 ? counts.getAttDot : counts.getAttList);
            }
        }
        for (auto it = node.begin(); it != node.end(); ++it)
            countIntrinsics(tree, it.value(), ParsedTree::childPointer(pointer, it.key()), counts);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            countIntrinsics(tree, node[i], ParsedTree::childPointer(pointer, i), counts);
    }
}

std::optional<QPointF> layoutPosition(const JsonTree& layout, const std::string& id)
{
    const auto entry = layout.find(id);
    if (entry == layout.end() || !entry->is_array() || entry->size() != 2 || !(*entry)[0].is_number()
        || !(*entry)[1].is_number())
        return std::nullopt;
    return QPointF((*entry)[0].get<double>(), (*entry)[1].get<double>());
}

/** AWS Infrastructure Composer's groups ({id: {Label, Members}}) in Tributary's form, or an empty list. */
JsonTree composerGroups(const JsonTree& metadata)
{
    JsonTree groups = JsonTree::array();
    const auto composer = metadata.find("AWS::Composer::Groups");
    if (composer == metadata.end() || !composer->is_object())
        return groups;
    for (auto it = composer->begin(); it != composer->end(); ++it) {
        JsonTree group = JsonTree::object();
        group["id"] = it.key();
        if (it.value().is_object()) {
            group["label"] = it.value().value("Label", JsonTree(it.key()));
            group["members"] = it.value().value("Members", JsonTree::array());
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

/**
 * Adds the groups of the list to the architecture. A malformed entry, a member that is not a
 * resource or one already in another group is left out with a warning: groups are only layout.
 */
void readGroups(const JsonTree& groups, const QString& path, Architecture& architecture, QStringList* warnings)
{
    const auto warn = [&](const QString& what) {
        if (warnings)
            warnings->append(QStringLiteral("%1: Metadata groups: %2").arg(path, what));
    };
    if (!groups.is_array()) {
        warn(QStringLiteral("not a list, ignored"));
        return;
    }
    QSet<QString> grouped;
    for (const JsonTree& entry : groups) {
        const auto text = [&](const char* key) {
            const auto value = entry.find(key);
            return value != entry.end() && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
        };
        const QString id = entry.is_object() ? text("id") : QString();
        if (!LogicalId::problemWith(id).isEmpty() || architecture.group(id)) {
            warn(QStringLiteral("an entry without a valid, unique id is ignored"));
            continue;
        }
        Group group{id, text("label").isEmpty() ? id : text("label"), {}};
        const JsonTree members = entry.value("members", JsonTree::array());
        for (const JsonTree& member : members.is_array() ? members : JsonTree::array()) {
            const QString memberId = member.is_string() ? QString::fromStdString(member.get<std::string>()) : QString();
            if (!architecture.resource(memberId) || grouped.contains(memberId)) {
                warn(QStringLiteral("group '%1' names '%2', which is not a resource or is in another group; left out")
                         .arg(id, memberId));
                continue;
            }
            grouped.insert(memberId);
            group.members.append(memberId);
        }
        architecture.insertGroup(static_cast<int>(architecture.groups().size()), std::move(group));
    }
}

} // namespace

Architecture TemplateReader::read(const QString& path, const Catalogue& catalogue, QStringList* warnings)
{
    const ParsedTree tree = TreeFileReader::read(path);
    if (!tree.value.is_object())
        throw TemplateError(QStringLiteral("%1: a template must be a map of sections").arg(where(path, tree, "")));
    const auto resources = tree.value.find("Resources");
    if (resources == tree.value.end() || !resources->is_object())
        throw TemplateError(QStringLiteral("%1: the template has no 'Resources' map").arg(where(path, tree, "")));

    Architecture architecture;
    TemplateStyle style;
    style.format = tree.format == ParsedTree::Format::Json ? TemplateStyle::Format::Json : TemplateStyle::Format::Yaml;
    IntrinsicCounts counts;
    countIntrinsics(tree, tree.value, "", counts);
    style.shortForms = style.format == TemplateStyle::Format::Yaml && counts.shortForm >= counts.longForm;
    style.getAttDotForm = counts.getAttDot >= counts.getAttList;
    architecture.setStyle(style);
    JsonTree layout = JsonTree::object();
    JsonTree groups = JsonTree::array();
    for (auto it = tree.value.begin(); it != tree.value.end(); ++it) {
        if (it.key() == "Resources")
            continue;
        JsonTree section = it.value();
        if (it.key() == "Metadata" && section.is_object()) {
            groups = composerGroups(section);
            const auto own = section.find("Tributary");
            if (own != section.end() && own->is_object()) {
                JsonTree settings = *own;
                layout = settings.value("layout", JsonTree::object());
                if (settings.contains("groups"))
                    groups = settings["groups"];
                settings.erase("layout");
                settings.erase("groups");
                MetadataNumbers::readBack(settings);
                architecture.setSettings(std::move(settings));
                section.erase("Tributary");
                if (section.empty())
                    continue;
            }
        }
        architecture.templateSections()[it.key()] = std::move(section);
    }

    std::vector<std::pair<QString, QString>> genericWarnings;
    int index = 0;
    bool anyStored = false;
    for (auto it = resources->begin(); it != resources->end(); ++it, ++index) {
        const std::string pointer = ParsedTree::childPointer("/Resources", it.key());
        const QString id = QString::fromStdString(it.key());
        const QString idProblem = LogicalId::problemWith(id);
        if (!idProblem.isEmpty())
            throw TemplateError(QStringLiteral("%1: %2").arg(where(path, tree, pointer), idProblem));
        const JsonTree& entry = it.value();
        if (!entry.is_object() || !entry.contains("Type") || !entry["Type"].is_string())
            throw TemplateError(
                QStringLiteral("%1: resource '%2' must be a map with a 'Type' string").arg(where(path, tree, pointer), id));
        Resource resource;
        resource.id = id;
        resource.cfnType = QString::fromStdString(entry["Type"].get<std::string>());
        const ResourceKind& kind = catalogue.kindForCfnType(resource.cfnType);
        resource.kind = kind.id;
        if (kind.generic)
            genericWarnings.emplace_back(id, QStringLiteral("%1: '%2' is of type %3, kept as a generic resource")
                                                 .arg(where(path, tree, pointer), id, resource.cfnType));
        for (auto field = entry.begin(); field != entry.end(); ++field) {
            resource.entryKeys.append(QString::fromStdString(field.key()));
            if (field.key() == "Properties" && field.value().is_object())
                resource.properties = field.value();
            else if (field.key() == "Properties" && !field.value().is_null())
                throw TemplateError(QStringLiteral("%1: the Properties of '%2' must be a map")
                                        .arg(where(path, tree, pointer + "/Properties"), id));
            else if (field.key() != "Type" && field.key() != "Properties")
                resource.attributes[field.key()] = field.value();
        }
        const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(resources->size()))));
        const std::optional<QPointF> stored = layoutPosition(layout, it.key());
        anyStored = anyStored || stored.has_value();
        resource.position = stored.value_or(QPointF((index % columns) * columnWidth, (index / columns) * rowHeight));
        architecture.insertResource(index, std::move(resource));
    }
    const qsizetype genericWarningsAt = warnings ? warnings->size() : 0;
    architecture.setPlaceholderLayout(!anyStored);
    readGroups(groups, path, architecture, warnings);
    int connectionIndex = 0;
    for (Connection& connection : ConnectionDeriver::derive(architecture, catalogue))
        architecture.insertConnection(connectionIndex++, std::move(connection));
    if (warnings) {
        const QSet<QString> carriers = architecture.carrierIds();
        qsizetype at = genericWarningsAt;
        for (const auto& [id, warning] : genericWarnings) {
            if (!carriers.contains(id))
                warnings->insert(at++, warning);
        }
    }
    return architecture;
}

} // namespace tributary
