#include "exporters/ConnectionDeriver.h"

#include "exporters/WritePattern.h"
#include "model/LogicalId.h"
#include "model/References.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/JsonTreeEdit.h"
#include "model/tree/ParsedTree.h"

#include <QSet>

#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace tributary {

namespace {

/** One derivation over one architecture: the connections found so far, merged by their ends and rule. */
class Derivation
{
public:
    Derivation(const Architecture& architecture, const Catalogue& catalogue)
        : m_architecture(architecture)
        , m_catalogue(catalogue)
    {
    }

    void deriveFromRules()
    {
        for (const ConnectionRule& rule : m_catalogue.rules()) {
            if (!rule.isDrawable())
                continue;
            deriveFromWrites(rule);
            for (const JsonTree& form : rule.recognise)
                deriveFromForm(rule, form);
        }
    }

    /**
     * Resources of the types rules add (permissions, queue and topic policies …) that name both ends
     * of a connection found so far become its parts, however the template wired the edge itself.
     */
    void attachGrants()
    {
        std::set<QString> grantTypes;
        for (const ConnectionRule& rule : m_catalogue.rules()) {
            for (const JsonTree& write : rule.writes) {
                if (write.value("into", "") == "resource")
                    grantTypes.insert(QString::fromStdString(write.value("type", "")));
            }
        }
        const QSet<QString> carriers = Architecture::carrierIds(m_connections);
        for (const Resource& grant : m_architecture.resources()) {
            if (!grantTypes.count(grant.cfnType) || carriers.contains(grant.id))
                continue;
            const std::set<std::string> named = referencedIds(grant.properties);
            for (Connection& connection : m_connections) {
                if (named.count(connection.source.toStdString()) && named.count(connection.target.toStdString())) {
                    connection.parts.push_back({{"resource", grant.id.toStdString()}});
                    break;
                }
            }
        }
    }

    void deriveFromReferences()
    {
        const QSet<QString> carriers = Architecture::carrierIds(m_connections);
        const auto covered = coveredPaths();
        const ConnectionRule* reference = m_catalogue.rule(QStringLiteral("reference"));
        const ConnectionRule* dependency = m_catalogue.rule(QStringLiteral("dependency"));
        for (const Resource& resource : m_architecture.resources()) {
            if (carriers.contains(resource.id))
                continue;
            const std::string self = resource.id.toStdString();
            const auto coveredHere = covered.find(self);
            const std::vector<std::string>* paths = coveredHere == covered.end() ? nullptr : &coveredHere->second;
            if (reference) {
                References::visit(resource.properties, "", [&](const std::string& pointer, const std::string& id) {
                    if (id != self && isResource(id) && !carriers.contains(QString::fromStdString(id))
                        && !isCovered(paths, pointer))
                        add(*reference, self, id, JsonTree::object(), JsonTree::array(), {});
                });
            }
            const auto dependsOn = resource.attributes.find("DependsOn");
            if (dependency && dependsOn != resource.attributes.end()) {
                const JsonTree names = dependsOn->is_array() ? *dependsOn : JsonTree::array({*dependsOn});
                for (const JsonTree& name : names) {
                    if (name.is_string() && name.get<std::string>() != self && isResource(name.get<std::string>()))
                        add(*dependency, self, name.get<std::string>(), JsonTree::object(), JsonTree::array(), {});
                }
            }
        }
    }

    std::vector<Connection> takeConnections() { return std::move(m_connections); }

private:
    using Key = std::tuple<std::string, std::string, QString>;

    bool isResource(const std::string& id) const { return m_architecture.resource(QString::fromStdString(id)); }

    const Resource* resource(const std::string& id) const
    {
        return m_architecture.resource(QString::fromStdString(id));
    }

    /** The one resource value names: a plain logical id, or the single resource its references name. */
    std::string resolveEnd(const JsonTree& value) const
    {
        if (value.is_string())
            return isResource(value.get<std::string>()) ? value.get<std::string>() : std::string();
        std::string found;
        bool ambiguous = false;
        References::visit(value, "", [&](const std::string&, const std::string& id) {
            if (!isResource(id) || id == found)
                return;
            ambiguous = ambiguous || !found.empty();
            found = id;
        });
        return ambiguous ? std::string() : found;
    }

