#include "views/ProblemsView.h"

#include "model/Document.h"
#include "model/validation/Validator.h"

#include <QHeaderView>
#include <QStyle>
#include <QTimer>

namespace tributary {

namespace {

constexpr int resourcesRole = Qt::UserRole;
constexpr int validationDelayMs = 150;

QIcon iconFor(Finding::Severity severity, const QStyle* style)
{
    switch (severity) {
    case Finding::Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Finding::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Finding::Severity::Info:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}

} // namespace

ProblemsView::ProblemsView(Document* document, const Validator& validator, QWidget* parent)
    : QTreeWidget(parent)
    , m_document(document)
    , m_validator(validator)
    , m_delay(new QTimer(this))
{
    setColumnCount(3);
    setHeaderLabels({tr("Problem"), tr("Rule"), tr("Resources")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setWordWrap(true);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setStretchLastSection(false);

    m_delay->setSingleShot(true);
    m_delay->setInterval(validationDelayMs);
    connect(m_delay, &QTimer::timeout, this, &ProblemsView::refresh);
    const auto later = [this] { m_delay->start(); };
    connect(document, &Document::reset, this, &ProblemsView::refresh);
    connect(document, &Document::resourceAdded, this, later);
    connect(document, &Document::resourceRemoved, this, later);
    connect(document, &Document::resourcePropertyChanged, this, later);
    connect(document, &Document::resourceRenamed, this, later);
    connect(document, &Document::connectionAdded, this, later);
    connect(document, &Document::connectionRemoved, this, later);
    connect(document, &Document::connectionPropertyChanged, this, later);
    connect(document, &Document::templateSectionChanged, this, later);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        Q_EMIT resourcesActivated(item->data(0, resourcesRole).toStringList());
    });
    refresh();
}

void ProblemsView::refresh()
{
    m_delay->stop();
    clear();
    int errors = 0;
    int warnings = 0;
    const std::vector<Finding> findings = m_validator.validate(m_document->architecture(), m_document->catalogue());
    for (const Finding& finding : findings) {
        auto* item = new QTreeWidgetItem(this, {finding.message, finding.rule, finding.resources.join(QStringLiteral(", "))});
        item->setIcon(0, iconFor(finding.severity, style()));
        item->setToolTip(0, finding.message);
        item->setData(0, resourcesRole, finding.resources);
        errors += finding.severity == Finding::Severity::Error ? 1 : 0;
        warnings += finding.severity == Finding::Severity::Warning ? 1 : 0;
    }
    Q_EMIT countsChanged(errors, warnings);
    Q_EMIT findingsChanged(findings);
}

} // namespace tributary
