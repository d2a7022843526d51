#include "views/ScenarioDialog.h"

#include "model/Document.h"
#include "model/commands/SetSettingsCommand.h"
#include "views/ScenarioCheck.h"
#include "views/ScenarioText.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace tributary {

namespace {

/** The 1-based line where the key a problem names ("simulation/entries/0/resource") stands in the text, or 0. */
int lineOfKey(const ParsedTree& parsed, const QString& key)
{
    std::string pointer = key.mid(static_cast<int>(qstrlen("simulation"))).toStdString();
    while (true) {
        const auto found = parsed.locations.find(pointer);
        if (found != parsed.locations.end())
            return found->second.line;
        const std::size_t slash = pointer.rfind('/');
        if (slash == std::string::npos)
            return 0;
        pointer.resize(slash);
    }
}

} // namespace

ScenarioDialog::ScenarioDialog(Document* document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_editor(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_checkTimer(new QTimer(this))
{
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(200);
    connect(m_checkTimer, &QTimer::timeout, this, &ScenarioDialog::check);
    setObjectName(QStringLiteral("scenarioDialog"));
    setWindowTitle(tr("Simulation Scenario"));
    auto* help = new QLabel(tr("The scenario kept in the template under Metadata/Tributary/simulation: durationSeconds, seed, "
                               "entries (resource, load, payload), overrides (resource id → behaviour keys of its kind) and "
                               "failures (resource, errorRate, addedLatencyMs, outage, throttle, fromSeconds, toSeconds). "
                               "See model/simulation/README.md."), this);
    help->setWordWrap(true);
    m_editor->setObjectName(QStringLiteral("scenarioText"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    const JsonTree& settings = document->architecture().settings();
    if (settings.is_object() && settings.contains("simulation"))
        m_editor->setPlainText(ScenarioText::writeYaml(settings["simulation"]));
    m_problem->setObjectName(QStringLiteral("scenarioProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ScenarioDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ScenarioDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ScenarioDialog::textChanged);
    resize(640, 560);
    check();
}

QString ScenarioDialog::problem()
{
    return canApply() ? QString() : m_problem->text();
}

bool ScenarioDialog::canApply()
{
    if (m_checkTimer->isActive())
        check();
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void ScenarioDialog::textChanged()
{
    QString problem;
    int line = 0;
    ScenarioText::readYaml(m_editor->toPlainText(), &problem, nullptr, &line);
    if (!problem.isEmpty()) {
        m_checkTimer->stop();
        showProblem(tr("Not YAML: %1").arg(problem), line);
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_problem->setText(tr("Checking…"));
    m_problem->setStyleSheet(QString());
    m_editor->setExtraSelections({});
    m_checkTimer->start();
}

void ScenarioDialog::check()
{
    m_checkTimer->stop();
    QString problem;
    ParsedTree parsed;
    int line = 0;
    const std::optional<JsonTree> simulation = ScenarioText::readYaml(m_editor->toPlainText(), &problem, &parsed, &line);
    if (!problem.isEmpty()) {
        problem = tr("Not YAML: %1").arg(problem);
    } else {
        problem = ScenarioCheck::problem(m_document->architecture(), m_document->catalogue(), simulation);
        line = problem.isEmpty() ? 0 : lineOfKey(parsed, ScenarioCheck::keyOf(problem));
        if (line > 0)
            problem = tr("line %1: %2").arg(line).arg(problem);
    }
    showProblem(problem, line);
}

void ScenarioDialog::showProblem(const QString& problem, int line)
{
    m_problem->setText(problem.isEmpty() ? tr("The scenario can run.") : problem);
    m_problem->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    QList<QTextEdit::ExtraSelection> marks;
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (line > 0 && block.isValid()) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(QColor(198, 40, 40, 60));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(block);
        marks << mark;
    }
    m_editor->setExtraSelections(marks);
}

void ScenarioDialog::accept()
{
    check();
    if (!canApply())
        return;
    QString ignored;
    std::optional<JsonTree> simulation = ScenarioText::readYaml(m_editor->toPlainText(), &ignored);
    auto* command = new SetSettingsCommand(m_document, QStringLiteral("/simulation"), std::move(simulation));
    command->setText(tr("Edit the simulation scenario"));
    const QString refused = m_document->push(command);
    if (!refused.isEmpty()) {
        m_problem->setText(refused);
        return;
    }
    QDialog::accept();
}

} // namespace tributary
