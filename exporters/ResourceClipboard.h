#pragma once

#include "model/Architecture.h"

#include <QByteArray>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tributary {

class Catalogue;

/**
 * Copy and paste of resources between documents: the copied resources (with the hidden carriers
 * of the connections among them) as JSON; a paste gives them ids the target does not use,
 * rewrites the references among them, and derives their connections as a template read would.
 */
class ResourceClipboard
{
public:
    /** The clipboard's MIME type. */
    static QString mimeType();

    /** The resources with these ids, and the carriers of connections among them, as clipboard bytes. */
    static QByteArray copy(const Architecture& architecture, const QStringList& ids);

    struct Pasted
    {
        std::vector<Resource> resources;
        /** Connections among the pasted resources and from them to resources of the target. */
        std::vector<Connection> connections;
    };

    /** What pasting bytes into architecture adds, moved by offset; nothing with problem set when bytes are not a copy. */
    static std::optional<Pasted> paste(const Architecture& architecture, const Catalogue& catalogue, const QByteArray& bytes,
                                       QPointF offset, QString* problem);
};

} // namespace tributary
