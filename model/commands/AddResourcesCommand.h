#pragma once

#include "model/Connection.h"
#include "model/Resource.h"
#include "model/commands/DocumentCommand.h"

#include <vector>

namespace tributary {

/** Adds resources (and connections among them or to existing resources) at the end of the graph. */
class AddResourcesCommand : public DocumentCommand
{
public:
    AddResourcesCommand(Document* document, std::vector<Resource> resources, std::vector<Connection> connections = {},
                        QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void check();

    std::vector<Resource> m_resources;
    std::vector<Connection> m_connections;
};

} // namespace tributary
