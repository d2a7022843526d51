#pragma once

#include "model/commands/DocumentCommand.h"
#include "model/commands/DocumentEditLog.h"
#include "model/tree/JsonTree.h"

#include <QString>

#include <vector>

namespace tributary {

/**
 * Changes a resource's logical id and rewrites every reference to it (Ref, Fn::GetAtt, Fn::Sub,
 * DependsOn, connector ends) in all resources, connections and template sections.
 */
class RenameResourceCommand : public DocumentCommand
{
public:
    RenameResourceCommand(Document* document, const QString& oldId, const QString& newId,
                          QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    struct ResourceContent
    {
        QString id;
        JsonTree properties;
        JsonTree attributes;
    };
    struct ConnectionContent
    {
        QString id;
        JsonTree properties;
    };

    void rewriteReferences(const std::string& from, const std::string& to);

    QString m_oldId;
    QString m_newId;
    std::vector<ResourceContent> m_resourcesBefore;
    std::vector<ConnectionContent> m_connectionsBefore;
    std::optional<JsonTree> m_sectionsBefore;
    /** The scenario's mentions of the old id, renamed. */
    DocumentEditLog m_scenarioEdits;
};

} // namespace tributary
