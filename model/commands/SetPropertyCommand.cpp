#include "model/commands/SetPropertyCommand.h"

#include "model/catalogue/Catalogue.h"
#include "model/realisation/ConnectionRealisation.h"
#include "model/tree/JsonTreeEdit.h"

#include <algorithm>

namespace tributary {

namespace {

constexpr int setPropertyCommandId = 0x5e7;

QString ownerNoun(Document::PropertyOwner owner)
{
    return owner == Document::PropertyOwner::Resource ? QStringLiteral("resource") : QStringLiteral("connection");
}

} // namespace

SetPropertyCommand::SetPropertyCommand(Document* document, Document::PropertyOwner owner, const QStringList& ids,
                                       const QString& pointer, std::optional<JsonTree> value, QUndoCommand* parent)
    : DocumentCommand(document, parent)
    , m_owner(owner)
    , m_ids(ids)
    , m_pointer(pointer)
    , m_value(std::move(value))
{
    m_ids.removeDuplicates();
    const QString property = pointer.mid(1);
    if (m_ids.size() == 1)
        setText(m_value ? QStringLiteral("Set %1 of %2").arg(property, m_ids.front())
                        : QStringLiteral("Remove %1 of %2").arg(property, m_ids.front()));
    else
        setText(m_value ? QStringLiteral("Set %1 of %2 %3s").arg(property).arg(m_ids.size()).arg(ownerNoun(owner))
                        : QStringLiteral("Remove %1 of %2 %3s").arg(property).arg(m_ids.size()).arg(ownerNoun(owner)));
    if (m_ids.isEmpty())
        setProblem(QStringLiteral("No %1 is selected.").arg(ownerNoun(owner)));
    const Architecture& architecture = document->architecture();
    for (const QString& id : std::as_const(m_ids)) {
        const JsonTree* properties = nullptr;
        if (owner == Document::PropertyOwner::Resource) {
            if (const Resource* resource = architecture.resource(id))
                properties = &resource->properties;
        } else if (const Connection* connection = architecture.connection(id)) {
            properties = &connection->properties;
        }
        if (!properties)
            setProblem(QStringLiteral("There is no %1 '%2'.").arg(ownerNoun(owner), id));
        else
            setProblem(JsonTreeEdit::problemSetting(*properties, pointer));
    }
}

void SetPropertyCommand::redo()
{
    const bool firstRun = m_previous.empty();
    std::vector<JsonTreeEdit::Previous> previous;
    std::vector<Mirror> mirrors;
    for (const QString& id : std::as_const(m_ids)) {
        previous.push_back(m_document->applyProperty(m_owner, id, m_pointer, m_value));
        if (m_owner != Document::PropertyOwner::Connection)
            continue;
        const Architecture& architecture = m_document->architecture();
        const Connection* connection = architecture.connection(id);
        const ConnectionRule* rule = m_document->catalogue().rule(connection->rule);
        const auto location = rule ? ConnectionRealisation::propertyLocation(architecture, *rule, *connection, m_pointer)
                                   : std::nullopt;
        if (location && JsonTreeEdit::problemSetting(architecture.resource(location->first)->properties, location->second).isEmpty())
            mirrors.push_back({location->first, location->second,
                               m_document->applyProperty(Document::PropertyOwner::Resource, location->first,
                                                         location->second, m_value)});
    }
    if (firstRun) {
        m_previous = std::move(previous);
        m_mirrors = std::move(mirrors);
        setObsolete(leavesAllAsBefore());
    }
}

void SetPropertyCommand::undo()
{
    for (auto it = m_mirrors.rbegin(); it != m_mirrors.rend(); ++it)
        m_document->restoreProperty(Document::PropertyOwner::Resource, it->resource, it->pointer, it->previous);
    for (int i = static_cast<int>(m_ids.size()) - 1; i >= 0; --i)
        m_document->restoreProperty(m_owner, m_ids[i], m_pointer, m_previous[static_cast<std::size_t>(i)]);
}

int SetPropertyCommand::id() const
{
    return setPropertyCommandId;
}

bool SetPropertyCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const SetPropertyCommand*>(other);
    if (!next || next->m_owner != m_owner || next->m_ids != m_ids || next->m_pointer != m_pointer
        || next->m_value.has_value() != m_value.has_value())
        return false;
    const auto touchesList = [](const std::vector<JsonTreeEdit::Previous>& edits) {
        return std::any_of(edits.begin(), edits.end(), [](const JsonTreeEdit::Previous& p) { return p.inList; });
    };
    if (touchesList(m_previous) || touchesList(next->m_previous))
        return false;
    m_value = next->m_value;
    setText(next->text());
    setObsolete(leavesAllAsBefore());
    return true;
}

bool SetPropertyCommand::leavesAllAsBefore() const
{
    for (std::size_t i = 0; i < m_previous.size(); ++i) {
        const JsonTreeEdit::Previous& previous = m_previous[i];
        if (previous.inList || previous.createdParents > 0 || previous.value != m_value)
            return false;
    }
    return true;
}

} // namespace tributary
