#include "model/commands/MoveResourcesCommand.h"

#include "model/Document.h"

namespace tributary {

MoveResourcesCommand::MoveResourcesCommand(Document* document,
                                           const std::vector<std::pair<QString, QPointF>>& newPositions,
                                           QUndoCommand* parent)
    : DocumentCommand(document, parent)
{
    for (const auto& [id, position] : newPositions) {
        const Resource* resource = document->architecture().resource(id);
        if (!resource)
            setProblem(QStringLiteral("There is no resource '%1' to move.").arg(id));
        else
            m_moves.push_back({id, resource->position, position});
    }
    if (m_moves.empty())
        setProblem(QStringLiteral("There is nothing to move."));
    setText(m_moves.size() == 1 ? QStringLiteral("Move %1").arg(m_moves.front().id)
                                : QStringLiteral("Move %1 resources").arg(m_moves.size()));
}

void MoveResourcesCommand::redo()
{
    bool moved = false;
    for (const Move& move : m_moves) {
        moved = moved || move.from != move.to;
        m_document->setResourcePosition(move.id, move.to);
    }
    setObsolete(!moved);
}

void MoveResourcesCommand::undo()
{
    for (auto it = m_moves.rbegin(); it != m_moves.rend(); ++it)
        m_document->setResourcePosition(it->id, it->from);
}

} // namespace tributary
