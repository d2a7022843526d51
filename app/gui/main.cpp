#include "app/gui/Autosave.h"
#include "app/gui/MainWindow.h"
#include "app/gui/Theme.h"
#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"
#include "views/CanvasView.h"
#include "views/SimulationView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

namespace {

const char* const builtInExample = ":/examples/order-pipeline.yaml";

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tributary"));
    QApplication::setOrganizationName(QStringLiteral("Tributary"));
    QApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tributary.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design, validate and simulate serverless event-driven AWS architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the main window to OUT.png and exit."),
                                        QStringLiteral("OUT.png"));
    parser.addOption(screenshot);
    const QCommandLineOption simulateFirst(QStringLiteral("simulate"),
                                           QStringLiteral("With --screenshot: run the template's simulation scenario first."));
    parser.addOption(simulateFirst);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Template to open (default: the built-in example)."));
    parser.process(application);

    const tributary::Catalogue* catalogue = nullptr;
    try {
        catalogue = &tributary::Catalogue::builtIn();
    } catch (const tributary::CatalogueError& error) {
        std::fprintf(stderr, "tributary: the built-in catalogue is broken: %s\n", qPrintable(error.message()));
        return 3;
    }

    tributary::Theme::apply(tributary::Theme::current());
    tributary::MainWindow window(*catalogue);
    window.resize(1280, 800);
    const QString file = parser.positionalArguments().value(0, QString::fromLatin1(builtInExample));
    const QString problem = window.openFile(file);

    if (parser.isSet(screenshot)) {
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "tributary: %s\n", qPrintable(problem));
            return 3;
        }
        window.show();
        if (parser.isSet(simulateFirst)) {
            QEventLoop wait;
            QObject::connect(window.simulation(), &tributary::SimulationView::finished, &wait, &QEventLoop::quit);
            const QString simulationProblem = window.simulation()->play();
            if (!simulationProblem.isEmpty()) {
                std::fprintf(stderr, "tributary: %s\n", qPrintable(simulationProblem));
                return 1;
            }
            wait.exec();
        }
        QApplication::processEvents();
        window.canvas()->fitAll();
        QApplication::processEvents();
        if (!window.grab().save(parser.value(screenshot))) {
            std::fprintf(stderr, "tributary: cannot write %s\n", qPrintable(parser.value(screenshot)));
            return 3;
        }
        return 0;
    }
    window.show();
    if (!problem.isEmpty())
        QMessageBox::warning(&window, QObject::tr("Cannot open the template"), problem);
    const QString leftBehind = tributary::Autosave::findLeftBehind();
    if (!leftBehind.isEmpty()) {
        const QString original = tributary::Autosave::originalPathOf(leftBehind);
        const auto answer = QMessageBox::question(
            &window, QObject::tr("Restore unsaved work?"),
            QObject::tr("A Tributary session ended without saving its work%1. Restore it?")
                .arg(original.isEmpty() || original.startsWith(QLatin1Char(':')) ? QString() : QObject::tr(" on %1").arg(original)),
            QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
        const QString restoreProblem = answer == QMessageBox::Yes ? window.restoreRecovery(leftBehind) : QString();
        if (!restoreProblem.isEmpty())
            QMessageBox::warning(&window, QObject::tr("Cannot restore"), restoreProblem);
        tributary::Autosave::remove(leftBehind);
    }
    return QApplication::exec();
}
