#include "app/gui/MainWindow.h"

#include "app/gui/Autosave.h"
#include "app/gui/PreferencesDialog.h"
#include "app/gui/Theme.h"
#include "exporters/AtomicFile.h"
#include "exporters/CloudFormationExpander.h"
#include "exporters/DotWriter.h"
#include "exporters/LayeredLayout.h"
#include "exporters/MermaidWriter.h"
#include "exporters/ResourceClipboard.h"
#include "exporters/TemplateError.h"
#include "exporters/TemplateReader.h"
#include "exporters/TemplateWriter.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/GroupResourcesCommand.h"
#include "model/commands/MoveResourcesCommand.h"
#include "model/commands/UngroupCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/tree/TreeParseError.h"
#include "model/validation/Validator.h"
#include "views/ArchitectureScene.h"
#include "views/CanvasView.h"
#include "views/InspectorView.h"
#include "views/OutlineView.h"
#include "views/SceneImageWriter.h"
#include "views/SimulationView.h"
#include "views/PaletteView.h"
#include "views/ProblemsView.h"
#include "views/ResourceItem.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QLineEdit>
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
    , m_outline(new OutlineView(m_document, this))
    , m_simulation(new SimulationView(m_document, this))
    , m_autosave(new Autosave(m_document, QString(), PreferencesDialog::storedAutosaveSeconds() * 1000, this))
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

    auto* outlineDock = new QDockWidget(tr("Outline"), this);
    outlineDock->setObjectName(QStringLiteral("outlineDock"));
    outlineDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, outlineDock);
    connect(m_outline, &OutlineView::resourceActivated, this, [this](const QString& id) { showResources({id}); });

    auto* simulationDock = new QDockWidget(tr("Simulation"), this);
    simulationDock->setObjectName(QStringLiteral("simulationDock"));
    simulationDock->setWidget(m_simulation);
    addDockWidget(Qt::BottomDockWidgetArea, simulationDock);
    connect(m_simulation, &SimulationView::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });

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
    connect(m_problems, &ProblemsView::findingsChanged, m_scene, &ArchitectureScene::showFindings);
    connect(m_problems, &ProblemsView::countsChanged, problemsDock, [problemsDock](int errors, int warnings) {
        problemsDock->setWindowTitle(tr("Problems (%1 errors, %2 warnings)").arg(errors).arg(warnings));
    });
    m_problems->refresh();

    createActions();
    setAcceptDrops(true);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
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
        if (LayeredLayout::needsLayout(architecture)) {
            // A template without Tributary's layout is opened arranged; the file itself is unchanged until saved.
            QString layoutProblem;
            for (const auto& [id, position] : LayeredLayout::arrange(architecture, architecture.carrierIds(), {}, &layoutProblem))
                architecture.resourceAt(architecture.resourceIndex(id)).position = position;
            if (!layoutProblem.isEmpty())
                warnings.append(layoutProblem);
        }
        m_document->resetArchitecture(std::move(architecture));
        m_document->setFilePath(path);
        rememberRecent(path);
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
    rememberRecent(path);
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
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (mayDiscardChanges())
        event->accept();
    else
        event->ignore();
}

QAction* MainWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

