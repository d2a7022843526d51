#pragma once

#include "model/tree/JsonTree.h"

#include <QStringList>

#include <map>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tributary {

/**
 * The state of one SAM-to-CloudFormation expansion, shared by the expanders of each resource
 * family: the source template (Globals already merged into each SAM resource), the Resources
 * being written (in order), API routes and bucket notifications collected from events, reference
 * aliases such as `MyFunction.Alias`, and the warnings and errors to report.
 */
class SamExpansion
{
public:
    /** An API route that a function's Api or HttpApi event asks for. */
    struct Route
    {
        std::string path;
        std::string method;
        JsonTree operation;
    };

    explicit SamExpansion(const JsonTree& samTemplate);

    /** The source template entry of the resource id, or nullptr. */
    const JsonTree* sourceEntry(const std::string& id) const;
    /** The CloudFormation type of the source resource id, or "". */
    std::string sourceType(const std::string& id) const;
    /** The Properties of the SAM resource id with the Globals section for its family merged in. */
    JsonTree properties(const std::string& id) const;
    /**
     * local merged over the Globals section (Function, Api, HttpApi …): maps merge key by key,
     * lists of the section come first, anything else local wins.
     */
    JsonTree withGlobals(const std::string& section, JsonTree local) const;

    /**
     * Appends (or replaces) the output resource id. With owner, it takes the owner's Condition,
     * as every resource SAM generates for a resource does.
     */
    void add(const std::string& id, const std::string& type, JsonTree properties, const std::string& owner = {});
    /** Keeps a place for id in the output order; add() fills it later. */
    void reserve(const std::string& id) { slot(id) = nullptr; }
    /** Copies the source entry's Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy and Metadata. */
    void copyAttributes(const std::string& from, const std::string& to);
    /** The output entry id; it must exist. Valid until the next add(). */
    JsonTree& output(const std::string& id) { return m_entries[m_index.at(id)].second; }
    bool hasOutput(const std::string& id) const;
    /** Adds id to the DependsOn of the output entry. */
    void addDependency(const std::string& entry, const std::string& id);

    /** `Ref: reference` (e.g. "MyFunction.Alias") will be rewritten to `Ref: target`. */
    void aliasReference(const std::string& reference, const std::string& target) { m_aliases[reference] = target; }

    void addRoute(const std::string& api, Route route) { m_routes[api].push_back(std::move(route)); }
    const std::vector<Route>& routes(const std::string& api) const;
    /** Api ids that routes name, in first-use order. */
    const std::vector<std::string>& routedApis() const { return m_routedApis; }
    void noteRoutedApi(const std::string& api);

    /** Adds a LambdaConfigurations entry to the NotificationConfiguration of bucket, after every resource is written. */
    void addBucketNotification(const std::string& bucket, JsonTree configuration, const std::string& dependsOn);

    void warn(const QString& message) { m_warnings << message; }
    /** Warns "<id>: <key> is not expanded" for each of keys that properties has. */
    void warnNotExpanded(const std::string& id, const JsonTree& properties, std::initializer_list<const char*> keys);
    void fail(const QString& message) { m_errors << message; }
    const QStringList& warnings() const { return m_warnings; }
    const QStringList& errors() const { return m_errors; }

    /** The Resources section: bucket notifications applied and aliased references rewritten. */
    JsonTree finishResources();
    /** value with aliased references rewritten (for Outputs and the other sections). */
    JsonTree rewriteReferences(JsonTree value) const;

    static JsonTree ref(const std::string& id) { return {{"Ref", id}}; }
    static JsonTree getAtt(const std::string& id, const std::string& attribute)
    {
        return {{"Fn::GetAtt", JsonTree::array({id, attribute})}};
    }
    /** The resource id a value refers to: `Ref: X`, `Fn::GetAtt: [X, …]`, or "" for anything else. */
    static std::string referencedId(const JsonTree& value);
    /** The (bucket, key, version) of an "s3://bucket/key" string or a {Bucket, Key, Version} map; null when neither. */
    static JsonTree s3Location(const JsonTree& value, const char* bucketKey, const char* keyKey, const char* versionKey);
    /** CloudFormation Tags (a list of Key/Value) from SAM's map of tags; other values unchanged. */
    static JsonTree tagList(const JsonTree& tags);
    /** A short stable hash of value, for generated ids that change when their content changes. */
    static std::string hashOf(const JsonTree& value);
    /** True for `{Ref: …}`, `{Condition: …}` and `{Fn::…: …}`. */
    static bool isIntrinsic(const JsonTree& value);
    /** Copies the keys of from that are in keys into to. */
    static void copyKeys(const JsonTree& from, JsonTree& to, std::initializer_list<const char*> keys);
    static std::string upper(std::string text);
    static std::string lower(std::string text);
    /** id as a QString for messages. */
    static QString q(const std::string& id) { return QString::fromStdString(id); }

private:
    /** The output entry id, added (null) at the end when it is new. */
    JsonTree& slot(const std::string& id);

    const JsonTree& m_template;
    std::unordered_map<std::string, const JsonTree*> m_sources;
    // The output in order, indexed: an ordered_json object finds keys by a linear search.
    std::vector<std::pair<std::string, JsonTree>> m_entries;
    std::unordered_map<std::string, std::size_t> m_index;
    std::map<std::string, std::string> m_aliases;
    std::map<std::string, std::vector<Route>> m_routes;
    std::vector<std::string> m_routedApis;
    std::vector<std::pair<std::string, JsonTree>> m_notifications;
    std::map<std::string, std::vector<std::string>> m_notificationDependencies;
    QStringList m_warnings;
    QStringList m_errors;
};

} // namespace tributary
