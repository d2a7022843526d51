#pragma once

#include "model/Connection.h"
#include "model/Resource.h"
#include "model/catalogue/ConnectionRule.h"
#include "model/catalogue/ResourceKind.h"

#include <QHash>
#include <QPointF>
#include <QString>

#include <vector>

namespace tributary {

/** The kinds and connection rules Tributary knows, loaded from descriptor files (CatalogueLoader). */
class Catalogue
{
public:
    /** The catalogue compiled into the program, loaded on first use; throws CatalogueError if broken. */
    static const Catalogue& builtIn();

    const std::vector<ResourceKind>& kinds() const { return m_kinds; }
    const std::vector<ConnectionRule>& rules() const { return m_rules; }

    /** The kind with that id, or nullptr. */
    const ResourceKind* kind(const QString& id) const;
    /** The kind that reads a CloudFormation type; the generic kind when none does. */
    const ResourceKind& kindForCfnType(const QString& cfnType) const;
    const ResourceKind& genericKind() const;
    /** The rule with that id, or nullptr. */
    const ConnectionRule* rule(const QString& id) const;
    /** The drawable rules that allow an edge from sourceKind to targetKind, in catalogue order. */
    std::vector<const ConnectionRule*> rulesBetween(const QString& sourceKind, const QString& targetKind) const;

    /** A new resource of the kind with its default properties, "{{id}}" replaced by id. */
    Resource makeResource(const ResourceKind& kind, const QString& id, QPointF position) const;
    /** A new edge of the rule between two resources, with the `initial` values of the rule's properties; no id yet. */
    Connection makeConnection(const ConnectionRule& rule, const QString& source, const QString& target) const;

    /** Takes the loaded descriptors; the loader has checked them. */
    Catalogue(std::vector<ResourceKind> kinds, std::vector<ConnectionRule> rules);

private:
    std::vector<ResourceKind> m_kinds;
    std::vector<ConnectionRule> m_rules;
    QHash<QString, int> m_kindById;
    QHash<QString, int> m_kindByCfnType;
    QHash<QString, int> m_ruleById;
    int m_genericKind = -1;
};

} // namespace tributary
