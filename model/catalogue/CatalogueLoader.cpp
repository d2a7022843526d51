#include "model/catalogue/CatalogueLoader.h"

#include "model/catalogue/CatalogueError.h"
#include "model/catalogue/DescriptorFile.h"

#include <QDir>
#include <QSet>

namespace tributary {

namespace {

QStringList descriptorPaths(const QString& directory, const QString& folder)
{
    const QDir dir(directory + QLatin1Char('/') + folder);
    if (!dir.exists())
        throw CatalogueError(QStringLiteral("%1: the catalogue folder is missing").arg(dir.path()));
    QStringList paths;
    for (const QString& name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    if (paths.isEmpty())
        throw CatalogueError(QStringLiteral("%1: the catalogue folder holds no descriptor").arg(dir.path()));
    return paths;
}

void requireIdMatchesFile(const DescriptorFile& file, const QString& id)
{
    if (id != file.baseName())
        file.fail("/id", QStringLiteral("'%1' must equal the file's name '%2'").arg(id, file.baseName()));
}

std::optional<double> optionalNumber(const DescriptorFile& file, const std::string& pointer)
{
    const JsonTree* value = file.find(pointer);
    if (!value)
        return std::nullopt;
    if (!value->is_number())
        file.fail(pointer, QStringLiteral("must be a number"));
    return value->get<double>();
}

} // namespace

Catalogue CatalogueLoader::load(const QString& directory)
{
    const QString iconDirectory = QDir::cleanPath(directory + QStringLiteral("/../icons"));
    std::vector<ResourceKind> kinds;
    QSet<QString> kindIds;
    QSet<QString> cfnTypes;
    int genericKinds = 0;
    for (const QString& path : descriptorPaths(directory, QStringLiteral("kinds"))) {
        const DescriptorFile file(path);
        ResourceKind kind = readKind(file, iconDirectory);
        if (kindIds.contains(kind.id))
            file.fail("/id", QStringLiteral("'%1' is already the id of another kind").arg(kind.id));
        for (int i = 0; i < kind.cfnTypes.size(); ++i) {
            if (cfnTypes.contains(kind.cfnTypes[i]))
                file.fail("/cfnTypes/" + std::to_string(i),
                          QStringLiteral("'%1' is already read by another kind").arg(kind.cfnTypes[i]));
            cfnTypes.insert(kind.cfnTypes[i]);
        }
        if (kind.generic && genericKinds > 0)
            file.fail("/generic", QStringLiteral("only one kind may have 'generic: true', and another kind already has it"));
        genericKinds += kind.generic ? 1 : 0;
        kindIds.insert(kind.id);
        kinds.push_back(std::move(kind));
    }
    if (genericKinds != 1)
        throw CatalogueError(QStringLiteral("%1/kinds: exactly one kind must have 'generic: true', found %2")
                                 .arg(directory)
                                 .arg(genericKinds));

    std::vector<ConnectionRule> rules;
    QSet<QString> ruleIds;
    for (const QString& path : descriptorPaths(directory, QStringLiteral("connections"))) {
        const DescriptorFile file(path);
        ConnectionRule rule = readRule(file);
        if (ruleIds.contains(rule.id))
            file.fail("/id", QStringLiteral("'%1' is already the id of another rule").arg(rule.id));
        if (!kindIds.contains(rule.sourceKind) && rule.sourceKind != ConnectionRule::anyKind())
            file.fail("/source", QStringLiteral("names the kind '%1', which the catalogue does not have").arg(rule.sourceKind));
        if (!kindIds.contains(rule.targetKind) && rule.targetKind != ConnectionRule::anyKind())
            file.fail("/target", QStringLiteral("names the kind '%1', which the catalogue does not have").arg(rule.targetKind));
        ruleIds.insert(rule.id);
        rules.push_back(std::move(rule));
    }
    return Catalogue(std::move(kinds), std::move(rules));
}

ResourceKind CatalogueLoader::readKind(const DescriptorFile& file, const QString& iconDirectory)
{
    ResourceKind kind;
    kind.id = file.requireString("/id");
    requireIdMatchesFile(file, kind.id);
    kind.displayName = file.requireString("/displayName");
    kind.category = file.requireOneOf("/category", ResourceKind::knownCategories());
    kind.iconPath = QDir::cleanPath(iconDirectory + QLatin1Char('/') + file.requireString("/icon"));
    if (!QFile::exists(kind.iconPath))
        file.fail("/icon", QStringLiteral("names '%1', which does not exist").arg(kind.iconPath));
    kind.description = file.requireString("/description");
    if (const JsonTree* generic = file.find("/generic")) {
        if (!generic->is_boolean())
            file.fail("/generic", QStringLiteral("must be true or false"));
        kind.generic = generic->get<bool>();
    }
    file.requireArray("/cfnTypes");
    kind.cfnTypes = file.requireStringList("/cfnTypes");
    if (kind.cfnTypes.isEmpty() != kind.generic)
        file.fail("/cfnTypes", kind.generic ? QStringLiteral("must be empty for the generic kind")
                                            : QStringLiteral("must name at least one CloudFormation type"));
    for (int i = 0; i < kind.cfnTypes.size(); ++i) {
        if (kind.cfnTypes[i].count(QStringLiteral("::")) < 2)
            file.fail("/cfnTypes/" + std::to_string(i),
                      QStringLiteral("'%1' is not a CloudFormation type such as AWS::SQS::Queue").arg(kind.cfnTypes[i]));
    }
    kind.defaultProperties = file.requireObject("/defaultProperties");
    kind.fields = readFields(file, "/fields");
    kind.attributes = file.requireStringList("/attributes");
    kind.simulation = file.requireObject("/simulation");
    return kind;
}

ConnectionRule CatalogueLoader::readRule(const DescriptorFile& file)
{
    ConnectionRule rule;
    rule.id = file.requireString("/id");
    requireIdMatchesFile(file, rule.id);
    rule.sourceKind = file.requireString("/source");
    rule.targetKind = file.requireString("/target");
    rule.meaning = file.requireOneOf("/meaning", ConnectionRule::knownMeanings());
    rule.label = file.requireString("/label");
    rule.description = file.requireString("/description");
    rule.properties = readFields(file, "/properties");
    rule.writes = file.requireArray("/writes");
    for (std::size_t i = 0; i < rule.writes.size(); ++i) {
        const std::string at = "/writes/" + std::to_string(i);
        const QString into = file.requireOneOf(at + "/into", {QStringLiteral("source"), QStringLiteral("target"),
                                                             QStringLiteral("resource")});
        if (into == QLatin1String("resource"))
            file.requireString(at + "/type");
        else if (!file.requireString(at + "/path").startsWith(QLatin1Char('/')))
            file.fail(at + "/path", QStringLiteral("must be a JSON pointer starting with '/'"));
        file.require(at + "/value");
    }
    rule.recognise = file.requireArray("/recognise");
    for (std::size_t i = 0; i < rule.recognise.size(); ++i) {
        const std::string at = "/recognise/" + std::to_string(i);
        file.requireObject(at);
        if (!file.find(at + "/resourceType") && !file.find(at + "/in"))
            file.fail(at, QStringLiteral("must name a 'resourceType' or an end ('in') with a 'path'"));
    }
    return rule;
}

std::vector<PropertyField> CatalogueLoader::readFields(const DescriptorFile& file, const std::string& key)
{
    std::vector<PropertyField> fields;
    const JsonTree& list = file.requireArray(key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = key + "/" + std::to_string(i);
        file.requireObject(at);
        PropertyField field;
        field.path = file.requireString(at + "/path");
        if (!field.path.startsWith(QLatin1Char('/')))
            file.fail(at + "/path", QStringLiteral("must be a JSON pointer starting with '/'"));
        field.label = file.requireString(at + "/label");
        field.type = file.requireOneOf(at + "/type", PropertyField::knownTypes());
        field.help = file.requireString(at + "/help");
        field.unit = file.optionalString(at + "/unit");
        field.values = file.optionalStringList(at + "/values");
        if (field.type == QLatin1String("enum") && field.values.isEmpty())
            file.fail(at + "/values", QStringLiteral("must list the allowed values of an enum field"));
        field.minimum = optionalNumber(file, at + "/min");
        field.maximum = optionalNumber(file, at + "/max");
        if (field.minimum && field.maximum && *field.minimum > *field.maximum)
            file.fail(at + "/min", QStringLiteral("is greater than max"));
        if (const JsonTree* value = file.find(at + "/default"))
            field.defaultValue = *value;
        if (const JsonTree* value = file.find(at + "/initial"))
            field.initialValue = *value;
        field.referenceKinds = file.optionalStringList(at + "/referenceKinds");
        fields.push_back(std::move(field));
    }
    return fields;
}

} // namespace tributary
