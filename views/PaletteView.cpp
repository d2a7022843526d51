#include "views/PaletteView.h"

#include "model/catalogue/Catalogue.h"
#include "views/KindAppearance.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tributary {

namespace {

constexpr int kindIdRole = Qt::UserRole;
constexpr int searchTextRole = Qt::UserRole + 1;

} // namespace

PaletteView::PaletteView(const Catalogue& catalogue, QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    m_search->setPlaceholderText(tr("Search kinds…"));
    m_search->setClearButtonEnabled(true);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIconSize(QSize(24, 24));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);

    std::vector<const ResourceKind*> kinds;
    for (const ResourceKind& kind : catalogue.kinds())
        kinds.push_back(&kind);
    std::sort(kinds.begin(), kinds.end(), [](const ResourceKind* a, const ResourceKind* b) {
        return QString::localeAwareCompare(a->displayName, b->displayName) < 0;
    });
    for (const QString& category : ResourceKind::knownCategories()) {
        QTreeWidgetItem* heading = nullptr;
        for (const ResourceKind* kindPointer : kinds) {
            const ResourceKind& kind = *kindPointer;
            if (kind.category != category)
                continue;
            if (!heading) {
                heading = new QTreeWidgetItem(m_tree, {KindAppearance::categoryTitle(category)});
                heading->setFlags(Qt::ItemIsEnabled);
                QFont font = heading->font(0);
                font.setBold(true);
                heading->setFont(0, font);
                heading->setForeground(0, KindAppearance::categoryColour(category));
            }
            auto* item = new QTreeWidgetItem(heading, {kind.displayName});
            item->setIcon(0, KindAppearance::icon(kind));
            item->setData(0, kindIdRole, kind.id);
            item->setData(0, searchTextRole, QStringList{kind.displayName, kind.id, kind.cfnTypes.join(QLatin1Char(' '))}
                                                 .join(QLatin1Char(' ')));
            item->setToolTip(0, kind.description);
        }
    }
    m_tree->expandAll();

    connect(m_search, &QLineEdit::textChanged, this, &PaletteView::setFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString kindId = item->data(0, kindIdRole).toString();
        if (!kindId.isEmpty())
            Q_EMIT kindActivated(kindId);
    });
}

void PaletteView::setFilter(const QString& text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* heading = m_tree->topLevelItem(i);
        bool anyVisible = false;
        for (int j = 0; j < heading->childCount(); ++j) {
            QTreeWidgetItem* item = heading->child(j);
            const bool visible = item->data(0, searchTextRole).toString().contains(text, Qt::CaseInsensitive);
            item->setHidden(!visible);
            anyVisible = anyVisible || visible;
        }
        heading->setHidden(!anyVisible);
    }
}

} // namespace tributary
