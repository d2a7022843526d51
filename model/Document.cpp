#include "model/Document.h"

#include "model/commands/DocumentCommand.h"

namespace tributary {

Document::Document(const Catalogue& catalogue, QObject* parent)
    : QObject(parent)
    , m_catalogue(catalogue)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

QString Document::push(QUndoCommand* command)
{
    if (auto* documentCommand = dynamic_cast<DocumentCommand*>(command)) {
        const QString problem = documentCommand->problem();
        if (!problem.isEmpty()) {
            delete command;
            return problem;
        }
    }
    m_undoStack.push(command);
    return {};
}

void Document::beginMacro(const QString& text)
{
    m_undoStack.beginMacro(text);
}

void Document::endMacro()
{
    m_undoStack.endMacro();
}

void Document::setFilePath(const QString& filePath)
{
    if (m_filePath == filePath)
        return;
    m_filePath = filePath;
    Q_EMIT filePathChanged(filePath);
}

void Document::markSaved()
{
    m_undoStack.setClean();
}

void Document::markUnsaved()
{
    m_undoStack.resetClean();
}

void Document::resetArchitecture(Architecture architecture)
{
    m_undoStack.clear();
    m_architecture = std::move(architecture);
    Q_EMIT reset();
}

void Document::insertResource(int index, Resource resource)
{
    const QString id = resource.id;
    m_architecture.insertResource(index, std::move(resource));
    Q_EMIT resourceAdded(id);
}

Resource Document::takeResource(int index)
{
    Resource taken = m_architecture.takeResource(index);
    Q_EMIT resourceRemoved(taken.id);
    return taken;
}

void Document::setResourcePosition(const QString& id, QPointF position)
{
    m_architecture.resourceAt(m_architecture.resourceIndex(id)).position = position;
    Q_EMIT resourceMoved(id);
}

void Document::renameResource(const QString& oldId, const QString& newId)
{
    m_architecture.setResourceId(m_architecture.resourceIndex(oldId), newId);
    for (int i = 0; i < static_cast<int>(m_architecture.connections().size()); ++i) {
        Connection& connection = m_architecture.connectionAt(i);
        if (connection.source == oldId)
            connection.source = newId;
        if (connection.target == oldId)
            connection.target = newId;
        for (JsonTree& part : connection.parts) {
            if (part.value("resource", std::string()) == oldId.toStdString())
                part["resource"] = newId.toStdString();
        }
    }
    for (int i = 0; i < static_cast<int>(m_architecture.groups().size()); ++i) {
        QStringList& members = m_architecture.groupAt(i).members;
        const int at = members.indexOf(oldId);
        if (at >= 0)
            members[at] = newId;
    }
    Q_EMIT resourceRenamed(oldId, newId);
}

void Document::setResourceContent(const QString& id, JsonTree properties, JsonTree attributes)
{
    Resource& resource = m_architecture.resourceAt(m_architecture.resourceIndex(id));
    resource.properties = std::move(properties);
    resource.attributes = std::move(attributes);
    Q_EMIT resourcePropertyChanged(id, QString());
}

void Document::insertConnection(int index, Connection connection)
{
    const QString id = connection.id;
    m_architecture.insertConnection(index, std::move(connection));
    Q_EMIT connectionAdded(id);
}

Connection Document::takeConnection(int index)
{
    Connection taken = m_architecture.takeConnection(index);
    Q_EMIT connectionRemoved(taken.id);
    return taken;
}

void Document::setConnectionProperties(const QString& id, JsonTree properties)
{
    m_architecture.connectionAt(m_architecture.connectionIndex(id)).properties = std::move(properties);
    Q_EMIT connectionPropertyChanged(id, QString());
}

JsonTreeEdit::Previous Document::applyProperty(PropertyOwner owner, const QString& id, const QString& pointer,
                                               const std::optional<JsonTree>& value)
{
    JsonTreeEdit::Previous previous = JsonTreeEdit::apply(propertiesOf(owner, id), pointer, value);
    emitPropertyChanged(owner, id, pointer);
    return previous;
}

void Document::restoreProperty(PropertyOwner owner, const QString& id, const QString& pointer,
                               const JsonTreeEdit::Previous& previous)
{
    JsonTreeEdit::restore(propertiesOf(owner, id), pointer, previous);
    emitPropertyChanged(owner, id, pointer);
}

void Document::setConnectionParts(const QString& id, JsonTree parts)
{
    m_architecture.connectionAt(m_architecture.connectionIndex(id)).parts = std::move(parts);
    Q_EMIT connectionPartsChanged(id);
}

void Document::insertGroup(int index, Group group)
{
    const QString id = group.id;
    m_architecture.insertGroup(index, std::move(group));
    Q_EMIT groupAdded(id);
}

Group Document::takeGroup(int index)
{
    Group taken = m_architecture.takeGroup(index);
    Q_EMIT groupRemoved(taken.id);
    return taken;
}

void Document::setGroupMembers(const QString& id, const QStringList& members)
{
    m_architecture.groupAt(m_architecture.groupIndex(id)).members = members;
    Q_EMIT groupChanged(id);
}

void Document::setTemplateSections(JsonTree sections)
{
    m_architecture.templateSections() = std::move(sections);
    Q_EMIT templateSectionChanged(QString());
}

JsonTreeEdit::Previous Document::applySetting(const QString& pointer, const std::optional<JsonTree>& value)
{
    JsonTree settings = m_architecture.settings();
    JsonTreeEdit::Previous previous = JsonTreeEdit::apply(settings, pointer, value);
    m_architecture.setSettings(std::move(settings));
    Q_EMIT settingsChanged(pointer);
    return previous;
}

void Document::restoreSetting(const QString& pointer, const JsonTreeEdit::Previous& previous)
{
    JsonTree settings = m_architecture.settings();
    JsonTreeEdit::restore(settings, pointer, previous);
    m_architecture.setSettings(std::move(settings));
    Q_EMIT settingsChanged(pointer);
}

JsonTree& Document::propertiesOf(PropertyOwner owner, const QString& id)
{
    if (owner == PropertyOwner::Resource)
        return m_architecture.resourceAt(m_architecture.resourceIndex(id)).properties;
    return m_architecture.connectionAt(m_architecture.connectionIndex(id)).properties;
}

void Document::emitPropertyChanged(PropertyOwner owner, const QString& id, const QString& pointer)
{
    if (owner == PropertyOwner::Resource)
        Q_EMIT resourcePropertyChanged(id, pointer);
    else
        Q_EMIT connectionPropertyChanged(id, pointer);
}

} // namespace tributary
