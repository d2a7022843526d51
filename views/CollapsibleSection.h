#pragma once

#include <QWidget>

class QToolButton;
class QVBoxLayout;

namespace tributary {

/**
 * A titled part of a panel that folds away: a header button with an arrow, and below it the
 * content. Whether it is open is remembered between sessions under its objectName.
 */
class CollapsibleSection : public QWidget
{
    Q_OBJECT

public:
    /** A section titled title, remembered as name (also its objectName). */
    CollapsibleSection(const QString& title, const QString& name, QWidget* parent = nullptr);

    /** Where the content goes. */
    QVBoxLayout* contentLayout() const { return m_contentLayout; }
    QToolButton* header() const { return m_header; }
    bool isExpanded() const;
    void setExpanded(bool expanded);

private:
    QToolButton* m_header;
    QWidget* m_content;
    QVBoxLayout* m_contentLayout;
};

} // namespace tributary
