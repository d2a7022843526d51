#include "model/catalogue/Catalogue.h"

#include "model/catalogue/CatalogueError.h"
#include "model/catalogue/CatalogueLoader.h"
#include "model/tree/JsonTreeEdit.h"

namespace tributary {

namespace {

JsonTree withIdPlaceholder(const JsonTree& tree, const std::string& id)
{
    static const std::string placeholder = "{{id}}";
    if (tree.is_string()) {
        std::string text = tree.get<std::string>();
        for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + id.size()))
            text.replace(at, placeholder.size(), id);
        return text;
    }
    if (tree.is_object()) {
        JsonTree result = JsonTree::object();
        for (auto it = tree.begin(); it != tree.end(); ++it)
            result[it.key()] = withIdPlaceholder(it.value(), id);
        return result;
    }
    if (tree.is_array()) {
        JsonTree result = JsonTree::array();
        for (const JsonTree& item : tree)
            result.push_back(withIdPlaceholder(item, id));
        return result;
    }
    return tree;
}

} // namespace

const Catalogue& Catalogue::builtIn()
{
    static const Catalogue catalogue = CatalogueLoader::load(QStringLiteral(":/catalogue"));
    return catalogue;
}

Catalogue::Catalogue(std::vector<ResourceKind> kinds, std::vector<ConnectionRule> rules)
    : m_kinds(std::move(kinds))
    , m_rules(std::move(rules))
{
    for (std::size_t i = 0; i < m_kinds.size(); ++i) {
        const ResourceKind& kind = m_kinds[i];
        m_kindById.insert(kind.id, static_cast<int>(i));
        for (const QString& type : kind.cfnTypes)
            m_kindByCfnType.insert(type, static_cast<int>(i));
        if (kind.generic)
            m_genericKind = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        m_ruleById.insert(m_rules[i].id, static_cast<int>(i));
    if (m_genericKind < 0)
        throw CatalogueError(QStringLiteral("The catalogue has no generic kind (a kind with 'generic: true')."));
}

const ResourceKind* Catalogue::kind(const QString& id) const
{
    const int index = m_kindById.value(id, -1);
    return index < 0 ? nullptr : &m_kinds[static_cast<std::size_t>(index)];
}

const ResourceKind& Catalogue::kindForCfnType(const QString& cfnType) const
{
    const int index = m_kindByCfnType.value(cfnType, m_genericKind);
    return m_kinds[static_cast<std::size_t>(index)];
}

const ResourceKind& Catalogue::genericKind() const
{
    return m_kinds[static_cast<std::size_t>(m_genericKind)];
}

const ConnectionRule* Catalogue::rule(const QString& id) const
{
    const int index = m_ruleById.value(id, -1);
    return index < 0 ? nullptr : &m_rules[static_cast<std::size_t>(index)];
}

std::vector<const ConnectionRule*> Catalogue::rulesBetween(const QString& sourceKind, const QString& targetKind) const
{
    std::vector<const ConnectionRule*> matching;
    for (const ConnectionRule& rule : m_rules) {
        if (rule.isDrawable() && rule.joins(sourceKind, targetKind))
            matching.push_back(&rule);
    }
    return matching;
}

Resource Catalogue::makeResource(const ResourceKind& kind, const QString& id, QPointF position) const
{
    Resource resource;
    resource.id = id;
    resource.kind = kind.id;
    resource.cfnType = kind.cfnTypes.value(0);
    resource.properties = withIdPlaceholder(kind.defaultProperties, id.toStdString());
    resource.position = position;
    return resource;
}

Connection Catalogue::makeConnection(const ConnectionRule& rule, const QString& source, const QString& target) const
{
    Connection connection;
    connection.source = source;
    connection.target = target;
    connection.rule = rule.id;
    for (const PropertyField& field : rule.properties) {
        if (!field.initialValue.is_null())
            JsonTreeEdit::apply(connection.properties, field.path, field.initialValue);
    }
    return connection;
}

} // namespace tributary
