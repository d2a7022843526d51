#include "views/SimulationSettingsEditor.h"

#include "model/Document.h"
#include "views/CollapsibleSection.h"
#include "views/ScenarioText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tributary {

namespace {

/** A number a load shape reads, with the value a new load of that shape starts with. */
struct LoadKey
{
    const char* key;
    const char* label;
    double initial;
};

/** The load shapes the scenario reads (model/simulation/README.md) and their numbers. */
struct LoadShape
{
    const char* shape;
    std::vector<LoadKey> keys;
};

const std::vector<LoadShape>& loadShapes()
{
    static const std::vector<LoadShape> shapes{
        {"constant", {{"ratePerSecond", "Rate (per s)", 1}}},
        {"poisson", {{"ratePerSecond", "Mean rate (per s)", 1}}},
        {"burst", {{"count", "Messages per burst", 100}, {"atSeconds", "First burst at (s)", 0}, {"everySeconds", "Repeat every (s, 0 = once)", 0}}},
        {"ramp", {{"fromPerSecond", "From (per s)", 1}, {"toPerSecond", "To (per s)", 10}, {"overSeconds", "Over (s)", 60}}},
        {"dailyCycle", {{"meanPerSecond", "Mean rate (per s)", 1}, {"peakFactor", "Peak factor", 2}, {"startsAtHour", "Run starts at (hour)", 0}}},
    };
    return shapes;
}

const LoadShape* loadShape(const QString& shape)
{
    for (const LoadShape& candidate : loadShapes())
        if (shape == QLatin1String(candidate.shape))
            return &candidate;
    return nullptr;
}

/** The failure settings shown as numbers: key, label, and the factor from stored to shown. */
struct FailureKey
{
    const char* key;
    const char* label;
    double scale;
    const char* placeholder;
};

const FailureKey kFailureKeys[] = {{"errorRate", "Error rate (%)", 100, "0"},
                                   {"addedLatencyMs", "Added latency (ms)", 1, "0"},
                                   {"fromSeconds", "From (s)", 1, "start of run"},
                                   {"toSeconds", "To (s)", 1, "end of run"}};

JsonTree valueAt(const JsonTree& tree, const char* key)
{
    return tree.is_object() ? tree.value(key, JsonTree()) : JsonTree();
}

/** Takes an item's widget out of use; deleted later, as it may be the sender of the signal being handled. */
void discard(QLayoutItem* item)
{
    if (!item)
        return;
    if (QWidget* widget = item->widget()) {
        widget->blockSignals(true);
        widget->setObjectName(QString());
        widget->hide();
        widget->deleteLater();
    }
    delete item;
}

} // namespace