void MainWindow::createActions()
{
    const auto make = [this](QMenu* menu, const QString& name, const QString& text, auto slot, const QKeySequence& keys = {}) {
        QAction* made = menu->addAction(text, this, slot);
        made->setObjectName(name);
        made->setShortcut(keys);
        return made;
    };

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* newAction = make(fileMenu, QStringLiteral("new"), tr("&New"), [this] {
        if (mayDiscardChanges())
            newDocument();
    }, QKeySequence::New);
    QMenu* examples = fileMenu->addMenu(tr("New from &Example"));
    for (const QString& name : QDir(QStringLiteral(":/examples")).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        const QString path = QStringLiteral(":/examples/") + name;
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        const QString text = QString::fromUtf8(file.readAll());
        const QRegularExpressionMatch title =
            QRegularExpression(QStringLiteral("^Description:\\s*[>|]?-?\\s*\\n?\\s*(.+)$"), QRegularExpression::MultilineOption).match(text);
        examples->addAction(title.hasMatch() ? title.captured(1).trimmed() : name, this, [this, path] { openInteractively(path); });
    }
    QAction* open = make(fileMenu, QStringLiteral("open"), tr("&Open…"), &MainWindow::openWithDialog, QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction* saveAction = make(fileMenu, QStringLiteral("save"), tr("&Save"), &MainWindow::save, QKeySequence::Save);
    QAction* saveAs = make(fileMenu, QStringLiteral("saveAs"), tr("Save &As…"), &MainWindow::saveWithDialog, QKeySequence::SaveAs);
    if (saveAs->shortcut().isEmpty()) // platforms without a standard key for it
        saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QMenu* exportMenu = fileMenu->addMenu(tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    make(exportMenu, QStringLiteral("exportCloudFormation"), tr("Plain &CloudFormation…"), [this] { exportWithDialog(QStringLiteral("cfn")); });
    make(exportMenu, QStringLiteral("exportPng"), tr("&PNG image…"), [this] { exportWithDialog(QStringLiteral("png")); });
    make(exportMenu, QStringLiteral("exportSvg"), tr("&SVG image…"), [this] { exportWithDialog(QStringLiteral("svg")); });
    make(exportMenu, QStringLiteral("exportMermaid"), tr("&Mermaid diagram…"), [this] { exportWithDialog(QStringLiteral("mermaid")); });
    make(exportMenu, QStringLiteral("exportDot"), tr("Graphviz &DOT…"), [this] { exportWithDialog(QStringLiteral("dot")); });
    fileMenu->addSeparator();
    QAction* quit = make(fileMenu, QStringLiteral("quit"), tr("&Quit"), &QWidget::close, QKeySequence::Quit);
    if (quit->shortcut().isEmpty())
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    make(editMenu, QStringLiteral("cut"), tr("Cu&t"), [this] {
        copySelection();
        deleteSelection();
    }, QKeySequence::Cut);
    make(editMenu, QStringLiteral("copy"), tr("&Copy"), &MainWindow::copySelection, QKeySequence::Copy);
    make(editMenu, QStringLiteral("paste"), tr("&Paste"), [this] {
        const QString problem = paste();
        if (!problem.isEmpty())
            statusBar()->showMessage(problem, 8000);
    }, QKeySequence::Paste);
    make(editMenu, QStringLiteral("duplicate"), tr("D&uplicate"), [this] {
        copySelection();
        paste();
    }, QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* remove = make(editMenu, QStringLiteral("delete"), tr("&Delete"), &MainWindow::deleteSelection, QKeySequence::Delete);
    make(editMenu, QStringLiteral("selectAll"), tr("Select &All"), [this] {
        for (QGraphicsItem* item : m_scene->items())
            item->setSelected(item->isVisible() && (item->flags() & QGraphicsItem::ItemIsSelectable));
    }, QKeySequence::SelectAll);
    make(editMenu, QStringLiteral("group"), tr("&Group…"), [this] {
        const QStringList ids = m_scene->selectedResourceIds();
        if (ids.isEmpty())
            return;
        bool ok = false;
        const QString label = QInputDialog::getText(this, tr("Group"), tr("Name of the group:"), QLineEdit::Normal,
                                                    tr("Group"), &ok);
        if (ok)
            groupResources(ids, label);
    }, QKeySequence(Qt::CTRL | Qt::Key_G));
    make(editMenu, QStringLiteral("ungroup"), tr("U&ngroup"), &MainWindow::ungroupSelection, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QAction* preferences = make(editMenu, QStringLiteral("preferences"), tr("Pre&ferences…"), [this] {
        PreferencesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            applyPreferences();
    }, QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    make(editMenu, QStringLiteral("find"), tr("&Find Resource…"), [this] {
        m_outline->parentWidget()->show();
        m_outline->focusSearch();
    }, QKeySequence::Find);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = make(viewMenu, QStringLiteral("zoomIn"), tr("Zoom &In"), [this] { m_canvas->zoomBy(1.25); }, QKeySequence::ZoomIn);
    QAction* zoomOut = make(viewMenu, QStringLiteral("zoomOut"), tr("Zoom &Out"), [this] { m_canvas->zoomBy(0.8); }, QKeySequence::ZoomOut);
    QAction* fit = make(viewMenu, QStringLiteral("fit"), tr("&Fit to View"), [this] { m_canvas->fitAll(); }, QKeySequence(Qt::CTRL | Qt::Key_0));
    make(viewMenu, QStringLiteral("actualSize"), tr("&Actual Size (100 %)"), [this] { m_canvas->resetZoom(); }, QKeySequence(Qt::CTRL | Qt::Key_1));
    make(viewMenu, QStringLiteral("arrange"), tr("A&rrange"), &MainWindow::arrange, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QAction* snap = make(viewMenu, QStringLiteral("snapToGrid"), tr("&Snap to Grid"), [this](bool on) {
        m_scene->setSnapToGrid(on);
        QSettings().setValue(QStringLiteral("canvas/snapToGrid"), on);
    });
    snap->setCheckable(true);
    snap->setChecked(QSettings().value(QStringLiteral("canvas/snapToGrid"), false).toBool());
    m_scene->setSnapToGrid(snap->isChecked());
    viewMenu->addSeparator();
    QMenu* themes = viewMenu->addMenu(tr("&Theme"));
    auto* themeGroup = new QActionGroup(this);
    for (const QString& name : Theme::names()) {
        QAction* choice = themes->addAction(name == QLatin1String("system") ? tr("Follow the &System")
                                            : name == QLatin1String("light") ? tr("&Light") : tr("&Dark"),
                                            this, [this, name] {
                                                Theme::apply(name);
                                                for (QGraphicsItem* item : m_scene->items())
                                                    item->update(); // cached node pictures are painted anew
                                            });
        choice->setObjectName(QStringLiteral("theme-") + name);
        choice->setCheckable(true);
        choice->setChecked(Theme::current() == name);
        themeGroup->addAction(choice);
    }
    QMenu* simulate = menuBar()->addMenu(tr("&Simulate"));
    make(simulate, QStringLiteral("simulationPlay"), tr("&Play"), [this] {
        m_simulation->parentWidget()->show();
        const QString problem = m_simulation->play();
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Cannot simulate"), problem);
    }, QKeySequence(Qt::Key_F5));
    make(simulate, QStringLiteral("simulationPause"), tr("P&ause"), [this] { m_simulation->pause(); }, QKeySequence(Qt::Key_F6));
    make(simulate, QStringLiteral("simulationStep"), tr("&Step"), [this] { m_simulation->step(); }, QKeySequence(Qt::Key_F10));
    make(simulate, QStringLiteral("simulationStop"), tr("S&top"), [this] { m_simulation->stop(); }, QKeySequence(Qt::SHIFT | Qt::Key_F5));
    simulate->addSeparator();
    make(simulate, QStringLiteral("editScenario"), tr("&Edit Scenario…"), [this] { m_simulation->editScenario(); });
    QMenu* panels = viewMenu->addMenu(tr("&Panels"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        panels->addAction(dock->toggleViewAction());

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->addAction(newAction);
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

void MainWindow::arrange()
{
    QString problem;
    const Architecture& architecture = m_document->architecture();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const std::vector<std::pair<QString, QPointF>> positions =
        LayeredLayout::arrange(architecture, architecture.carrierIds(), {}, &problem);
    QApplication::restoreOverrideCursor();
    if (!problem.isEmpty()) {
        statusBar()->showMessage(tr("Cannot arrange: %1").arg(problem), 10000);
        return;
    }
    auto* command = new MoveResourcesCommand(m_document, positions);
    command->setText(tr("Arrange"));
    m_document->push(command);
    m_canvas->fitAll();
}

void MainWindow::applyPreferences()
{
    const bool snap = QSettings().value(QStringLiteral("canvas/snapToGrid"), false).toBool();
    m_scene->setSnapToGrid(snap);
    action(QStringLiteral("snapToGrid"))->setChecked(snap);
    if (QAction* theme = action(QStringLiteral("theme-") + Theme::current()))
        theme->setChecked(true);
    for (QGraphicsItem* item : m_scene->items())
        item->update();
    m_autosave->setInterval(PreferencesDialog::storedAutosaveSeconds() * 1000);
}

void MainWindow::newDocument()
{
    m_document->resetArchitecture(Architecture());
    m_document->setFilePath(QString());
    updateTitle();
}

QString MainWindow::restoreRecovery(const QString& recoveryPath)
{
    const QString problem = openFile(recoveryPath);
    if (!problem.isEmpty())
        return problem;
    m_document->setFilePath(Autosave::originalPathOf(recoveryPath));
    m_document->markUnsaved();
    Autosave::remove(recoveryPath);
    updateTitle();
    statusBar()->showMessage(tr("Restored unsaved work from the recovery copy; save it to keep it."));
    return {};
}

void MainWindow::copySelection()
{
    const QStringList ids = m_scene->selectedResourceIds();
    if (ids.isEmpty())
        return;
    auto* data = new QMimeData;
    data->setData(ResourceClipboard::mimeType(), ResourceClipboard::copy(m_document->architecture(), ids));
    data->setText(ids.join(QLatin1Char('\n')));
    QGuiApplication::clipboard()->setMimeData(data);
    m_pasteCount = 0;
    statusBar()->showMessage(tr("Copied %n resources", nullptr, static_cast<int>(ids.size())));
}

QString MainWindow::paste()
{
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    if (!data || !data->hasFormat(ResourceClipboard::mimeType()))
        return tr("The clipboard holds no resources to paste.");
    QString problem;
    const qreal offset = 40.0 * ++m_pasteCount;
    std::optional<ResourceClipboard::Pasted> pasted = ResourceClipboard::paste(
        m_document->architecture(), m_catalogue, data->data(ResourceClipboard::mimeType()), QPointF(offset, offset), &problem);
    if (!pasted)
        return problem;
    QStringList ids;
    for (const Resource& resource : pasted->resources)
        ids.append(resource.id);
    auto* command = new AddResourcesCommand(m_document, std::move(pasted->resources), std::move(pasted->connections));
    command->setText(tr("Paste %n resources", nullptr, static_cast<int>(ids.size())));
    problem = m_document->push(command);
    if (problem.isEmpty())
        showResources(ids);
    return problem;
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;
    QStringList recent = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(QStringLiteral("recentFiles"), recent.mid(0, 10));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (const QString& path : recentFiles())
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openInteractively(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::openInteractively(const QString& path)
{
    if (!mayDiscardChanges())
        return;
    const QString problem = openFile(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot open the template"), problem);
}

void MainWindow::exportWithDialog(const QString& format)
{
    struct Target
    {
        QString suffix;
        QString filter;
    };
    const QHash<QString, Target> targets{
        {QStringLiteral("mermaid"), {QStringLiteral(".mmd"), tr("Mermaid (*.mmd *.md)")}},
        {QStringLiteral("dot"), {QStringLiteral(".dot"), tr("Graphviz DOT (*.dot *.gv)")}},
        {QStringLiteral("cfn"), {QStringLiteral(".cfn.yaml"), tr("CloudFormation YAML (*.yaml *.yml);;CloudFormation JSON (*.json)")}},
        {QStringLiteral("png"), {QStringLiteral(".png"), tr("PNG image (*.png)")}},
        {QStringLiteral("svg"), {QStringLiteral(".svg"), tr("SVG image (*.svg)")}},
    };
    const Target target = targets.value(format);
    const QString base = m_document->filePath().isEmpty() || m_document->filePath().startsWith(QLatin1Char(':'))
        ? QStringLiteral("architecture") : QFileInfo(m_document->filePath()).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), base + target.suffix, target.filter);
    if (path.isEmpty())
        return;
    const QString problem = exportTo(format, path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Cannot export"), problem);
}

QString MainWindow::exportTo(const QString& format, const QString& path)
{
    if (format == QLatin1String("png") || format == QLatin1String("svg")) {
        const QString problem = format == QLatin1String("png") ? SceneImageWriter::writePng(m_scene, path)
                                                               : SceneImageWriter::writeSvg(m_scene, path);
        if (problem.isEmpty())
            statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 10000);
        return problem;
    }
    QByteArray bytes;
    QString note;
    if (format == QLatin1String("mermaid")) {
        bytes = MermaidWriter().write(m_document->architecture(), m_catalogue);
    } else if (format == QLatin1String("dot")) {
        bytes = DotWriter().write(m_document->architecture(), m_catalogue);
    } else if (format == QLatin1String("cfn")) {
        CloudFormationExpander::Result result;
        bytes = CloudFormationExpander::write(m_document->architecture(),
                                              path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? TemplateStyle::Format::Json
                                                                                                           : TemplateStyle::Format::Yaml,
                                              &result);
        if (!result.errors.isEmpty())
            return tr("The architecture cannot be written as plain CloudFormation: %1").arg(result.errors.join(QStringLiteral("; ")));
        if (!result.warnings.isEmpty())
            note = tr(" (%n warnings: %1)", nullptr, static_cast<int>(result.warnings.size())).arg(result.warnings.front());
    } else {
        return tr("Unknown export format '%1'.").arg(format);
    }
    const QString problem = AtomicFile::write(path, bytes);
    if (!problem.isEmpty())
        return tr("Cannot write %1: %2").arg(path, problem);
    statusBar()->showMessage(tr("Exported %1%2").arg(QFileInfo(path).fileName(), note), 10000);
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    openInteractively(urls.front().toLocalFile());
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

QString MainWindow::groupResources(const QStringList& ids, const QString& label)
{
    const QString problem = m_document->push(new GroupResourcesCommand(m_document, ids, label));
    statusBar()->showMessage(problem.isEmpty() ? tr("Grouped %n resources", nullptr, static_cast<int>(ids.size())) : problem, 8000);
    return problem;
}

void MainWindow::ungroupSelection()
{
    QStringList groups = m_scene->selectedGroupIds();
    for (const QString& id : m_scene->selectedResourceIds()) {
        if (const Group* group = m_document->architecture().groupOf(id); group && !groups.contains(group->id))
            groups.append(group->id);
    }
    if (groups.isEmpty())
        return;
    m_document->beginMacro(tr("Ungroup %n groups", nullptr, static_cast<int>(groups.size())));
    for (const QString& id : std::as_const(groups))
        m_document->push(new UngroupCommand(m_document, id));
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
