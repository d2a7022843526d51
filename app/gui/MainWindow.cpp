#include "app/gui/MainWindow.h"

#include "exporters/AtomicFile.h"
#include "exporters/TemplateError.h"
#include "exporters/TemplateReader.h"
#include "exporters/TemplateWriter.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/tree/TreeParseError.h"
#include "model/validation/Validator.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/InspectorView.h"
#include "views/PaletteView.h"
#include "views/ProblemsView.h"
#include "views/ResourceItem.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoView>

namespace tributary {

MainWindow::MainWindow(const Catalogue& catalogue, QWidget* parent)
    : QMainWindow(parent)
    , m_catalogue(catalogue)
    , m_document(new Document(catalogue, this))
    , m_scene(new ArchitectureScene(m_document, this))
    , m_canvas(new CanvasView(m_scene, this))
    , m_palette(new PaletteView(catalogue, this))
    , m_problems(nullptr)
    , m_inspector(new InspectorView(m_document, this))
{
    static const Validator validator = Validator::withBuiltInRules();
    m_problems = new ProblemsView(m_document, validator, this);
    setCentralWidget(m_canvas);

    auto* paletteDock = new QDockWidget(tr("Palette"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::inspectSelection);
    connect(m_inspector, &InspectorView::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_scene, &ArchitectureScene::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });

    auto* historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    auto* history = new QUndoView(m_document->undoStack(), historyDock);
    history->setEmptyLabel(tr("<opened>"));
    historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);

    auto* problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(QStringLiteral("problemsDock"));
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    resizeDocks({problemsDock}, {150}, Qt::Vertical);
    connect(m_problems, &ProblemsView::resourcesActivated, this, &MainWindow::showResources);
    connect(m_problems, &ProblemsView::countsChanged, problemsDock, [problemsDock](int errors, int warnings) {
        problemsDock->setWindowTitle(tr("Problems (%1 errors, %2 warnings)").arg(errors).arg(warnings));
    });
    m_problems->refresh();

    createActions();
    connect(m_palette, &PaletteView::kindActivated, this, &MainWindow::placeKind);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    updateTitle();
    statusBar()->showMessage(tr("Double-click a kind in the palette to place it."));
}

QString MainWindow::openFile(const QString& path)
{
    try {
        QStringList warnings;
        Architecture architecture = TemplateReader::read(path, m_catalogue, &warnings);
        m_document->resetArchitecture(std::move(architecture));
        m_document->setFilePath(path);
        m_canvas->fitAll();
        statusBar()->showMessage(warnings.isEmpty() ? tr("Opened %1").arg(QFileInfo(path).fileName())
                                                    : tr("Opened %1 with %2 warnings: %3")
                                                          .arg(QFileInfo(path).fileName())
                                                          .arg(warnings.size())
                                                          .arg(warnings.front()));
        updateTitle();
        return {};
    } catch (const TreeParseError& error) {
        return error.describe();
    } catch (const TemplateError& error) {
        return error.message();
    }
}

QString MainWindow::saveTo(const QString& path)
{
    const auto format = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? TemplateStyle::Format::Json
                                                                                     : TemplateStyle::Format::Yaml;
    const QString problem = AtomicFile::write(path, TemplateWriter::write(m_document->architecture(), format));
    if (!problem.isEmpty())
        return tr("Cannot save %1: %2").arg(path, problem);
    m_document->setFilePath(path);
    m_document->markSaved();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()));
    updateTitle();
    return {};
}

bool MainWindow::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return saveWithDialog();
    if (!m_document->isModified()) {
        statusBar()->showMessage(tr("No changes to save."));
        return true;
    }
    const QString problem = saveTo(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot save"), problem);
    return problem.isEmpty();
}

