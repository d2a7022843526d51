#pragma once

#include "model/catalogue/PropertyField.h"
#include "model/tree/JsonTree.h"

#include <QString>

#include <optional>

namespace tributary {

/**
 * How the inspector shows a property value as text and reads it back: plain text for strings,
 * numbers and names; CloudFormation's short forms for the common intrinsics (`!Ref Orders`,
 * `!GetAtt Orders.Arn`, `!Sub ...`, `!ImportValue ...`); compact JSON for everything else.
 */
class FieldText
{
public:
    /** The text for value (empty for an absent value). */
    static QString display(const std::optional<JsonTree>& value);

    /**
     * The value text stands for in field, or nothing with problem set when it is not valid (not JSON
     * where JSON is wanted, out of the field's limits, not an allowed value). Empty text means "not set"
     * and gives nothing with an empty problem.
     */
    static std::optional<JsonTree> parse(const QString& text, const PropertyField& field, QString* problem);
};

} // namespace tributary
