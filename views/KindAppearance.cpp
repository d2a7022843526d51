#include "views/KindAppearance.h"

#include "model/catalogue/ResourceKind.h"

#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace tributary {

QColor KindAppearance::categoryColour(const QString& category)
{
    static const QHash<QString, QColor> colours = {
        {QStringLiteral("compute"), QColor(0xED, 0x71, 0x00)},  {QStringLiteral("integration"), QColor(0xE7, 0x15, 0x7B)},
        {QStringLiteral("storage"), QColor(0x7A, 0xA1, 0x16)},  {QStringLiteral("database"), QColor(0xC9, 0x25, 0xD1)},
        {QStringLiteral("api"), QColor(0x8C, 0x4F, 0xFF)},
    };
    return colours.value(category, QColor(0x5A, 0x6B, 0x86));
}

QString KindAppearance::categoryTitle(const QString& category)
{
    static const QHash<QString, QString> titles = {
        {QStringLiteral("compute"), QStringLiteral("Compute")},   {QStringLiteral("integration"), QStringLiteral("Integration")},
        {QStringLiteral("storage"), QStringLiteral("Storage")},   {QStringLiteral("database"), QStringLiteral("Database")},
        {QStringLiteral("api"), QStringLiteral("API")},           {QStringLiteral("other"), QStringLiteral("Other")},
    };
    return titles.value(category, category);
}

QPixmap KindAppearance::pixmap(const ResourceKind& kind, int size)
{
    const QString key = QStringLiteral("tributary-kind:%1:%2").arg(kind.id).arg(size);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;
    QPixmap rendered(size, size);
    rendered.fill(Qt::transparent);
    QSvgRenderer renderer(kind.iconPath);
    QPainter painter(&rendered);
    if (renderer.isValid())
        renderer.render(&painter);
    else
        painter.fillRect(rendered.rect(), categoryColour(kind.category));
    painter.end();
    QPixmapCache::insert(key, rendered);
    return rendered;
}

QIcon KindAppearance::icon(const ResourceKind& kind)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(pixmap(kind, size));
    return icon;
}

} // namespace tributary