bool MainWindow::saveWithDialog()
{
    const QString current = m_document->filePath();
    const QString suggestion = current.isEmpty() || current.startsWith(QLatin1Char(':')) ? QStringLiteral("template.yaml") : current;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save template"), suggestion,
                                                      tr("YAML templates (*.yaml *.yml);;JSON templates (*.json)"));
    if (path.isEmpty())
        return false;
    const QString problem = saveTo(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot save"), problem);
    return problem.isEmpty();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (mayDiscardChanges())
        event->accept();
    else
        event->ignore();
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::openWithDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAs = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveWithDialog);
    saveAs->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    QAction* remove = editMenu->addAction(tr("&Delete"), this, &MainWindow::deleteSelection);
    remove->setShortcut(QKeySequence::Delete);
    QAction* selectAll = editMenu->addAction(tr("Select &All"), this, [this] {
        for (QGraphicsItem* item : m_scene->items())
            item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
    });
    selectAll->setShortcut(QKeySequence::SelectAll);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = viewMenu->addAction(tr("Zoom &In"), this, [this] { m_canvas->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = viewMenu->addAction(tr("Zoom &Out"), this, [this] { m_canvas->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit = viewMenu->addAction(tr("&Fit to View"), m_canvas, &CanvasView::fitAll);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->addAction(open);
    toolBar->addAction(saveAction);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addAction(remove);
    toolBar->addSeparator();
    toolBar->addAction(zoomIn);
    toolBar->addAction(zoomOut);
    toolBar->addAction(fit);
}

void MainWindow::placeKind(const QString& kindId)
{
    const ResourceKind* kind = m_catalogue.kind(kindId);
    if (!kind)
        return;
    const QPointF centre = m_canvas->mapToScene(m_canvas->viewport()->rect().center());
    QPointF position = centre;
    while (!m_scene->items(QRectF(position, QSizeF(180, 56))).isEmpty())
        position += QPointF(24, 24);
    const QString id = m_document->architecture().uniqueResourceId(kind->displayName);
    const QString problem = m_document->push(
        new AddResourcesCommand(m_document, {m_catalogue.makeResource(*kind, id, position)}));
    statusBar()->showMessage(problem.isEmpty() ? tr("Added %1").arg(id) : problem);
}

void MainWindow::showResources(const QStringList& ids)
{
    m_scene->clearSelection();
    QRectF area;
    for (const QString& id : ids) {
        if (ResourceItem* item = m_scene->resourceItem(id); item && item->isVisible()) {
            item->setSelected(true);
            area |= item->sceneBoundingRect();
        }
    }
    if (!area.isNull())
        m_canvas->ensureVisible(area);
}

void MainWindow::deleteSelection()
{
    const QStringList resources = m_scene->selectedResourceIds();
    QStringList connections;
    for (const QString& id : m_scene->selectedConnectionIds()) {
        const Connection* connection = m_document->architecture().connection(id);
        if (!resources.contains(connection->source) && !resources.contains(connection->target))
            connections.append(id);
    }
    const bool both = !resources.isEmpty() && !connections.isEmpty();
    if (both)
        m_document->beginMacro(tr("Delete the selection"));
    if (!connections.isEmpty())
        m_document->push(new DisconnectCommand(m_document, connections));
    if (!resources.isEmpty())
        m_document->push(new RemoveResourcesCommand(m_document, resources));
    if (both)
        m_document->endMacro();
}

void MainWindow::inspectSelection()
{
    const QStringList resources = m_scene->selectedResourceIds();
    const QStringList connections = m_scene->selectedConnectionIds();
    if (!resources.isEmpty() || connections.isEmpty())
        m_inspector->inspect(Document::PropertyOwner::Resource, resources);
    else
        m_inspector->inspect(Document::PropertyOwner::Connection, connections);
}

void MainWindow::openWithDialog()
{
    if (!mayDiscardChanges())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open template"), QString(),
                                                      tr("Templates (*.yaml *.yml *.json *.template);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString problem = openFile(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the template"), problem);
}

void MainWindow::updateTitle()
{
    const QString path = m_document->filePath();
    const QString name = path.isEmpty() ? tr("Untitled")
                         : path.startsWith(QLatin1Char(':')) ? QFileInfo(path).fileName() + tr(" (example)")
                                                              : QFileInfo(path).fileName();
    setWindowTitle(QStringLiteral("%1[*] — Tributary").arg(name));
    setWindowModified(m_document->isModified());
}

bool MainWindow::mayDiscardChanges()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The architecture has changes that are not saved. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

} // namespace tributary
