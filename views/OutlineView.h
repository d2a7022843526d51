#pragma once

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace tributary {

class Document;

/** Every resource of the document by logical id and kind, filtered by a search box; activating one shows it. */
class OutlineView : public QWidget
{
    Q_OBJECT

public:
    explicit OutlineView(Document* document, QWidget* parent = nullptr);

    /** Shows the resources whose id, kind or type contains text (case-insensitive). */
    void setFilter(const QString& text);
    /** Puts the cursor in the search box (Find resource). */
    void focusSearch();
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void resourceActivated(const QString& id);

private:
    void rebuild();

    Document* m_document;
    QLineEdit* m_search;
    QListWidget* m_list;
    QTimer m_pendingRebuild;
};

} // namespace tributary
