#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace tributary {

struct ResourceKind;

/** How kinds look: the colour of each category and each kind's icon rendered from its SVG, cached. */
class KindAppearance
{
public:
    static QColor categoryColour(const QString& category);
    /** The heading the palette shows for a category. */
    static QString categoryTitle(const QString& category);
    /** The kind's icon at size device pixels (rendered once per kind and size). */
    static QPixmap pixmap(const ResourceKind& kind, int size);
    static QIcon icon(const ResourceKind& kind);
};

} // namespace tributary
