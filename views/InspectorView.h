#pragma once

#include "model/Document.h"
#include "model/catalogue/PropertyField.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace tributary {

class SimulationSettingsEditor;

/**
 * The inspector: the catalogue's fields for the selected resources (of one kind) or connection,
 * each edit pushed as one command for all of them, values shown readably (`!Ref Orders`) and
 * checked as you type. It follows the document's signals, so undo and redo show at once. Below the
 * fields, one selected resource shows its simulation settings (SimulationSettingsEditor).
 */
class InspectorView : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorView(Document* document, QWidget* parent = nullptr);

    /** Shows the resources (or the connections) with these ids; an empty list shows nothing. */
    void inspect(Document::PropertyOwner owner, const QStringList& ids);

    /** The editor of the field at path (a QLineEdit or QComboBox), or nullptr. */
    QWidget* editorFor(const QString& path) const { return m_editors.value(path); }
    QLineEdit* idEditor() const { return m_idEditor; }
    /** The simulation settings of the one inspected resource (hidden otherwise). */
    SimulationSettingsEditor* simulationEditor() const { return m_simulation; }
    /** What is wrong with the last edit, or an empty string. */
    QString problem() const;

Q_SIGNALS:
    /** A message for the status bar (a refused edit, a rename). */
    void message(const QString& text);

private:
    void rebuild();
    void refreshValues();
    void commit(const PropertyField& field, const QString& text);
    void check(QLineEdit* editor, const PropertyField& field);
    void rename();
    void showProblem(const QString& problem);
    const std::vector<PropertyField>* fields() const;
    /** The value the field has on every inspected element, or nothing when absent or when they differ (*mixed). */
    std::optional<JsonTree> commonValue(const PropertyField& field, bool* mixed) const;

    Document* m_document;
    Document::PropertyOwner m_owner = Document::PropertyOwner::Resource;
    QStringList m_ids;
    QLabel* m_title;
    QLabel* m_description;
    QLineEdit* m_idEditor;
    QWidget* m_form;
    QFormLayout* m_layout;
    QLabel* m_problem;
    SimulationSettingsEditor* m_simulation;
    QHash<QString, QWidget*> m_editors;
};

} // namespace tributary
