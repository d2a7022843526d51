#pragma once

#include "model/Connection.h"
#include "model/Document.h"
#include "model/Resource.h"
#include "model/commands/GroupDetachment.h"
#include "model/tree/JsonTreeEdit.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace tributary {

/**
 * Raw document edits made by one command run, recorded so that undo() reverts them exactly, in
 * reverse order. Also knows how a connection's template parts are added and removed, which the
 * connect, disconnect and delete commands share.
 */
class DocumentEditLog
{
public:
    void setProperty(Document* document, Document::PropertyOwner owner, const QString& id, const QString& pointer,
                     const std::optional<JsonTree>& value);
    void insertResource(Document* document, Resource resource);
    /** Takes the resources out of their groups, removing the groups left empty. */
    void detachFromGroups(Document* document, const QStringList& ids);
    /** Takes the resource out of its group (removing a group left empty) and out of the architecture. */
    void removeResource(Document* document, const QString& id);
    void insertConnection(Document* document, Connection connection);
    void removeConnection(Document* document, const QString& id);
    void setConnectionParts(Document* document, const QString& id, JsonTree parts);

    /**
     * Adds connection with the template parts its rule writes (when it has none yet and the rule
     * writes any): properties set on its ends, carrier resources added between them.
     */
    void connect(Document* document, Connection connection);
    /**
     * Removes the connections and the template parts that realise them, except parts another
     * remaining connection also stands on; list positions in other connections' parts are updated.
     */
    void disconnect(Document* document, const QStringList& ids);

    /** Applies edit to a copy of the simulation scenario and stores it when edit says it changed. */
    void editScenario(Document* document, const std::function<bool(JsonTree&)>& edit);

    /** Reverts every recorded edit, newest first, and forgets them. */
    void undo(Document* document);
    bool isEmpty() const { return m_steps.empty(); }

private:
    struct Step
    {
        enum class Kind { Property, InsertResource, RemoveResource, InsertConnection, RemoveConnection, Parts, Groups, Setting };
        Kind kind;
        Document::PropertyOwner owner = Document::PropertyOwner::Resource;
        QString id;
        QString pointer;
        int index = 0;
        JsonTreeEdit::Previous previous;
        Resource resource;
        Connection connection;
        JsonTree parts;
        GroupDetachment groups;
    };

    void removePart(Document* document, const JsonTree& part);

    std::vector<Step> m_steps;
};

} // namespace tributary
