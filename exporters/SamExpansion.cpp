#include "exporters/SamExpansion.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cctype>

namespace tributary {

namespace {

const std::string kServerless = "AWS::Serverless::";

void mergeOver(JsonTree& global, const JsonTree& local)
{
    if (global.is_object() && local.is_object() && !SamExpansion::isIntrinsic(global)
        && !SamExpansion::isIntrinsic(local)) {
        for (auto it = local.begin(); it != local.end(); ++it) {
            if (global.contains(it.key()))
                mergeOver(global[it.key()], it.value());
            else
                global[it.key()] = it.value();
        }
    } else if (global.is_array() && local.is_array()) {
        for (const JsonTree& item : local)
            global.push_back(item);
    } else {
        global = local;
    }
}

/** text with every `${reference}` of aliases written `${target}`. */
void rewriteSubText(JsonTree& text, const std::map<std::string, std::string>& aliases)
{
    if (!text.is_string())
        return;
    std::string value = text.get<std::string>();
    for (const auto& [reference, target] : aliases) {
        const std::string from = "${" + reference + "}";
        for (std::size_t at = value.find(from); at != std::string::npos; at = value.find(from, at + target.size() + 3))
            value.replace(at, from.size(), "${" + target + "}");
    }
    text = value;
}

void rewrite(JsonTree& value, const std::map<std::string, std::string>& aliases)
{
    if (value.is_object()) {
        if (value.size() == 1 && value.contains("Ref") && value["Ref"].is_string()) {
            const auto found = aliases.find(value["Ref"].get<std::string>());
            if (found != aliases.end())
                value["Ref"] = found->second;
            return;
        }
        if (value.size() == 1 && value.contains("Fn::Sub")) {
            JsonTree& sub = value["Fn::Sub"];
            rewriteSubText(sub.is_array() && !sub.empty() ? sub[0] : sub, aliases);
        }
        for (auto it = value.begin(); it != value.end(); ++it)
            rewrite(it.value(), aliases);
    } else if (value.is_array()) {
        for (JsonTree& item : value)
            rewrite(item, aliases);
    }
}

} // namespace

SamExpansion::SamExpansion(const JsonTree& samTemplate) : m_template(samTemplate)
{
    const auto resources = m_template.find("Resources");
    if (resources == m_template.end() || !resources->is_object())
        return;
    for (auto it = resources->begin(); it != resources->end(); ++it) {
        if (it.value().is_object())
            m_sources.emplace(it.key(), &it.value());
    }
}

const JsonTree* SamExpansion::sourceEntry(const std::string& id) const
{
    const auto found = m_sources.find(id);
    return found == m_sources.end() ? nullptr : found->second;
}

JsonTree& SamExpansion::slot(const std::string& id)
{
    const auto [found, added] = m_index.emplace(id, m_entries.size());
    if (added)
        m_entries.emplace_back(id, nullptr);
    return m_entries[found->second].second;
}

bool SamExpansion::hasOutput(const std::string& id) const
{
    const auto found = m_index.find(id);
    return found != m_index.end() && !m_entries[found->second].second.is_null();
}

std::string SamExpansion::sourceType(const std::string& id) const
{
    const JsonTree* entry = sourceEntry(id);
    if (!entry || !entry->contains("Type") || !(*entry)["Type"].is_string())
        return {};
    return (*entry)["Type"].get<std::string>();
}

JsonTree SamExpansion::properties(const std::string& id) const
{
    const JsonTree* entry = sourceEntry(id);
    JsonTree local = entry && entry->contains("Properties") && (*entry)["Properties"].is_object()
        ? (*entry)["Properties"]
        : JsonTree::object();
    const std::string type = sourceType(id);
    if (type.rfind(kServerless, 0) != 0)
        return local;
    return withGlobals(type.substr(kServerless.size()), std::move(local));
}

JsonTree SamExpansion::withGlobals(const std::string& section, JsonTree local) const
{
    const auto globals = m_template.find("Globals");
    if (globals == m_template.end() || !globals->is_object() || !globals->contains(section)
        || !(*globals)[section].is_object())
        return local;
    JsonTree merged = (*globals)[section];
    mergeOver(merged, local);
    return merged;
}

void SamExpansion::add(const std::string& id, const std::string& type, JsonTree properties, const std::string& owner)
{
    JsonTree entry = JsonTree::object();
    entry["Type"] = type;
    if (!owner.empty()) {
        const JsonTree* source = sourceEntry(owner);
        if (source && source->contains("Condition"))
            entry["Condition"] = (*source)["Condition"];
    }
    if (!properties.is_null())
        entry["Properties"] = std::move(properties);
    slot(id) = std::move(entry);
}

void SamExpansion::copyAttributes(const std::string& from, const std::string& to)
{
    const JsonTree* source = sourceEntry(from);
    if (!source)
        return;
    JsonTree& entry = slot(to);
    for (const char* key : {"Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata"}) {
        if (source->contains(key))
            entry[key] = (*source)[key];
    }
}

void SamExpansion::warnNotExpanded(const std::string& id, const JsonTree& properties,
                                   std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        if (properties.contains(key))
            warn(QStringLiteral("%1: %2 is not expanded").arg(q(id), QString::fromLatin1(key)));
    }
}