SimulationSettingsEditor::SimulationSettingsEditor(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_scenario(document, QString())
    , m_behaviour(new CollapsibleSection(tr("Simulation"), QStringLiteral("simulationSection"), this))
    , m_behaviourGrid(new QGridLayout)
    , m_entry(new CollapsibleSection(tr("Entry point load"), QStringLiteral("entrySection"), this))
    , m_entryEnabled(new QCheckBox(tr("Send load to this resource"), this))
    , m_entryFields(new QWidget(this))
    , m_shape(new QComboBox(this))
    , m_loadForm(new QFormLayout)
    , m_payload(new QPlainTextEdit(this))
    , m_entryNote(new QLabel(this))
    , m_failure(new CollapsibleSection(tr("Failure injection"), QStringLiteral("failureSection"), this))
    , m_failureEnabled(new QCheckBox(tr("Inject failures into this resource"), this))
    , m_failureFields(new QWidget(this))
    , m_outage(new QCheckBox(tr("Outage (every call fails)"), this))
    , m_throttle(new QCheckBox(tr("Throttle (every call is refused)"), this))
    , m_problem(new QLabel(this))
    , m_checkTimer(new QTimer(this))
{
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(200);
    connect(m_checkTimer, &QTimer::timeout, this, &SimulationSettingsEditor::runPendingCheck);
    auto* hint = new QLabel(tr("What the simulator uses for this resource; bold values are overridden in this scenario."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_behaviour->contentLayout()->addWidget(hint);
    m_behaviourGrid->setColumnStretch(1, 1);
    m_behaviour->contentLayout()->addLayout(m_behaviourGrid);

    m_entryEnabled->setObjectName(QStringLiteral("entryEnabled"));
    m_shape->setObjectName(QStringLiteral("entryShape"));
    for (const LoadShape& shape : loadShapes())
        m_shape->addItem(QLatin1String(shape.shape));
    m_shape->setToolTip(tr("How the load arrives: constant, poisson (random arrivals), burst, ramp or dailyCycle."));
    m_payload->setObjectName(QStringLiteral("entryPayload"));
    m_payload->setToolTip(tr("The payload of every message, as YAML; partitionKeys: N or messageGroups: N spreads them over N keys, poison: true makes every consumer fail."));
    m_payload->setPlaceholderText(tr("payload as YAML, e.g. body: {orderId: o-1}"));
    m_payload->setFixedHeight(m_payload->fontMetrics().lineSpacing() * 6);
    m_payload->setTabChangesFocus(true);
    m_payload->installEventFilter(this);
    m_entryNote->setWordWrap(true);
    m_entryNote->setForegroundRole(QPalette::PlaceholderText);
    auto* entryLayout = new QFormLayout(m_entryFields);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    entryLayout->addRow(tr("Shape"), m_shape);
    entryLayout->addRow(m_loadForm);
    entryLayout->addRow(tr("Payload"), m_payload);
    m_loadForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_entry->contentLayout()->addWidget(m_entryEnabled);
    m_entry->contentLayout()->addWidget(m_entryFields);
    m_entry->contentLayout()->addWidget(m_entryNote);

    m_failureEnabled->setObjectName(QStringLiteral("failureEnabled"));
    m_outage->setObjectName(QStringLiteral("failure/outage"));
    m_throttle->setObjectName(QStringLiteral("failure/throttle"));
    auto* failureLayout = new QFormLayout(m_failureFields);
    failureLayout->setContentsMargins(0, 0, 0, 0);
    failureLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FailureKey& key : kFailureKeys) {
        LineBinding binding;
        binding.pointer = [this, key = QString::fromLatin1(key.key)] {
            return m_scenario.itemPointer(ResourceScenario::List::Failures, QLatin1Char('/') + key);
        };
        binding.shown = [this, key = key.key] { return valueAt(m_scenario.item(ResourceScenario::List::Failures), key); };
        binding.scale = key.scale;
        binding.label = tr(key.label);
        QLineEdit* line = bindLine(m_failureLines, QStringLiteral("failure/") + QLatin1String(key.key), binding);
        line->setPlaceholderText(tr(key.placeholder));
        failureLayout->addRow(tr(key.label), line);
    }
    failureLayout->addRow(m_outage);
    failureLayout->addRow(m_throttle);
    m_failure->contentLayout()->addWidget(m_failureEnabled);
    m_failure->contentLayout()->addWidget(m_failureFields);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_behaviour);
    layout->addWidget(m_entry);
    layout->addWidget(m_failure);
    layout->addWidget(m_problem);

    connect(m_entryEnabled, &QCheckBox::toggled, this, [this](bool on) { enableItem(ResourceScenario::List::Entries, on); });
    connect(m_failureEnabled, &QCheckBox::toggled, this, [this](bool on) { enableItem(ResourceScenario::List::Failures, on); });
    connect(m_shape, &QComboBox::activated, this, [this] { changeShape(m_shape->currentText()); });
    connect(m_payload, &QPlainTextEdit::textChanged, this, [this] {
        QString problem;
        std::optional<JsonTree> payload = ScenarioText::readYaml(m_payload->toPlainText(), &problem);
        const QString pointer = m_scenario.itemPointer(ResourceScenario::List::Entries, QStringLiteral("/payload"));
        checkLater(m_payload, problem, [this, pointer, payload] { return problemWith(pointer, payload); });
    });
    for (const auto& [box, key] : {std::pair{m_outage, "outage"}, std::pair{m_throttle, "throttle"}}) {
        connect(box, &QCheckBox::toggled, this, [this, key = QString::fromLatin1(key)](bool on) {
            apply(m_scenario.itemPointer(ResourceScenario::List::Failures, QLatin1Char('/') + key),
                  on ? std::optional<JsonTree>(true) : std::nullopt,
                  tr("%1 %2 in the scenario").arg(on ? tr("Inject") : tr("Stop"), key));
        });
    }
    const auto forgetProblem = [this] { m_currentProblem.reset(); };
    connect(document, &Document::settingsChanged, this, forgetProblem);
    connect(document, &Document::resourceAdded, this, forgetProblem);
    connect(document, &Document::resourceRemoved, this, forgetProblem);
    connect(document, &Document::resourceRenamed, this, forgetProblem);
    connect(document, &Document::resourcePropertyChanged, this, forgetProblem);
    connect(document, &Document::connectionAdded, this, forgetProblem);
    connect(document, &Document::connectionRemoved, this, forgetProblem);
    connect(document, &Document::connectionPropertyChanged, this, forgetProblem);
    connect(document, &Document::reset, this, forgetProblem);
    connect(document, &Document::settingsChanged, this, [this] {
        if (!m_scenario.resourceId().isEmpty())
            refresh();
    });
    inspect(QString());
}

SimulationSettingsEditor::~SimulationSettingsEditor() = default;

void SimulationSettingsEditor::inspect(const QString& resourceId)
{
    m_scenario = ResourceScenario(m_document, resourceId);
    m_checkTimer->stop();
    m_pendingCheck = nullptr;
    m_problem->clear();
    setVisible(!resourceId.isEmpty() && m_document->architecture().resource(resourceId));
    m_shownKeys.clear();
    m_shownShape = QStringLiteral("?");
    if (isHidden())
        return;
    refresh();
}

QWidget* SimulationSettingsEditor::editor(const QString& name) const
{
    return findChild<QWidget*>(name);
}

QString SimulationSettingsEditor::problem()
{
    if (m_checkTimer->isActive()) {
        m_checkTimer->stop();
        runPendingCheck();
    }
    return m_problem->text();
}

void SimulationSettingsEditor::refresh()
{
    if (!m_document->architecture().resource(m_scenario.resourceId()))
        return;
    refreshBehaviour();
    refreshEntry();
    refreshFailure();
}

void SimulationSettingsEditor::buildBehaviour()
{
    while (QLayoutItem* item = m_behaviourGrid->takeAt(0))
        discard(item);
    m_behaviourLines.clear();
    m_shownKeys = m_scenario.behaviourKeys();
    int row = 0;
    for (const QString& key : std::as_const(m_shownKeys)) {
        const JsonTree initial = m_scenario.defaultOf(key).is_null() ? m_scenario.effective(key) : m_scenario.defaultOf(key);
        auto* label = new QLabel(key, this);
        label->setObjectName(QStringLiteral("label/") + key);
        QWidget* editor = nullptr;
        if (initial.is_boolean()) {
            auto* box = new QCheckBox(this);
            connect(box, &QCheckBox::clicked, this, [this, key](bool on) {
                apply(m_scenario.overridePointer(key), JsonTree(on), tr("Override %1 of %2").arg(key, m_scenario.resourceId()));
            });
            editor = box;
        } else {
            LineBinding binding;
            binding.pointer = [this, key] { return m_scenario.overridePointer(key); };
            binding.shown = [this, key] { return m_scenario.effective(key); };
            binding.kind = initial.is_number() ? TextKind::Number : initial.is_string() ? TextKind::Text : TextKind::Yaml;
            binding.label = key;
            editor = bindLine(m_behaviourLines, QString(), binding);
            if (binding.kind == TextKind::Yaml)
                editor->setToolTip(tr("YAML or JSON, e.g. {distribution: lognormal, medianMs: 40, p99Ms: 400}"));
        }
        editor->setObjectName(QStringLiteral("simulation/") + key);
        auto* reset = new QToolButton(this);
        reset->setObjectName(QStringLiteral("reset/") + key);
        reset->setText(QStringLiteral("↺"));
        reset->setToolTip(tr("Reset to default"));
        reset->setAutoRaise(true);
        connect(reset, &QToolButton::clicked, this, [this, key] {
            apply(m_scenario.overridePointer(key), std::nullopt, tr("Reset %1 of %2 to default").arg(key, m_scenario.resourceId()));
        });
        m_behaviourGrid->addWidget(label, row, 0);
        m_behaviourGrid->addWidget(editor, row, 1);
        m_behaviourGrid->addWidget(reset, row, 2);
        ++row;
    }
    // Settings the catalogue has no default for (timeoutSeconds, reservedConcurrency, visibilityTimeoutSeconds …).
    auto* otherKey = new QLineEdit(this);
    otherKey->setObjectName(QStringLiteral("otherKey"));
    otherKey->setPlaceholderText(tr("other setting"));
    otherKey->setToolTip(tr("A setting the simulator reads that the kind has no default for, e.g. timeoutSeconds or "
                            "reservedConcurrency for a function (see model/simulation/README.md)."));
    auto* otherValue = new QLineEdit(this);
    otherValue->setObjectName(QStringLiteral("otherValue"));
    otherValue->setPlaceholderText(tr("value (YAML), Return to add"));
    const auto read = [this, otherKey, otherValue](QString* problem) {
        std::optional<JsonTree> value = ScenarioText::readYaml(otherValue->text(), problem);
        if (problem->isEmpty() && (otherKey->text().trimmed().isEmpty() || !value))
            *problem = tr("Name the setting and give it a value");
        return value;
    };
    connect(otherValue, &QLineEdit::textEdited, this, [this, otherKey, otherValue, read] {
        QString problem;
        std::optional<JsonTree> value = read(&problem);
        const QString pointer = m_scenario.overridePointer(otherKey->text().trimmed());
        checkLater(otherValue, problem, [this, pointer, value] { return problemWith(pointer, value); });
    });
    connect(otherValue, &QLineEdit::returnPressed, this, [this, otherKey, otherValue, read] {
        QString problem;
        std::optional<JsonTree> value = read(&problem);
        const QString key = otherKey->text().trimmed();
        if (!refuse(otherValue, problem, m_scenario.overridePointer(key), value))
            apply(m_scenario.overridePointer(key), std::move(value), tr("Override %1 of %2").arg(key, m_scenario.resourceId()));
    });
    m_behaviourGrid->addWidget(otherKey, row, 0);
    m_behaviourGrid->addWidget(otherValue, row, 1);
}

void SimulationSettingsEditor::refreshBehaviour()
{
    if (m_scenario.behaviourKeys() != m_shownKeys)
        buildBehaviour();
    for (const QString& key : std::as_const(m_shownKeys)) {
        const bool overridden = m_scenario.isOverridden(key);
        const QString defaultText = m_scenario.defaultOf(key).is_null() ? tr("(none: the simulator's own)")
                                                                        : ScenarioText::inlineText(m_scenario.defaultOf(key));
        const QString help = tr("%1 in the scenario (simulation/overrides/%2/%1); default: %3")
                                 .arg(key, m_scenario.resourceId(), defaultText);
        for (const QString& name : {QStringLiteral("label/"), QStringLiteral("simulation/")}) {
            QWidget* widget = editor(name + key);
            QFont font = widget->font();
            font.setBold(overridden);
            widget->setFont(font);
            widget->setToolTip(help);
        }
        editor(QStringLiteral("reset/") + key)->setEnabled(overridden);
        if (auto* box = qobject_cast<QCheckBox*>(editor(QStringLiteral("simulation/") + key))) {
            const QSignalBlocker blocker(box);
            box->setChecked(m_scenario.effective(key) == JsonTree(true));
        }
    }
    for (const auto& binding : m_behaviourLines)
        showLine(*binding);
}

void SimulationSettingsEditor::buildLoadFields(const QString& shape)
{
    while (m_loadForm->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_loadForm->takeRow(0);
        discard(row.labelItem);
        discard(row.fieldItem);
    }
    m_loadLines.clear();
    m_shownShape = shape;
    const LoadShape* spec = loadShape(shape);
    if (!spec)
        return;
    for (const LoadKey& key : spec->keys) {
        LineBinding binding;
        binding.pointer = [this, key = QString::fromLatin1(key.key)] {
            return m_scenario.itemPointer(ResourceScenario::List::Entries, QStringLiteral("/load/") + key);
        };
        binding.shown = [this, key = key.key] { return valueAt(valueAt(m_scenario.item(ResourceScenario::List::Entries), "load"), key); };
        binding.label = tr(key.label);
        m_loadForm->addRow(tr(key.label), bindLine(m_loadLines, QStringLiteral("load/") + QLatin1String(key.key), binding));
    }
}

void SimulationSettingsEditor::refreshEntry()
{
    const JsonTree entry = m_scenario.item(ResourceScenario::List::Entries);
    {
        const QSignalBlocker blocker(m_entryEnabled);
        m_entryEnabled->setChecked(!entry.is_null());
    }
    m_entryFields->setVisible(!entry.is_null());
    const JsonTree shape = valueAt(valueAt(entry, "load"), "shape");
    const QString shapeText = shape.is_string() ? QString::fromStdString(shape.get<std::string>()) : QString();
    if (shapeText != m_shownShape)
        buildLoadFields(shapeText);
    m_shape->setCurrentIndex(m_shape->findText(shapeText));
    for (const auto& binding : m_loadLines)
        showLine(*binding);
    const JsonTree payload = valueAt(entry, "payload");
    {
        const QSignalBlocker blocker(m_payload);
        m_payload->setPlainText(payload.is_null() ? QString() : ScenarioText::writeYaml(payload));
        m_payload->setStyleSheet(QString());
    }
    const int more = m_scenario.itemCount(ResourceScenario::List::Entries) - 1;
    m_entryNote->setVisible(more > 0);
    m_entryNote->setText(tr("%n more entries send load to this resource; edit them with Simulate → Edit Scenario….", nullptr, more));
}

void SimulationSettingsEditor::refreshFailure()
{
    const JsonTree failure = m_scenario.item(ResourceScenario::List::Failures);
    {
        const QSignalBlocker blocker(m_failureEnabled);
        m_failureEnabled->setChecked(!failure.is_null());
    }
    m_failureFields->setVisible(!failure.is_null());
    for (const auto& binding : m_failureLines)
        showLine(*binding);
    for (const auto& [box, key] : {std::pair{m_outage, "outage"}, std::pair{m_throttle, "throttle"}}) {
        const QSignalBlocker blocker(box);
        box->setChecked(valueAt(failure, key) == JsonTree(true));
    }
}

QLineEdit* SimulationSettingsEditor::bindLine(Bindings& bindings, const QString& name, LineBinding binding)
{
    auto* line = new QLineEdit(this);
    line->setObjectName(name);
    binding.editor = line;
    auto shared = std::make_shared<LineBinding>(std::move(binding));
    bindings.push_back(shared);
    connect(line, &QLineEdit::textEdited, this, [this, shared] { checkLine(*shared); });
    connect(line, &QLineEdit::editingFinished, this, [this, shared, line] {
        if (!line->isModified())
            return;
        line->setModified(false);
        commitLine(*shared);
    });
    return line;
}

void SimulationSettingsEditor::showLine(const LineBinding& binding)
{
    const JsonTree value = binding.shown();
    const QSignalBlocker blocker(binding.editor);
    binding.editor->setText(binding.kind == TextKind::Number && value.is_number()
                                ? QString::number(value.get<double>() * binding.scale, 'g', 12)
                                : ScenarioText::inlineText(value));
    binding.editor->setCursorPosition(0);
    binding.editor->setModified(false);
    binding.editor->setStyleSheet(QString());
}

std::optional<JsonTree> SimulationSettingsEditor::readLine(const LineBinding& binding, QString* problem) const
{
    problem->clear();
    const QString text = binding.editor->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    switch (binding.kind) {
    case TextKind::Number:
        if (const std::optional<double> number = ScenarioText::readNumber(text))
            return ScenarioText::number(*number / binding.scale);
        *problem = tr("%1 must be a number").arg(binding.label);
        return std::nullopt;
    case TextKind::Text:
        return JsonTree(text.toStdString());
    case TextKind::Yaml:
        break;
    }
    std::optional<JsonTree> value = ScenarioText::readYaml(text, problem);
    if (!problem->isEmpty())
        *problem = tr("%1: %2").arg(binding.label, *problem);
    return value;
}

void SimulationSettingsEditor::checkLine(const LineBinding& binding)
{
    QString problem;
    std::optional<JsonTree> value = readLine(binding, &problem);
    checkLater(binding.editor, problem, [this, pointer = binding.pointer(), value] { return problemWith(pointer, value); });
}

QString SimulationSettingsEditor::problemWith(const QString& pointer, const std::optional<JsonTree>& value)
{
    const QString problem = m_scenario.problemSetting(pointer, value);
    if (problem.isEmpty())
        return problem;
    if (!m_currentProblem)
        m_currentProblem = m_scenario.currentProblem();
    return problem == *m_currentProblem ? QString() : problem;
}

void SimulationSettingsEditor::checkLater(QWidget* editor, const QString& parseProblem, std::function<QString()> check)
{
    m_checkTimer->stop();
    markInvalid(editor, parseProblem);
    if (!parseProblem.isEmpty())
        return;
    m_pendingEditor = editor;
    m_pendingCheck = std::move(check);
    m_checkTimer->start();
}

void SimulationSettingsEditor::runPendingCheck()
{
    if (m_pendingEditor && m_pendingCheck)
        markInvalid(m_pendingEditor, m_pendingCheck());
    m_pendingCheck = nullptr;
}

bool SimulationSettingsEditor::refuse(QWidget* editor, QString parseProblem, const QString& pointer,
                                      const std::optional<JsonTree>& value)
{
    m_checkTimer->stop();
    if (parseProblem.isEmpty())
        parseProblem = problemWith(pointer, value);
    if (parseProblem.isEmpty())
        return false;
    markInvalid(editor, parseProblem);
    Q_EMIT message(parseProblem);
    return true;
}

void SimulationSettingsEditor::commitLine(const LineBinding& binding)
{
    QString problem;
    std::optional<JsonTree> value = readLine(binding, &problem);
    const QString pointer = binding.pointer();
    if (refuse(binding.editor, problem, pointer, value))
        return;
    const JsonTree shown = binding.shown();
    if (value ? *value == shown : shown.is_null()) {
        showLine(binding);
        return;
    }
    apply(pointer, std::move(value), tr("Set %1 of %2 in the scenario").arg(binding.label, m_scenario.resourceId()));
}

void SimulationSettingsEditor::commitPayload()
{
    const QString pointer = m_scenario.itemPointer(ResourceScenario::List::Entries, QStringLiteral("/payload"));
    if (pointer.isEmpty())
        return;
    QString problem;
    std::optional<JsonTree> payload = ScenarioText::readYaml(m_payload->toPlainText(), &problem);
    const JsonTree current = valueAt(m_scenario.item(ResourceScenario::List::Entries), "payload");
    const bool unchanged = problem.isEmpty() && (payload ? *payload == current : current.is_null());
    if (!unchanged && !refuse(m_payload, problem, pointer, payload))
        apply(pointer, std::move(payload), tr("Set the payload sent to %1").arg(m_scenario.resourceId()));
}

bool SimulationSettingsEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_payload && event->type() == QEvent::FocusOut)
        commitPayload();
    return QWidget::eventFilter(watched, event);
}

