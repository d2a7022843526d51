#include "model/ConnectionCheck.h"

#include "model/LogicalId.h"
#include "model/catalogue/Catalogue.h"

namespace tributary {

QString ConnectionCheck::problem(const Catalogue& catalogue, const Connection& connection, const ResourceLookup& lookup)
{
    const QString idProblem = LogicalId::problemWith(connection.id);
    if (!idProblem.isEmpty())
        return QStringLiteral("Connection id: %1").arg(idProblem);
    const Resource* source = lookup(connection.source);
    if (!source)
        return QStringLiteral("The connection's source '%1' does not exist.").arg(connection.source);
    const Resource* target = lookup(connection.target);
    if (!target)
        return QStringLiteral("The connection's target '%1' does not exist.").arg(connection.target);
    if (connection.source == connection.target)
        return QStringLiteral("'%1' cannot be connected to itself.").arg(connection.source);
    const ConnectionRule* rule = catalogue.rule(connection.rule);
    if (!rule)
        return QStringLiteral("There is no connection rule '%1'.").arg(connection.rule);
    if (!rule->joins(source->kind, target->kind))
        return QStringLiteral("A '%1' connects a %2 to a %3, but '%4' is a %5 and '%6' is a %7.")
            .arg(rule->label, rule->sourceKind, rule->targetKind, source->id, source->kind, target->id, target->kind);
    if (!connection.properties.is_object())
        return QStringLiteral("The properties of connection '%1' must be an object.").arg(connection.id);
    if (!connection.parts.is_array())
        return QStringLiteral("The template parts of connection '%1' must be a list.").arg(connection.id);
    return {};
}

} // namespace tributary
