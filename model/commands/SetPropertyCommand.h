#pragma once

#include "model/Document.h"
#include "model/commands/DocumentCommand.h"
#include "model/tree/JsonTreeEdit.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace tributary {

/**
 * Sets one property (a JSON pointer) to one value, or removes it (no value), on one or more
 * resources or connections. Repeated edits of the same property on the same elements merge into
 * one undo step; an edit that leaves everything as it was drops itself. An edge property is also
 * set where the connection's template parts write it (the BatchSize of the SAM event, the
 * FilterPolicy of the subscription …), so the template follows the edge.
 */
class SetPropertyCommand : public DocumentCommand
{
public:
    SetPropertyCommand(Document* document, Document::PropertyOwner owner, const QStringList& ids,
                       const QString& pointer, std::optional<JsonTree> value, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    bool leavesAllAsBefore() const;

    Document::PropertyOwner m_owner;
    QStringList m_ids;
    QString m_pointer;
    std::optional<JsonTree> m_value;
    std::vector<JsonTreeEdit::Previous> m_previous;
    /** The template places the edge property was mirrored to on the first run, and what stood there. */
    struct Mirror
    {
        QString resource;
        QString pointer;
        JsonTreeEdit::Previous previous;
    };
    std::vector<Mirror> m_mirrors;
};

} // namespace tributary
