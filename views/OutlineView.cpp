#include "views/OutlineView.h"

#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "views/KindAppearance.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace tributary {

OutlineView::OutlineView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search->setPlaceholderText(tr("Find a resource…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    connect(m_search, &QLineEdit::textChanged, this, &OutlineView::setFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        for (int i = 0; i < m_list->count(); ++i) {
            if (!m_list->item(i)->isHidden()) {
                Q_EMIT resourceActivated(m_list->item(i)->data(Qt::UserRole).toString());
                return;
            }
        }
    });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT resourceActivated(item->data(Qt::UserRole).toString()); });
    // A paste or delete of many resources signals once per resource: rebuild once, when they are done.
    m_pendingRebuild.setSingleShot(true);
    m_pendingRebuild.setInterval(0);
    connect(&m_pendingRebuild, &QTimer::timeout, this, &OutlineView::rebuild);
    const auto later = [this] { m_pendingRebuild.start(); };
    connect(document, &Document::resourceAdded, this, later);
    connect(document, &Document::resourceRemoved, this, later);
    connect(document, &Document::resourceRenamed, this, later);
    connect(document, &Document::reset, this, &OutlineView::rebuild);
    rebuild();
}

void OutlineView::setFilter(const QString& text)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setHidden(!text.isEmpty() && !item->data(Qt::UserRole + 1).toString().contains(text, Qt::CaseInsensitive));
    }
}

void OutlineView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void OutlineView::rebuild()
{
    m_pendingRebuild.stop();
    m_list->clear();
    const Catalogue& catalogue = m_document->catalogue();
    const QSet<QString> carriers = m_document->architecture().carrierIds();
    for (const Resource& resource : m_document->architecture().resources()) {
        const ResourceKind* kind = catalogue.kind(resource.kind);
        if (!kind)
            kind = &catalogue.genericKind();
        auto* item = new QListWidgetItem(KindAppearance::icon(*kind), resource.id, m_list);
        item->setData(Qt::UserRole, resource.id);
        item->setData(Qt::UserRole + 1, QStringList{resource.id, kind->displayName, resource.cfnType}.join(QLatin1Char(' ')));
        item->setToolTip(QStringLiteral("%1 (%2)%3").arg(resource.id, resource.cfnType,
                                                         carriers.contains(resource.id) ? tr(", drawn as an edge") : QString()));
    }
    setFilter(m_search->text());
}

} // namespace tributary
