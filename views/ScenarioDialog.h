#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace tributary {

class Document;

/**
 * The whole simulation scenario (settings "simulation": run length, seed, entries, overrides,
 * failures) as YAML text, checked as it is typed: YAML errors with line and column, then what
 * the simulator itself refuses, naming the key (and the line where the key stands), once typing
 * pauses (building a simulator for a large architecture takes a moment). OK stays
 * disabled while the text is invalid and applies the text as one undoable SetSettingsCommand;
 * blank text removes the scenario.
 */
class ScenarioDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScenarioDialog(Document* document, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_editor; }
    /** What is wrong with the text (checked now if a check is pending), or an empty string when OK may apply it. */
    QString problem();
    /** Whether OK is enabled, once the text is checked. */
    bool canApply();

    void accept() override;

private:
    /** Checks the YAML at once and the scenario once typing pauses. */
    void textChanged();
    void check();
    void showProblem(const QString& problem, int line);

    Document* m_document;
    QPlainTextEdit* m_editor;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QTimer* m_checkTimer;
};

} // namespace tributary