void SamExpansion::addDependency(const std::string& entry, const std::string& id)
{
    JsonTree& target = output(entry);
    JsonTree dependsOn = target.contains("DependsOn") ? target["DependsOn"] : JsonTree::array();
    if (dependsOn.is_string())
        dependsOn = JsonTree::array({dependsOn});
    for (const JsonTree& present : dependsOn) {
        if (present == id)
            return;
    }
    dependsOn.push_back(id);
    target["DependsOn"] = std::move(dependsOn);
}

const std::vector<SamExpansion::Route>& SamExpansion::routes(const std::string& api) const
{
    static const std::vector<Route> none;
    const auto found = m_routes.find(api);
    return found == m_routes.end() ? none : found->second;
}

void SamExpansion::noteRoutedApi(const std::string& api)
{
    if (std::find(m_routedApis.begin(), m_routedApis.end(), api) == m_routedApis.end())
        m_routedApis.push_back(api);
}

void SamExpansion::addBucketNotification(const std::string& bucket, JsonTree configuration, const std::string& dependsOn)
{
    m_notifications.emplace_back(bucket, std::move(configuration));
    m_notificationDependencies[bucket].push_back(dependsOn);
}

JsonTree SamExpansion::finishResources()
{
    for (auto& [bucket, configuration] : m_notifications) {
        if (!hasOutput(bucket) || output(bucket)["Type"] != "AWS::S3::Bucket") {
            warn(QStringLiteral("%1: an S3 event names bucket '%2', which is not an AWS::S3::Bucket of this template; "
                                "its notification is left out")
                     .arg(q(m_notificationDependencies[bucket].front()), q(bucket)));
            continue;
        }
        JsonTree& entry = output(bucket);
        if (!entry.contains("Properties") || !entry["Properties"].is_object())
            entry["Properties"] = JsonTree::object();
        JsonTree& notification = entry["Properties"]["NotificationConfiguration"];
        if (!notification.is_object())
            notification = JsonTree::object();
        JsonTree& lambdas = notification["LambdaConfigurations"];
        if (!lambdas.is_array())
            lambdas = JsonTree::array();
        lambdas.push_back(std::move(configuration));
    }
    for (const auto& [bucket, dependencies] : m_notificationDependencies) {
        if (hasOutput(bucket) && output(bucket)["Type"] == "AWS::S3::Bucket") {
            for (const std::string& dependency : dependencies)
                addDependency(bucket, dependency);
        }
    }
    JsonTree resources = JsonTree::object();
    auto& entries = resources.get_ref<JsonTree::object_t&>();
    entries.reserve(m_entries.size());
    for (auto& [id, entry] : m_entries) {
        if (!entry.is_null())
            entries.emplace_back(id, rewriteReferences(std::move(entry)));  // ids are unique: no search needed
    }
    return resources;
}

JsonTree SamExpansion::rewriteReferences(JsonTree value) const
{
    if (!m_aliases.empty())
        rewrite(value, m_aliases);
    return value;
}

std::string SamExpansion::referencedId(const JsonTree& value)
{
    if (!value.is_object() || value.size() != 1)
        return {};
    if (value.contains("Ref") && value["Ref"].is_string())
        return value["Ref"].get<std::string>();
    if (value.contains("Fn::GetAtt")) {
        const JsonTree& target = value["Fn::GetAtt"];
        if (target.is_array() && !target.empty() && target[0].is_string())
            return target[0].get<std::string>();
        if (target.is_string()) {
            const std::string text = target.get<std::string>();
            return text.substr(0, text.find('.'));
        }
    }
    return {};
}

JsonTree SamExpansion::s3Location(const JsonTree& value, const char* bucketKey, const char* keyKey,
                                  const char* versionKey)
{
    JsonTree location = JsonTree::object();
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        if (text.rfind("s3://", 0) != 0)
            return nullptr;
        const std::size_t slash = text.find('/', 5);
        if (slash == std::string::npos)
            return nullptr;
        location[bucketKey] = text.substr(5, slash - 5);
        location[keyKey] = text.substr(slash + 1);
        return location;
    }
    if (value.is_object() && value.contains("Bucket") && value.contains("Key")) {
        location[bucketKey] = value["Bucket"];
        location[keyKey] = value["Key"];
        if (value.contains("Version"))
            location[versionKey] = value["Version"];
        return location;
    }
    return nullptr;
}

JsonTree SamExpansion::tagList(const JsonTree& tags)
{
    if (!tags.is_object() || isIntrinsic(tags))
        return tags;
    JsonTree list = JsonTree::array();
    for (auto it = tags.begin(); it != tags.end(); ++it)
        list.push_back({{"Key", it.key()}, {"Value", it.value()}});
    return list;
}

bool SamExpansion::isIntrinsic(const JsonTree& value)
{
    if (!value.is_object() || value.size() != 1)
        return false;
    const std::string& key = value.begin().key();
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

void SamExpansion::copyKeys(const JsonTree& from, JsonTree& to, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        if (from.contains(key))
            to[key] = from[key];
    }
}

std::string SamExpansion::upper(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::string SamExpansion::lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string SamExpansion::hashOf(const JsonTree& value)
{
    const QByteArray digest
        = QCryptographicHash::hash(QByteArray::fromStdString(value.dump()), QCryptographicHash::Sha1).toHex();
    return digest.left(10).toStdString();
}

} // namespace tributary