    WritePattern::ResolveEnd resolver() const
    {
        return [this](const JsonTree& value) { return resolveEnd(value); };
    }

    bool endsFit(const ConnectionRule& rule, const std::string& source, const std::string& target) const
    {
        const Resource* from = resource(source);
        const Resource* to = resource(target);
        return from && to && source != target && rule.joins(from->kind, to->kind);
    }

    void deriveFromWrites(const ConnectionRule& rule)
    {
        if (rule.writes.empty())
            return;
        const std::size_t anchor = anchorOf(rule);
        const JsonTree& write = rule.writes[anchor];
        const std::string into = write.value("into", "");
        if (into == "resource") {
            const QString type = QString::fromStdString(write.value("type", ""));
            for (const Resource& carrier : m_architecture.resources()) {
                WritePattern::Binding binding;
                if (carrier.cfnType == type && WritePattern::fits(write["value"], carrier.properties, binding, resolver()))
                    complete(rule, anchor, binding, JsonTree::array({{{"resource", carrier.id.toStdString()}}}));
            }
            return;
        }
        const QString& ownKind = into == "source" ? rule.sourceKind : rule.targetKind;
        for (const Resource& own : m_architecture.resources()) {
            if (own.kind != ownKind)
                continue;
            for (const WritePattern::Place& place : WritePattern::places(own.properties, write.value("path", ""))) {
                WritePattern::Binding binding;
                (into == "source" ? binding.source : binding.target) = own.id.toStdString();
                binding.connection = place.connection;
                if (WritePattern::fits(write["value"], *place.value, binding, resolver()))
                    complete(rule, anchor, binding,
                             JsonTree::array({{{"resource", own.id.toStdString()}, {"path", place.pointer}}}));
            }
        }
    }

    /**
     * The write that identifies the edge: the first that names an end in a resource's Properties,
     * else the first resource it adds that names one.
     */
    static std::size_t anchorOf(const ConnectionRule& rule)
    {
        for (const bool ownProperties : {true, false}) {
            for (std::size_t i = 0; i < rule.writes.size(); ++i) {
                const JsonTree& write = rule.writes[i];
                if ((write.value("into", "") != "resource") == ownProperties && !namedEnds(write["value"]).empty())
                    return i;
            }
        }
        return 0;
    }

    /** "source" and/or "target": the ends a write's value names with a placeholder. */
    static std::set<std::string> namedEnds(const JsonTree& value)
    {
        std::set<std::string> ends;
        const std::string text = value.dump();
        if (text.find("{{source}}") != std::string::npos)
            ends.insert("source");
        if (text.find("{{target}}") != std::string::npos)
            ends.insert("target");
        return ends;
    }

    /** The resources value references (the ids they name, whether or not they are resources). */
    static std::set<std::string> referencedIds(const JsonTree& value)
    {
        std::set<std::string> ids;
        References::visit(value, "", [&ids](const std::string&, const std::string& id) { ids.insert(id); });
        return ids;
    }

    /** Adds the parts of the rule's other writes that fit the binding; an SDK call needs all of them. */
    void complete(const ConnectionRule& rule, std::size_t anchor, WritePattern::Binding binding, JsonTree parts)
    {
        if (!endsFit(rule, binding.source, binding.target))
            return;
        for (std::size_t i = 0; i < rule.writes.size(); ++i) {
            if (i == anchor)
                continue;
            const JsonTree& write = rule.writes[i];
            if (!findPart(write, binding, parts) && rule.meaning == QLatin1String("sdk"))
                return;
        }
        add(rule, binding.source, binding.target, binding.properties, parts, binding.connection);
    }

