#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

namespace tributary {

/** The application's colours: the system's (the default), or Tributary's own light or dark palette. */
class Theme
{
public:
    /** "system", "light" or "dark". */
    static const QStringList& names();
    /** The palette of a theme; the system's palette for "system" or an unknown name. */
    static QPalette palette(const QString& name);
    /** Applies the theme to the whole application and remembers it in the settings. */
    static void apply(const QString& name);
    /** The remembered theme ("system" when none). */
    static QString current();
};

} // namespace tributary
