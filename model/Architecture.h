#pragma once

#include "model/Connection.h"
#include "model/Group.h"
#include "model/Resource.h"
#include "model/TemplateStyle.h"
#include "model/tree/JsonTree.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace tributary {

/**
 * The directed graph of resources and connections, plus the template sections the graph does not
 * model (Parameters, Conditions, Outputs …). Keeps the order of everything so that a template
 * is written back as it was read. Mutators are called only from Document, on behalf of commands.
 */
class Architecture
{
public:
    const std::vector<Resource>& resources() const { return m_resources; }
    const std::vector<Connection>& connections() const { return m_connections; }
    const std::vector<Group>& groups() const { return m_groups; }
    /** Every top-level template key other than Resources, in order. */
    const JsonTree& templateSections() const { return m_templateSections; }
    /** How the template this came from was written. */
    const TemplateStyle& style() const { return m_style; }
    void setStyle(const TemplateStyle& style) { m_style = style; }
    /**
     * Tributary's own settings stored under Metadata/Tributary beside the layout and groups, in
     * order: "simulation" (scenario and per-resource overrides), "viewport", and any key a later
     * version wrote, kept as it is.
     */
    const JsonTree& settings() const { return m_settings; }
    void setSettings(JsonTree settings) { m_settings = std::move(settings); }
    /**
     * True when no resource position came from a stored layout (Metadata/Tributary/layout): the
     * reader placed the resources on a provisional grid and an automatic layout should replace it.
     * Not part of the content: operator== ignores it and writers do not store it.
     */
    bool hasPlaceholderLayout() const { return m_placeholderLayout; }
    void setPlaceholderLayout(bool placeholder) { m_placeholderLayout = placeholder; }

    /** The resource with that id, or nullptr. */
    const Resource* resource(const QString& id) const;
    /** Its index in resources(), or -1. */
    int resourceIndex(const QString& id) const;
    const Connection* connection(const QString& id) const;
    int connectionIndex(const QString& id) const;
    const Group* group(const QString& id) const;
    int groupIndex(const QString& id) const;
    /** The group that holds the resource, or nullptr. */
    const Group* groupOf(const QString& resourceId) const;
    /** Ids of the connections that start or end at the resource, in connection order. */
    QStringList connectionsOf(const QString& resourceId) const;

    /** Resources that exist only to realise a connection (whole-resource parts): the canvas shows the edge instead. */
    QSet<QString> carrierIds() const { return carrierIds(m_connections); }
    static QSet<QString> carrierIds(const std::vector<Connection>& connections);

    /** True when id names a resource, a parameter, or anything else a Ref could mean. */
    bool isNameTaken(const QString& id) const;
    /** A new resource id from base that no resource or parameter uses. */
    QString uniqueResourceId(const QString& base) const;
    /** A new connection id from base that no connection uses. */
    QString uniqueConnectionId(const QString& base) const;
    QString uniqueGroupId() const;

    void insertResource(int index, Resource resource);
    Resource takeResource(int index);
    Resource& resourceAt(int index) { return m_resources[static_cast<std::size_t>(index)]; }
    /** Changes the id of the resource at index (and nothing else: references are the caller's). */
    void setResourceId(int index, const QString& id);

    void insertConnection(int index, Connection connection);
    Connection takeConnection(int index);
    Connection& connectionAt(int index) { return m_connections[static_cast<std::size_t>(index)]; }

    void insertGroup(int index, Group group);
    Group takeGroup(int index);
    Group& groupAt(int index) { return m_groups[static_cast<std::size_t>(index)]; }

    JsonTree& templateSections() { return m_templateSections; }

    bool operator==(const Architecture& other) const;
    bool operator!=(const Architecture& other) const { return !(*this == other); }

private:
    void reindexResources(int from);
    void reindexConnections(int from);

    std::vector<Resource> m_resources;
    std::vector<Connection> m_connections;
    std::vector<Group> m_groups;
    JsonTree m_templateSections = JsonTree::object();
    TemplateStyle m_style;
    JsonTree m_settings = JsonTree::object();
    bool m_placeholderLayout = false;
    QHash<QString, int> m_resourceIndex;
    QHash<QString, int> m_connectionIndex;
};

} // namespace tributary
