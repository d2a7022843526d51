#pragma once

#include <QString>
#include <QUndoCommand>

namespace tributary {

class Document;

/**
 * Base of every command on a Document. A command checks its input when it is made; one with a
 * problem is refused by Document::push() and changes nothing.
 */
class DocumentCommand : public QUndoCommand
{
public:
    /** Why this command cannot run (naming what is wrong), or an empty string. */
    const QString& problem() const { return m_problem; }

protected:
    explicit DocumentCommand(Document* document, QUndoCommand* parent = nullptr)
        : QUndoCommand(parent)
        , m_document(document)
    {
    }

    void setProblem(const QString& problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
    }

    Document* m_document;

private:
    QString m_problem;
};

} // namespace tributary
