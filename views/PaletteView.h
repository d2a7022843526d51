#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace tributary {

class Catalogue;

/** The palette: the catalogue's kinds by category, filtered by a search box; activating one asks to place it. */
class PaletteView : public QWidget
{
    Q_OBJECT

public:
    explicit PaletteView(const Catalogue& catalogue, QWidget* parent = nullptr);

    /** Shows only the kinds whose name, id or CloudFormation type contains text (case-insensitive). */
    void setFilter(const QString& text);
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    /** The user double-clicked or pressed Enter on a kind. */
    void kindActivated(const QString& kindId);

private:
    QLineEdit* m_search;
    QTreeWidget* m_tree;
};

} // namespace tributary
