#include "app/gui/PreferencesDialog.h"

#include "app/gui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace tributary {

namespace {

const QString kAutosave = QStringLiteral("autosave/intervalSeconds");
const QString kSnap = QStringLiteral("canvas/snapToGrid");

} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_snap(new QCheckBox(tr("Snap dragged nodes to the grid"), this))
    , m_autosave(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(m_theme->findData(Theme::current()));
    m_snap->setChecked(QSettings().value(kSnap, false).toBool());
    m_autosave->setRange(5, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setValue(storedAutosaveSeconds());
    m_autosave->setToolTip(tr("How often unsaved work is copied to the recovery folder."));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(QString(), m_snap);
    form->addRow(tr("Autosave every"), m_autosave);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Theme::apply(m_theme->currentData().toString());
        QSettings settings;
        settings.setValue(kSnap, m_snap->isChecked());
        settings.setValue(kAutosave, m_autosave->value());
        accept();
    });
}

int PreferencesDialog::storedAutosaveSeconds()
{
    return QSettings().value(kAutosave, 30).toInt();
}

} // namespace tributary
