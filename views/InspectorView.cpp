#include "views/InspectorView.h"

#include "model/catalogue/Catalogue.h"
#include "model/commands/RenameResourceCommand.h"
#include "model/commands/SetPropertyCommand.h"
#include "model/tree/JsonTreeEdit.h"
#include "views/FieldText.h"
#include "views/SimulationSettingsEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace tributary {

namespace {

const QString kNotSet = QStringLiteral("(not set)");

QString placeholderFor(const PropertyField& field)
{
    if (field.defaultValue.is_null())
        return field.unit.isEmpty() ? QString() : field.unit;
    return QStringLiteral("default: %1%2").arg(FieldText::display(field.defaultValue),
                                               field.unit.isEmpty() ? QString() : QLatin1Char(' ') + field.unit);
}

} // namespace

InspectorView::InspectorView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_idEditor(new QLineEdit(this))
    , m_form(new QWidget)
    , m_layout(new QFormLayout(m_form))
    , m_problem(new QLabel(this))
    , m_simulation(new SimulationSettingsEditor(document))
{
    auto* layout = new QVBoxLayout(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_idEditor->setObjectName(QStringLiteral("logicalId"));
    m_idEditor->setToolTip(tr("The logical id; renaming rewrites every Ref, GetAtt and Sub that names it."));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_form);
    contentLayout->addWidget(m_simulation);
    contentLayout->addStretch(1);
    scroll->setWidget(content);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_idEditor);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problem);
    connect(m_idEditor, &QLineEdit::editingFinished, this, &InspectorView::rename);
    connect(m_simulation, &SimulationSettingsEditor::message, this, &InspectorView::message);

    const auto follow = [this](const QString& id) {
        if (m_ids.contains(id))
            refreshValues();
    };
    connect(document, &Document::resourcePropertyChanged, this, follow);
    connect(document, &Document::connectionPropertyChanged, this, follow);
    connect(document, &Document::resourceRenamed, this, [this](const QString& oldId, const QString& newId) {
        const int at = m_owner == Document::PropertyOwner::Resource ? m_ids.indexOf(oldId) : -1;
        if (at >= 0) {
            m_ids[at] = newId;
            refreshValues();
            if (m_ids.size() == 1)
                m_simulation->inspect(newId);
        }
    });
    const auto forget = [this](const QString& id) {
        if (m_ids.removeAll(id) > 0)
            rebuild();
    };
    connect(document, &Document::resourceRemoved, this, [this, forget](const QString& id) {
        if (m_owner == Document::PropertyOwner::Resource)
            forget(id);
    });
    connect(document, &Document::connectionRemoved, this, [this, forget](const QString& id) {
        if (m_owner == Document::PropertyOwner::Connection)
            forget(id);
    });
    connect(document, &Document::reset, this, [this] { inspect(m_owner, {}); });
    rebuild();
}

void InspectorView::inspect(Document::PropertyOwner owner, const QStringList& ids)
{
    m_owner = owner;
    m_ids = ids;
    rebuild();
}

QString InspectorView::problem() const
{
    return m_problem->text();
}

const std::vector<PropertyField>* InspectorView::fields() const
{
    const Architecture& architecture = m_document->architecture();
    const Catalogue& catalogue = m_document->catalogue();
    if (m_ids.isEmpty())
        return nullptr;
    if (m_owner == Document::PropertyOwner::Connection) {
        const Connection* first = architecture.connection(m_ids.front());
        const ConnectionRule* rule = first ? catalogue.rule(first->rule) : nullptr;
        for (const QString& id : m_ids) {
            const Connection* connection = architecture.connection(id);
            if (!rule || !connection || connection->rule != rule->id)
                return nullptr;
        }
        return &rule->properties;
    }
    const Resource* first = architecture.resource(m_ids.front());
    const ResourceKind* kind = first ? catalogue.kind(first->kind) : nullptr;
    for (const QString& id : m_ids) {
        const Resource* resource = architecture.resource(id);
        if (!kind || !resource || resource->kind != kind->id)
            return nullptr;
    }
    return &kind->fields;
}

