#include "model/validation/DeadLetterQueueTypeRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

QString typeName(bool fifo)
{
    return fifo ? QStringLiteral("a FIFO queue") : QStringLiteral("a standard queue");
}

} // namespace

std::vector<Finding> DeadLetterQueueTypeRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        const Resource* source = architecture.resource(connection.source);
        const Resource* target = architecture.resource(connection.target);
        if (!rule || rule->meaning != QLatin1String("deadLetter") || !source || !target
            || source->kind != QLatin1String("queue") || target->kind != QLatin1String("queue"))
            continue;
        const auto sourceFifo = ValidationSupport::isFifo(*source);
        const auto targetFifo = ValidationSupport::isFifo(*target);
        if (!sourceFifo || !targetFifo || *sourceFifo == *targetFifo)
            continue;
        findings.push_back(finding(QStringLiteral("Queue %1 is %2 but its dead-letter queue %3 is %4; SQS requires "
                                                  "both to be of the same type.")
                                       .arg(source->id, typeName(*sourceFifo), target->id, typeName(*targetFifo)),
                                   {source->id, target->id}, {connection.id},
                                   ValidationSupport::resourcePointer(source->id, "/RedrivePolicy")));
    }
    return findings;
}

} // namespace tributary