    bool findPart(const JsonTree& write, WritePattern::Binding& binding, JsonTree& parts) const
    {
        const std::string into = write.value("into", "");
        const auto sameEnds = [&binding](const WritePattern::Binding& attempt) {
            return attempt.source == binding.source && attempt.target == binding.target;
        };
        if (into == "resource") {
            // A resource the edge adds (a permission, a queue policy) is recognised by its type and by
            // naming the ends it names in the rule; its wording varies too much between templates to match.
            const QString type = QString::fromStdString(write.value("type", ""));
            const std::set<std::string> ends = namedEnds(write["value"]);
            for (const Resource& carrier : m_architecture.resources()) {
                if (carrier.cfnType != type)
                    continue;
                const std::set<std::string> named = referencedIds(carrier.properties);
                if ((!ends.count("source") || named.count(binding.source)) && (!ends.count("target") || named.count(binding.target))) {
                    parts.push_back({{"resource", carrier.id.toStdString()}});
                    return true;
                }
            }
            return false;
        }
        const Resource* own = resource(into == "source" ? binding.source : binding.target);
        for (const WritePattern::Place& place : WritePattern::places(own->properties, write.value("path", ""))) {
            WritePattern::Binding attempt = binding;
            if (WritePattern::fits(write["value"], *place.value, attempt, resolver()) && sameEnds(attempt)) {
                binding = std::move(attempt);
                parts.push_back({{"resource", own->id.toStdString()}, {"path", place.pointer}});
                return true;
            }
        }
        return false;
    }

    void deriveFromForm(const ConnectionRule& rule, const JsonTree& form)
    {
        if (form.contains("resourceType")) {
            const QString type = QString::fromStdString(form.value("resourceType", ""));
            for (const Resource& carrier : m_architecture.resources()) {
                if (carrier.cfnType != type)
                    continue;
                const std::string source = resolveAt(carrier.properties, form.value("sourceAt", ""));
                const std::string target = resolveAt(carrier.properties, form.value("targetAt", ""));
                if (!endsFit(rule, source, target))
                    continue;
                JsonTree properties = JsonTree::object();
                for (const PropertyField& field : rule.properties) {
                    if (const auto value = JsonTreeEdit::valueAt(carrier.properties, field.path))
                        JsonTreeEdit::apply(properties, field.path, value);
                }
                add(rule, source, target, properties, JsonTree::array({{{"resource", carrier.id.toStdString()}}}), {});
            }
            return;
        }
        const bool inSource = form.value("in", "") == "source";
        const std::string path = form.value("path", "");
        for (const Resource& own : m_architecture.resources()) {
            if (own.kind != (inSource ? rule.sourceKind : rule.targetKind))
                continue;
            const auto value = JsonTreeEdit::valueAt(own.properties, QString::fromStdString(path));
            if (!value)
                continue;
            if (form.value("each", false)) {
                deriveEach(rule, own, path, *value, inSource);
                continue;
            }
            for (const auto& [pointer, element] : elementsOf(*value, path)) {
                const std::string other = resolveEnd(element);
                const std::string self = own.id.toStdString();
                const std::string source = inSource ? self : other;
                const std::string target = inSource ? other : self;
                if (other.empty() || !endsFit(rule, source, target))
                    continue;
                JsonTree parts = JsonTree::array({{{"resource", self}, {"path", pointer}}});
                if (rule.meaning == QLatin1String("sdk") && !addEnvironmentPart(own, other, parts))
                    continue;
                add(rule, source, target, JsonTree::object(), parts, {});
            }
        }
    }

    /**
     * A form marked `each` (a state machine's definition): every resource the value references that
     * the rule joins is an edge. The value is read, not owned: its part is marked `keep`, so that
     * removing one edge leaves the definition, which the other edges also stand on, as it is.
     */
    void deriveEach(const ConnectionRule& rule, const Resource& own, const std::string& path, const JsonTree& value,
                    bool inSource)
    {
        const std::string self = own.id.toStdString();
        References::visit(value, path, [&](const std::string&, const std::string& other) {
            const std::string source = inSource ? self : other;
            const std::string target = inSource ? other : self;
            if (isResource(other) && endsFit(rule, source, target))
                add(rule, source, target, JsonTree::object(),
                    JsonTree::array({{{"resource", self}, {"path", path}, {"keep", true}}}), {});
        });
    }

