#pragma once

#include "model/validation/Finding.h"

#include <QTreeWidget>

#include <vector>

class QTimer;

namespace tributary {

class Document;
class Validator;

/**
 * The Problems panel: the validation findings of the open document, kept up to date shortly after
 * each change. Activating a finding asks to show the resources it names.
 */
class ProblemsView : public QTreeWidget
{
    Q_OBJECT

public:
    ProblemsView(Document* document, const Validator& validator, QWidget* parent = nullptr);

    /** Validates now (normally done shortly after a change). */
    void refresh();

Q_SIGNALS:
    /** The user activated a finding: these resources should be selected and shown. */
    void resourcesActivated(const QStringList& resourceIds);
    /** How many errors and warnings the document has now. */
    void countsChanged(int errors, int warnings);
    /** The document's findings now, after each validation. */
    void findingsChanged(const std::vector<tributary::Finding>& findings);

private:
    Document* m_document;
    const Validator& m_validator;
    QTimer* m_delay;
};

} // namespace tributary
