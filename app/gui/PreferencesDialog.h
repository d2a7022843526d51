#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace tributary {

/** Preferences: theme, snap to grid, autosave interval. Accepting stores and applies them. */
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    QComboBox* theme() const { return m_theme; }
    QCheckBox* snapToGrid() const { return m_snap; }
    QSpinBox* autosaveSeconds() const { return m_autosave; }

    /** The autosave interval the settings hold (30 s by default). */
    static int storedAutosaveSeconds();

private:
    QComboBox* m_theme;
    QCheckBox* m_snap;
    QSpinBox* m_autosave;
};

} // namespace tributary