void SimulationSettingsEditor::changeShape(const QString& shape)
{
    const LoadShape* spec = loadShape(shape);
    const QString pointer = m_scenario.itemPointer(ResourceScenario::List::Entries, QStringLiteral("/load"));
    if (!spec || pointer.isEmpty())
        return;
    const JsonTree old = valueAt(m_scenario.item(ResourceScenario::List::Entries), "load");
    JsonTree load = JsonTree::object({{"shape", spec->shape}});
    for (const LoadKey& key : spec->keys)
        load[key.key] = valueAt(old, key.key).is_number() ? valueAt(old, key.key) : ScenarioText::number(key.initial);
    apply(pointer, std::move(load), tr("Send %1 load to %2").arg(shape, m_scenario.resourceId()));
}

void SimulationSettingsEditor::enableItem(ResourceScenario::List list, bool enabled)
{
    const bool entries = list == ResourceScenario::List::Entries;
    const QString id = m_scenario.resourceId();
    QString problem;
    if (enabled && m_scenario.item(list).is_null()) {
        JsonTree item = entries ? JsonTree::object({{"load", JsonTree::object({{"shape", "poisson"}, {"ratePerSecond", 1}})}})
                                : JsonTree::object({{"errorRate", 0.1}});
        problem = m_scenario.addItem(list, std::move(item), entries ? tr("Send load to %1").arg(id) : tr("Inject failures into %1").arg(id));
    } else if (!enabled && !m_scenario.item(list).is_null()) {
        problem = m_scenario.set(m_scenario.itemPointer(list, QString()), std::nullopt,
                                 entries ? tr("Stop sending load to %1").arg(id) : tr("Stop injecting failures into %1").arg(id));
    }
    showProblem(problem);
    refresh();
}

void SimulationSettingsEditor::apply(const QString& pointer, std::optional<JsonTree> value, const QString& text)
{
    if (pointer.isEmpty())
        return;
    const QString problem = m_scenario.set(pointer, std::move(value), text);
    showProblem(problem);
    if (!problem.isEmpty())
        refresh();
}

void SimulationSettingsEditor::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    if (!problem.isEmpty())
        Q_EMIT message(problem);
}

void SimulationSettingsEditor::markInvalid(QWidget* editor, const QString& problem)
{
    editor->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828"));
    m_problem->setText(problem);
}

} // namespace tributary
