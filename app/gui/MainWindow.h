#pragma once

#include <QMainWindow>

namespace tributary {

class ArchitectureScene;
class CanvasView;
class Catalogue;
class Document;
class Autosave;
class InspectorView;
class OutlineView;
class SimulationView;
class PaletteView;
class ProblemsView;

/** The main window: canvas in the middle, palette and history docks, file and edit actions. */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const Catalogue& catalogue, QWidget* parent = nullptr);

    Document* document() const { return m_document; }
    ArchitectureScene* scene() const { return m_scene; }
    CanvasView* canvas() const { return m_canvas; }
    PaletteView* palette() const { return m_palette; }
    ProblemsView* problems() const { return m_problems; }
    InspectorView* inspector() const { return m_inspector; }
    OutlineView* outline() const { return m_outline; }
    SimulationView* simulation() const { return m_simulation; }
    Autosave* autosave() const { return m_autosave; }
    /** The action with this object name (e.g. "copy", "paste", "arrange"), for tests and shortcuts. */
    QAction* action(const QString& name) const;

    /** Opens a template; on failure keeps the current document and returns why (empty on success). */
    QString openFile(const QString& path);
    /**
     * Writes the document to path (JSON for a .json name, YAML otherwise) atomically and makes it
     * the document's file; on failure the old file is intact, the document stays modified, and the
     * reason is returned (empty on success).
     */
    QString saveTo(const QString& path);
    /** Saves to the document's file; writes nothing when nothing changed. Asks for a name when it has none. */
    bool save();
    /** Starts an empty untitled document (after asking about unsaved changes when interactive is true). */
    void newDocument();
    /** Opens a recovery copy as unsaved work on the file it was made from; returns why it failed, or empty. */
    QString restoreRecovery(const QString& recoveryPath);

    /** Copies the selected resources to the clipboard. */
    void copySelection();
    /** Pastes resources from the clipboard with new ids, selects them; returns why it failed, or empty. */
    QString paste();
    /** Applies the stored preferences (theme, snap to grid, autosave interval) to this window. */
    void applyPreferences();
    /** Lays the graph out left to right with Graphviz, as one undoable step. */
    void arrange();
    /** Puts the resources into a new group with label; returns why it failed, or empty. */
    QString groupResources(const QStringList& ids, const QString& label);
    /** Dissolves the selected group frames and the groups of the selected resources, as one step. */
    void ungroupSelection();
    /**
     * Exports the architecture to path as format: "cfn" (plain CloudFormation, JSON for a .json
     * name), "png" or "svg" (a picture of the canvas), "mermaid" or "dot"; returns why it failed, or empty.
     */
    QString exportTo(const QString& format, const QString& path);
    /** The templates listed in Open Recent, newest first. */
    QStringList recentFiles() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void placeKind(const QString& kindId);
    /** Selects the resources and scrolls the canvas to them. */
    void showResources(const QStringList& ids);
    /** Deletes the selected resources (with their connections) and the selected connections, as one step. */
    void deleteSelection();
    void inspectSelection();
    void openWithDialog();
    /** Opens path after asking about unsaved changes, and shows a failure in a message box. */
    void openInteractively(const QString& path);
    void rememberRecent(const QString& path);
    void updateRecentMenu();
    void exportWithDialog(const QString& format);
    bool saveWithDialog();
    void updateTitle();
    /** Asks whether unsaved changes may be discarded; true when they may. */
    bool mayDiscardChanges();

    const Catalogue& m_catalogue;
    Document* m_document;
    ArchitectureScene* m_scene;
    CanvasView* m_canvas;
    PaletteView* m_palette;
    ProblemsView* m_problems;
    InspectorView* m_inspector;
    OutlineView* m_outline;
    SimulationView* m_simulation;
    Autosave* m_autosave;
    QMenu* m_recentMenu = nullptr;
    /** How far the next paste lands from the copied resources. */
    int m_pasteCount = 0;
};

} // namespace tributary
