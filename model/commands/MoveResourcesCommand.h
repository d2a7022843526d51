#pragma once

#include "model/commands/DocumentCommand.h"

#include <QHash>
#include <QPointF>
#include <QString>

#include <utility>
#include <vector>

namespace tributary {

/** Moves resources to new positions; one command per drag. A move that changes nothing drops itself. */
class MoveResourcesCommand : public DocumentCommand
{
public:
    MoveResourcesCommand(Document* document, const std::vector<std::pair<QString, QPointF>>& newPositions,
                         QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    struct Move
    {
        QString id;
        QPointF from;
        QPointF to;
    };
    std::vector<Move> m_moves;
};

} // namespace tributary
