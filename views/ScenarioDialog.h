#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace tributary {

class Document;

/**
 * The whole simulation scenario (settings "simulation": run length, seed, entries, overrides,
 * failures) as YAML text, checked as it is typed: YAML errors with line and column, then what
 * the simulator itself refuses, naming the key (and the line where the key stands). OK stays
 * disabled while the text is invalid and applies the text as one undoable SetSettingsCommand;
 * blank text removes the scenario.
 */
class ScenarioDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScenarioDialog(Document* document, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_editor; }
    /** What is wrong with the text, or an empty string when OK may apply it. */
    QString problem() const;
    /** Whether OK is enabled. */
    bool canApply() const;

    void accept() override;

private:
    void check();
    void markLine(int line);

    Document* m_document;
    QPlainTextEdit* m_editor;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace tributary
