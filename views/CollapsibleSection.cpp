#include "views/CollapsibleSection.h"

#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace tributary {

namespace {

QString settingsKey(const QString& name)
{
    return QStringLiteral("sections/%1/expanded").arg(name);
}

} // namespace

CollapsibleSection::CollapsibleSection(const QString& title, const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_content(new QWidget(this))
    , m_contentLayout(new QVBoxLayout(m_content))
{
    setObjectName(name);
    m_header->setText(title);
    m_header->setCheckable(true);
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setAutoRaise(true);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_contentLayout->setContentsMargins(12, 0, 0, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_content);
    connect(m_header, &QToolButton::toggled, this, [this](bool expanded) {
        m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        m_content->setVisible(expanded);
        QSettings().setValue(settingsKey(objectName()), expanded);
    });
    const bool expanded = QSettings().value(settingsKey(name), true).toBool();
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

bool CollapsibleSection::isExpanded() const
{
    return m_header->isChecked();
}

void CollapsibleSection::setExpanded(bool expanded)
{
    m_header->setChecked(expanded);
}

} // namespace tributary
