#include "model/commands/SetSettingsCommand.h"

namespace tributary {

namespace {

constexpr int setSettingsCommandId = 0x5e75;

} // namespace

SetSettingsCommand::SetSettingsCommand(Document* document, const QString& pointer, std::optional<JsonTree> value,
                                       QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_pointer(pointer)
    , m_value(std::move(value))
{
    const QString setting = pointer.mid(1);
    setText(m_value ? QStringLiteral("Set %1").arg(setting) : QStringLiteral("Remove %1").arg(setting));
    if (!pointer.startsWith(QLatin1Char('/')))
        setProblem(QStringLiteral("'%1' is not a JSON pointer into the settings.").arg(pointer));
    else
        setProblem(JsonTreeEdit::problemSetting(document->architecture().settings(), pointer));
}

void SetSettingsCommand::redo()
{
    JsonTreeEdit::Previous previous = m_document->applySetting(m_pointer, m_value);
    if (!m_done) {
        m_done = true;
        m_previous = std::move(previous);
        setObsolete(leavesAsBefore());
    }
}

void SetSettingsCommand::undo()
{
    m_document->restoreSetting(m_pointer, m_previous);
}

int SetSettingsCommand::id() const
{
    return setSettingsCommandId;
}

bool SetSettingsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const SetSettingsCommand*>(other);
    if (!next || next->m_pointer != m_pointer || next->m_value.has_value() != m_value.has_value()
        || m_previous.inList || next->m_previous.inList)
        return false;
    m_value = next->m_value;
    setText(next->text());
    setObsolete(leavesAsBefore());
    return true;
}

bool SetSettingsCommand::leavesAsBefore() const
{
    return !m_previous.inList && m_previous.createdParents == 0 && m_previous.value == m_value;
}

} // namespace tributary
