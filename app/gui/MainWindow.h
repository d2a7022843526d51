#pragma once

#include <QMainWindow>

namespace tributary {

class ArchitectureScene;
class CanvasView;
class Catalogue;
class Document;
class InspectorView;
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

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void placeKind(const QString& kindId);
    /** Selects the resources and scrolls the canvas to them. */
    void showResources(const QStringList& ids);
    /** Deletes the selected resources (with their connections) and the selected connections, as one step. */
    void deleteSelection();
    void inspectSelection();
    void openWithDialog();
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
};

} // namespace tributary
