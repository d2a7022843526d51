#pragma once

#include "model/tree/JsonTree.h"
#include "views/ResourceScenario.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace tributary {

class CollapsibleSection;
class Document;

/**
 * The inspector's simulation settings of one resource, read from its kind's catalogue
 * `simulation:` map and the document's scenario: each behaviour key with the value the simulator
 * uses (overridden ones bold, with a reset), the load sent to it as an entry point (shape, its
 * numbers, payload as YAML) and the failure injected into it. Text is checked as it is typed,
 * against the simulator itself; every edit is one undoable SetSettingsCommand, and the editor
 * follows the document's settings, so undo shows at once.
 *
 * Editors are found by objectName: "simulation/KEY" and "reset/KEY" for a behaviour key,
 * "entryEnabled", "entryShape", "load/KEY", "entryPayload", "failureEnabled", "failure/KEY".
 */
class SimulationSettingsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SimulationSettingsEditor(Document* document, QWidget* parent = nullptr);
    ~SimulationSettingsEditor() override;

    /** Shows the settings of the resource with this id; an empty id hides the editor. */
    void inspect(const QString& resourceId);
    /** The editor (or label "label/KEY") with this objectName, or nullptr. */
    QWidget* editor(const QString& name) const;
    /** What is wrong with the text being typed (checked now if a check is pending) or the last edit, or an empty string. */
    QString problem();

Q_SIGNALS:
    /** A message for the status bar (a refused edit). */
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /** How a line edit's text stands for a setting. */
    enum class TextKind { Number, Text, Yaml };
    /** One line edit bound to a setting: where it writes, what it shows, how its text reads. */
    struct LineBinding
    {
        QLineEdit* editor = nullptr;
        std::function<QString()> pointer;
        std::function<JsonTree()> shown;
        TextKind kind = TextKind::Number;
        /** Shown = stored × scale (100 for a rate shown in %). */
        double scale = 1;
        QString label;
    };
    using Bindings = std::vector<std::shared_ptr<LineBinding>>;

    void refresh();
    void buildBehaviour();
    void refreshBehaviour();
    void buildLoadFields(const QString& shape);
    void refreshEntry();
    void refreshFailure();
    QLineEdit* bindLine(Bindings& bindings, const QString& name, LineBinding binding);
    void showLine(const LineBinding& binding);
    std::optional<JsonTree> readLine(const LineBinding& binding, QString* problem) const;
    void checkLine(const LineBinding& binding);
    /** Why setting value at pointer would stop the scenario from running, or empty (also when it cannot run already). */
    QString problemWith(const QString& pointer, const std::optional<JsonTree>& value);
    /** Shows parseProblem at once; without one, runs check (the simulator's, slower) once typing pauses. */
    void checkLater(QWidget* editor, const QString& parseProblem, std::function<QString()> check);
    void runPendingCheck();
    /** True (and the problem shown) when text read as value with parseProblem may not be set at pointer. */
    bool refuse(QWidget* editor, QString parseProblem, const QString& pointer, const std::optional<JsonTree>& value);
    void commitLine(const LineBinding& binding);
    void commitPayload();
    void changeShape(const QString& shape);
    void enableItem(ResourceScenario::List list, bool enabled);
    void apply(const QString& pointer, std::optional<JsonTree> value, const QString& text);
    void showProblem(const QString& problem);
    void markInvalid(QWidget* editor, const QString& problem);

    Document* m_document;
    ResourceScenario m_scenario;
    CollapsibleSection* m_behaviour;
    QGridLayout* m_behaviourGrid;
    QStringList m_shownKeys;
    Bindings m_behaviourLines;
    CollapsibleSection* m_entry;
    QCheckBox* m_entryEnabled;
    QWidget* m_entryFields;
    QComboBox* m_shape;
    QFormLayout* m_loadForm;
    QString m_shownShape;
    Bindings m_loadLines;
    QPlainTextEdit* m_payload;
    QLabel* m_entryNote;
    CollapsibleSection* m_failure;
    QCheckBox* m_failureEnabled;
    QWidget* m_failureFields;
    QCheckBox* m_outage;
    QCheckBox* m_throttle;
    Bindings m_failureLines;
    QLabel* m_problem;
    QTimer* m_checkTimer;
    QPointer<QWidget> m_pendingEditor;
    std::function<QString()> m_pendingCheck;
    /** Why the scenario as it stands cannot run, once computed after the document last changed. */
    std::optional<QString> m_currentProblem;
};

} // namespace tributary
