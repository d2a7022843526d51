#pragma once

#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tributary {

/** One inspector field of a kind or connection rule: where the value lives, its type and limits. */
struct PropertyField
{
    /** JSON pointer into the resource's Properties or the connection's properties. */
    QString path;
    QString label;
    /** string, integer, number, boolean, enum, json, reference or list. */
    QString type;
    QStringList values;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QString unit;
    /** The value AWS assumes when the property is absent (null when none is documented). */
    JsonTree defaultValue;
    /** The value a newly drawn edge or placed resource starts with (null when none): for properties the service requires. */
    JsonTree initialValue;
    QString help;
    QStringList referenceKinds;

    /** The field types a descriptor may name. */
    static const QStringList& knownTypes();
};

} // namespace tributary
