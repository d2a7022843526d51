#pragma once

#include "model/Architecture.h"
#include "model/tree/JsonTreeEdit.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <optional>

namespace tributary {

class Catalogue;

/**
 * An open architecture: the graph, its undo stack, its file and whether it has unsaved changes.
 * Views read architecture() and push commands; the raw mutators below are for commands only and
 * each emits the signal that names exactly what changed.
 */
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(const Catalogue& catalogue, QObject* parent = nullptr);

    const Catalogue& catalogue() const { return m_catalogue; }
    const Architecture& architecture() const { return m_architecture; }
    QUndoStack* undoStack() { return &m_undoStack; }

    /**
     * Pushes command onto the undo stack, which runs it. A DocumentCommand that reports a problem
     * is refused, deleted, and its problem returned; an empty string means it was pushed.
     */
    QString push(QUndoCommand* command);

    /** Starts a macro: the commands pushed until endMacro() undo and redo as one step named text. */
    void beginMacro(const QString& text);
    void endMacro();

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& filePath);
    /** True when the architecture differs from what was last loaded or saved. */
    bool isModified() const { return !m_undoStack.isClean(); }
    /** Records the current state as saved. */
    void markSaved();
    /** Records that the current state is not saved anywhere (restored from a recovery copy). */
    void markUnsaved();

    /** Replaces the whole architecture (opening a file): clears the undo history and emits reset(). */
    void resetArchitecture(Architecture architecture);

    /** Whose properties a property edit changes. */
    enum class PropertyOwner { Resource, Connection };

    // Raw mutators, for commands only. Indices and ids are valid: commands check before they act.
    void insertResource(int index, Resource resource);
    Resource takeResource(int index);
    void setResourcePosition(const QString& id, QPointF position);
    /** Changes the id of a resource and every connection end and group membership that names it. */
    void renameResource(const QString& oldId, const QString& newId);
    /** Replaces a resource's whole Properties and entry attributes (reference rewriting). */
    void setResourceContent(const QString& id, JsonTree properties, JsonTree attributes);
    void insertConnection(int index, Connection connection);
    Connection takeConnection(int index);
    void setConnectionProperties(const QString& id, JsonTree properties);
    /** Replaces the list of template parts that realise a connection. */
    void setConnectionParts(const QString& id, JsonTree parts);
    /** Sets or removes (nothing) one property of a resource or connection; returns what stood there. */
    JsonTreeEdit::Previous applyProperty(PropertyOwner owner, const QString& id, const QString& pointer,
                                         const std::optional<JsonTree>& value);
    /** Undoes applyProperty() exactly. */
    void restoreProperty(PropertyOwner owner, const QString& id, const QString& pointer,
                         const JsonTreeEdit::Previous& previous);
    void insertGroup(int index, Group group);
    Group takeGroup(int index);
    void setGroupMembers(const QString& id, const QStringList& members);
    void setTemplateSections(JsonTree sections);
    /** Sets or removes (nothing) the value at pointer in Architecture::settings(); returns what stood there. */
    JsonTreeEdit::Previous applySetting(const QString& pointer, const std::optional<JsonTree>& value);
    /** Undoes applySetting() exactly. */
    void restoreSetting(const QString& pointer, const JsonTreeEdit::Previous& previous);

Q_SIGNALS:
    void resourceAdded(const QString& id);
    void resourceRemoved(const QString& id);
    /** pointer is the JSON pointer of the property in Properties ("" for the whole entry). */
    void resourcePropertyChanged(const QString& id, const QString& pointer);
    void resourceMoved(const QString& id);
    void resourceRenamed(const QString& oldId, const QString& newId);
    void connectionAdded(const QString& id);
    void connectionRemoved(const QString& id);
    void connectionPropertyChanged(const QString& id, const QString& pointer);
    void connectionPartsChanged(const QString& id);
    void groupAdded(const QString& id);
    void groupRemoved(const QString& id);
    void groupChanged(const QString& id);
    /** A top-level template section other than Resources changed (Parameters, Outputs …). */
    void templateSectionChanged(const QString& section);
    /** A value in Architecture::settings() changed (pointer e.g. "/simulation/seed"). */
    void settingsChanged(const QString& pointer);
    /** Everything changed: views rebuild. */
    void reset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);

private:
    JsonTree& propertiesOf(PropertyOwner owner, const QString& id);
    void emitPropertyChanged(PropertyOwner owner, const QString& id, const QString& pointer);

    const Catalogue& m_catalogue;
    Architecture m_architecture;
    QUndoStack m_undoStack;
    QString m_filePath;
};

} // namespace tributary
