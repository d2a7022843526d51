#pragma once

#include "model/Document.h"
#include "model/commands/DocumentCommand.h"
#include "model/tree/JsonTreeEdit.h"

#include <optional>

namespace tributary {

/**
 * Sets one value of Tributary's settings (Architecture::settings(), e.g. "/simulation/seed" or
 * "/simulation/overrides/StoreOrders/errorRate"), or removes it (no value). Repeated edits of the
 * same pointer merge into one undo step; an edit that leaves the settings as they were drops itself.
 */
class SetSettingsCommand : public DocumentCommand
{
public:
    SetSettingsCommand(Document* document, const QString& pointer, std::optional<JsonTree> value,
                       QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    bool leavesAsBefore() const;

    QString m_pointer;
    std::optional<JsonTree> m_value;
    JsonTreeEdit::Previous m_previous;
    bool m_done = false;
};

} // namespace tributary
