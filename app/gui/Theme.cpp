#include "app/gui/Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>

namespace tributary {

namespace {

const QString kSetting = QStringLiteral("appearance/theme");

QPalette ownPalette(bool dark)
{
    const QColor window = dark ? QColor(0x2b, 0x2d, 0x31) : QColor(0xf4, 0xf5, 0xf7);
    const QColor base = dark ? QColor(0x1e, 0x1f, 0x22) : QColor(0xff, 0xff, 0xff);
    const QColor text = dark ? QColor(0xe8, 0xe8, 0xea) : QColor(0x1f, 0x23, 0x28);
    const QColor accent = dark ? QColor(0x4c, 0x9a, 0xff) : QColor(0x1f, 0x6f, 0xd6);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, dark ? QColor(0x9a, 0x9c, 0xa3) : QColor(0x6b, 0x71, 0x7a));
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, accent);
    palette.setColor(QPalette::Mid, dark ? QColor(0x5a, 0x5d, 0x63) : QColor(0xa8, 0xad, 0xb5));
    palette.setColor(QPalette::Disabled, QPalette::Text, dark ? QColor(0x6e, 0x70, 0x76) : QColor(0xa0, 0xa4, 0xaa));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, dark ? QColor(0x6e, 0x70, 0x76) : QColor(0xa0, 0xa4, 0xaa));
    return palette;
}

} // namespace

const QStringList& Theme::names()
{
    static const QStringList all{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
    return all;
}

QPalette Theme::palette(const QString& name)
{
    if (name == QLatin1String("light") || name == QLatin1String("dark"))
        return ownPalette(name == QLatin1String("dark"));
    return QApplication::style()->standardPalette();
}

void Theme::apply(const QString& name)
{
    const QString known = names().contains(name) ? name : QStringLiteral("system");
    QSettings().setValue(kSetting, known);
    QApplication::setPalette(palette(known));
}

QString Theme::current()
{
    const QString name = QSettings().value(kSetting, QStringLiteral("system")).toString();
    return names().contains(name) ? name : QStringLiteral("system");
}

} // namespace tributary