    /** A permission alone is no SDK call: the function must also be told where the target is. */
    bool addEnvironmentPart(const Resource& function, const std::string& target, JsonTree& parts) const
    {
        const auto variables = JsonTreeEdit::valueAt(function.properties, QStringLiteral("/Environment/Variables"));
        if (!variables || !variables->is_object())
            return false;
        for (auto it = variables->begin(); it != variables->end(); ++it) {
            if (resolveEnd(it.value()) == target) {
                parts.push_back({{"resource", function.id.toStdString()},
                                 {"path", ParsedTree::childPointer("/Environment/Variables", it.key())}});
                return true;
            }
        }
        return false;
    }

    /** The items a recognised path holds: list items, the members of a map of maps (connectors), or itself. */
    static std::vector<std::pair<std::string, JsonTree>> elementsOf(const JsonTree& value, const std::string& path)
    {
        std::vector<std::pair<std::string, JsonTree>> elements;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i)
                elements.emplace_back(ParsedTree::childPointer(path, i), value[i]);
        } else if (value.is_object() && path.size() >= 11 && path.compare(path.size() - 11, 11, "/Connectors") == 0) {
            for (auto it = value.begin(); it != value.end(); ++it)
                elements.emplace_back(ParsedTree::childPointer(path, it.key()), it.value());
        } else {
            elements.emplace_back(path, value);
        }
        return elements;
    }

    std::string resolveAt(const JsonTree& properties, const std::string& pointer) const
    {
        const auto value = JsonTreeEdit::valueAt(properties, QString::fromStdString(pointer));
        return value ? resolveEnd(*value) : std::string();
    }

    void add(const ConnectionRule& rule, const std::string& source, const std::string& target,
             const JsonTree& properties, const JsonTree& parts, const std::string& idHint)
    {
        const Key key{source, target, rule.id};
        const auto existing = m_index.find(key);
        if (existing != m_index.end()) {
            Connection& connection = m_connections[existing->second];
            for (const JsonTree& part : parts) {
                if (std::find(connection.parts.begin(), connection.parts.end(), part) == connection.parts.end())
                    connection.parts.push_back(part);
            }
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                if (!connection.properties.contains(it.key()))
                    connection.properties[it.key()] = it.value();
            }
            return;
        }
        Connection connection;
        connection.source = QString::fromStdString(source);
        connection.target = QString::fromStdString(target);
        connection.rule = rule.id;
        connection.properties = properties;
        connection.parts = parts;
        const QString hint = QString::fromStdString(idHint);
        const QString base = LogicalId::problemWith(hint).isEmpty() ? hint : connection.source + QStringLiteral("To") + connection.target;
        connection.id = LogicalId::makeUnique(base, [this](const QString& id) { return m_ids.contains(id); });
        m_ids.insert(connection.id);
        m_index.emplace(key, m_connections.size());
        m_connections.push_back(std::move(connection));
    }

    /** For each resource, the paths in its Properties that rules' connections realise. */
    std::unordered_map<std::string, std::vector<std::string>> coveredPaths() const
    {
        std::unordered_map<std::string, std::vector<std::string>> paths;
        for (const Connection& connection : m_connections) {
            for (const JsonTree& part : connection.parts) {
                const auto path = part.find("path");
                if (path != part.end())
                    paths[part["resource"].get<std::string>()].push_back(path->get<std::string>());
            }
        }
        return paths;
    }

    /** True when pointer is one of paths or lies below one of them. */
    static bool isCovered(const std::vector<std::string>* paths, const std::string& pointer)
    {
        if (!paths)
            return false;
        for (const std::string& path : *paths) {
            if (pointer.compare(0, path.size(), path) == 0 && (pointer.size() == path.size() || pointer[path.size()] == '/'))
                return true;
        }
        return false;
    }

    const Architecture& m_architecture;
    const Catalogue& m_catalogue;
    std::vector<Connection> m_connections;
    std::map<Key, std::size_t> m_index;
    QSet<QString> m_ids;
};

} // namespace

std::vector<Connection> ConnectionDeriver::derive(const Architecture& architecture, const Catalogue& catalogue)
{
    Derivation derivation(architecture, catalogue);
    derivation.deriveFromRules();
    derivation.attachGrants();
    derivation.deriveFromReferences();
    return derivation.takeConnections();
}

} // namespace tributary
