#include "model/commands/RenameResourceCommand.h"

#include "model/Document.h"
#include "model/LogicalId.h"
#include "model/References.h"
#include "model/ScenarioReferences.h"

namespace tributary {

RenameResourceCommand::RenameResourceCommand(Document* document, const QString& oldId, const QString& newId,
                                             QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_oldId(oldId)
    , m_newId(newId)
{
    setText(QStringLiteral("Rename %1 to %2").arg(oldId, newId));
    const Architecture& architecture = document->architecture();
    if (!architecture.resource(oldId))
        setProblem(QStringLiteral("There is no resource '%1' to rename.").arg(oldId));
    else if (oldId == newId)
        setProblem(QStringLiteral("'%1' already has that id.").arg(oldId));
    setProblem(LogicalId::problemWith(newId));
    if (architecture.isNameTaken(newId) && oldId != newId)
        setProblem(QStringLiteral("The logical id '%1' is already used.").arg(newId));
}

void RenameResourceCommand::redo()
{
    m_resourcesBefore.clear();
    m_connectionsBefore.clear();
    m_sectionsBefore.reset();
    rewriteReferences(m_oldId.toStdString(), m_newId.toStdString());
    m_document->renameResource(m_oldId, m_newId);
    m_scenarioEdits.editScenario(m_document, [this](JsonTree& simulation) {
        return ScenarioReferences::rename(simulation, m_oldId.toStdString(), m_newId.toStdString());
    });
}

void RenameResourceCommand::undo()
{
    m_scenarioEdits.undo(m_document);
    m_document->renameResource(m_newId, m_oldId);
    for (const ResourceContent& before : m_resourcesBefore)
        m_document->setResourceContent(before.id, before.properties, before.attributes);
    for (const ConnectionContent& before : m_connectionsBefore)
        m_document->setConnectionProperties(before.id, before.properties);
    if (m_sectionsBefore)
        m_document->setTemplateSections(*m_sectionsBefore);
}

void RenameResourceCommand::rewriteReferences(const std::string& from, const std::string& to)
{
    const Architecture& architecture = m_document->architecture();
    for (const Resource& resource : architecture.resources()) {
        JsonTree properties = resource.properties;
        JsonTree attributes = resource.attributes;
        if (References::renameInEntry(properties, attributes, from, to)) {
            // Recorded under the id it has now: undo() renames the resource back before restoring.
            m_resourcesBefore.push_back({resource.id, resource.properties, resource.attributes});
            m_document->setResourceContent(resource.id, std::move(properties), std::move(attributes));
        }
    }
    for (const Connection& connection : architecture.connections()) {
        JsonTree properties = connection.properties;
        if (References::rename(properties, from, to)) {
            m_connectionsBefore.push_back({connection.id, connection.properties});
            m_document->setConnectionProperties(connection.id, std::move(properties));
        }
    }
    JsonTree sections = architecture.templateSections();
    if (References::rename(sections, from, to)) {
        m_sectionsBefore = architecture.templateSections();
        m_document->setTemplateSections(std::move(sections));
    }
}

} // namespace tributary
