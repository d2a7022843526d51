#pragma once

#include "model/validation/Finding.h"

#include <QString>

#include <vector>

namespace tributary {

class Architecture;
class Catalogue;

/** One check of an architecture; the Validator runs every rule it holds. */
class ValidationRule
{
public:
    virtual ~ValidationRule() = default;

    /** A stable id, "TRIB-" then E (error), W (warning) or I (info) and three digits. */
    virtual QString id() const = 0;
    /** The severity of the findings it reports. */
    virtual Finding::Severity severity() const = 0;
    /** A short title for lists of rules, e.g. "SQS visibility timeout too short for its consumer". */
    virtual QString title() const = 0;
    /** The problems in architecture, judged against catalogue; never throws on odd template data. */
    virtual std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const = 0;

protected:
    /** A finding of this rule, with its id and severity filled in. */
    Finding finding(const QString& message, const QStringList& resources, const QStringList& connections = {},
                    const QString& pointer = {}) const
    {
        Finding result;
        result.rule = id();
        result.severity = severity();
        result.message = message;
        result.resources = resources;
        result.connections = connections;
        result.pointer = pointer;
        return result;
    }
};

} // namespace tributary