void InspectorView::rebuild()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_problem->clear();
    const Architecture& architecture = m_document->architecture();
    const Catalogue& catalogue = m_document->catalogue();
    const std::vector<PropertyField>* shown = fields();
    const bool one = m_owner == Document::PropertyOwner::Resource && m_ids.size() == 1;
    m_idEditor->setVisible(one);
    m_simulation->inspect(one ? m_ids.front() : QString());
    if (m_ids.isEmpty()) {
        m_title->setText(tr("Nothing selected"));
        m_description->setText(tr("Select a resource or a connection on the canvas to see and edit its settings."));
        return;
    }
    if (!shown) {
        m_title->setText(tr("%n elements of different kinds", nullptr, static_cast<int>(m_ids.size())));
        m_description->setText(tr("Select elements of one kind to edit them together."));
        return;
    }
    if (m_owner == Document::PropertyOwner::Connection) {
        const Connection* connection = architecture.connection(m_ids.front());
        const ConnectionRule* rule = catalogue.rule(connection->rule);
        m_title->setText(m_ids.size() == 1 ? tr("%1: %2 → %3").arg(rule->label, connection->source, connection->target)
                                           : tr("%1 (%2 connections)").arg(rule->label).arg(m_ids.size()));
        m_description->setText(rule->description);
    } else {
        const Resource* resource = architecture.resource(m_ids.front());
        const ResourceKind* kind = catalogue.kind(resource->kind);
        m_title->setText(m_ids.size() == 1 ? tr("%1 — %2").arg(kind->displayName, resource->cfnType)
                                           : tr("%1 (%2 resources)").arg(kind->displayName).arg(m_ids.size()));
        m_description->setText(kind->description);
    }

    for (const PropertyField& field : *shown) {
        QWidget* editor = nullptr;
        if (field.type == QLatin1String("enum") || field.type == QLatin1String("boolean")) {
            auto* combo = new QComboBox(m_form);
            combo->addItem(kNotSet);
            combo->addItems(field.type == QLatin1String("boolean") ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
                                                                  : field.values);
            combo->setEditable(true); // an intrinsic such as !Ref Parameter may stand for the value
            connect(combo, &QComboBox::activated, this, [this, field, combo] {
                commit(field, combo->currentText() == kNotSet ? QString() : combo->currentText());
            });
            editor = combo;
        } else {
            auto* line = new QLineEdit(m_form);
            line->setPlaceholderText(placeholderFor(field));
            connect(line, &QLineEdit::textEdited, this, [this, line, field] { check(line, field); });
            connect(line, &QLineEdit::editingFinished, this, [this, line, field] {
                if (line->isModified())
                    commit(field, line->text());
                line->setModified(false);
            });
            editor = line;
        }
        editor->setObjectName(field.path);
        editor->setToolTip(field.help);
        editor->setWhatsThis(field.help);
        m_editors.insert(field.path, editor);
        auto* label = new QLabel(field.label + (field.unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(field.unit)), m_form);
        label->setToolTip(field.help);
        m_layout->addRow(label, editor);
    }
    refreshValues();
}

std::optional<JsonTree> InspectorView::commonValue(const PropertyField& field, bool* mixed) const
{
    *mixed = false;
    std::optional<JsonTree> common;
    bool first = true;
    for (const QString& id : m_ids) {
        const JsonTree* properties = nullptr;
        if (m_owner == Document::PropertyOwner::Resource) {
            if (const Resource* resource = m_document->architecture().resource(id))
                properties = &resource->properties;
        } else if (const Connection* connection = m_document->architecture().connection(id)) {
            properties = &connection->properties;
        }
        const std::optional<JsonTree> value = properties ? JsonTreeEdit::valueAt(*properties, field.path) : std::nullopt;
        if (!first && value != common) {
            *mixed = true;
            return std::nullopt;
        }
        common = value;
        first = false;
    }
    return common;
}

void InspectorView::refreshValues()
{
    if (m_ids.size() == 1 && m_owner == Document::PropertyOwner::Resource) {
        const QSignalBlocker blocker(m_idEditor);
        m_idEditor->setText(m_ids.front());
    }
    const std::vector<PropertyField>* shown = fields();
    if (!shown)
        return;
    for (const PropertyField& field : *shown) {
        QWidget* editor = m_editors.value(field.path);
        bool mixed = false;
        const QString text = FieldText::display(commonValue(field, &mixed));
        const QSignalBlocker blocker(editor);
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentText(text.isEmpty() ? kNotSet : text);
            combo->setToolTip(mixed ? tr("Several values; choosing one sets it on all") : field.help);
        } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            line->setText(text);
            line->setModified(false);
            line->setStyleSheet(QString());
            line->setPlaceholderText(mixed ? tr("(several values)") : placeholderFor(field));
        }
    }
}

void InspectorView::check(QLineEdit* editor, const PropertyField& field)
{
    QString problem;
    FieldText::parse(editor->text(), field, &problem);
    editor->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828"));
    showProblem(problem);
}

void InspectorView::commit(const PropertyField& field, const QString& text)
{
    QString problem;
    std::optional<JsonTree> value = FieldText::parse(text, field, &problem);
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    problem = m_document->push(new SetPropertyCommand(m_document, m_owner, m_ids, field.path, std::move(value)));
    showProblem(problem);
    if (!problem.isEmpty())
        refreshValues();
}

void InspectorView::rename()
{
    const QString newId = m_idEditor->text().trimmed();
    if (m_ids.size() != 1 || newId == m_ids.front())
        return;
    const QString problem = m_document->push(new RenameResourceCommand(m_document, m_ids.front(), newId));
    showProblem(problem);
    if (!problem.isEmpty())
        refreshValues();
    else
        Q_EMIT message(tr("Renamed to %1; every reference follows.").arg(newId));
}

void InspectorView::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    if (!problem.isEmpty())
        Q_EMIT message(problem);
}

} // namespace tributary
