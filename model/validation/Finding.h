#pragma once

#include "model/tree/SourceLocation.h"

#include <QString>
#include <QStringList>

namespace tributary {

/** One problem a validation rule (or cfn-lint) found in an architecture. */
struct Finding
{
    enum class Severity { Error, Warning, Info };

    /** The id of the rule that found it, e.g. "TRIB-E003" or "cfn-lint:E3002". */
    QString rule;
    Severity severity = Severity::Error;
    /** One or two sentences for the user, naming the resources concerned. */
    QString message;
    /** Logical ids of the resources concerned, the most relevant first. */
    QStringList resources;
    /** Ids of the connections concerned. */
    QStringList connections;
    /**
     * Where in the template the problem lies, as a JSON pointer from the template's root (e.g.
     * "/Resources/OrdersQueue/Properties/VisibilityTimeout"); empty when no one place is to blame.
     * The pointer may name a key the template lacks: the nearest existing parent is meant then.
     */
    QString pointer;
    /** Line and column in the template file, when known (0 when not). */
    SourceLocation location;

    /** "error", "warning" or "info". */
    static QString severityName(Severity severity)
    {
        switch (severity) {
        case Severity::Error:
            return QStringLiteral("error");
        case Severity::Warning:
            return QStringLiteral("warning");
        case Severity::Info:
            break;
        }
        return QStringLiteral("info");
    }

    bool operator==(const Finding& other) const
    {
        return rule == other.rule && severity == other.severity && message == other.message
            && resources == other.resources && connections == other.connections && pointer == other.pointer
            && location.line == other.location.line && location.column == other.location.column;
    }
    bool operator!=(const Finding& other) const { return !(*this == other); }
};

} // namespace tributary
