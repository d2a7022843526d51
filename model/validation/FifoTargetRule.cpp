#include "model/validation/FifoTargetRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

bool isTrue(const std::optional<bool>& value)
{
    return value && *value;
}

bool isFalse(const std::optional<bool>& value)
{
    return value && !*value;
}

/** False when the queue's ContentBasedDeduplication is unset or false; nullopt when an intrinsic decides. */
std::optional<bool> contentBasedDeduplication(const Resource& queue)
{
    const JsonTree* value = ValidationSupport::at(queue.properties, "/ContentBasedDeduplication");
    return value ? ValidationSupport::boolean(*value) : std::optional<bool>(false);
}

} // namespace

std::vector<Finding> FifoTargetRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        const Resource* source = architecture.resource(connection.source);
        const Resource* target = architecture.resource(connection.target);
        if (!rule || !source || !target)
            continue;
        const QString& meaning = rule->meaning;
        const QStringList ends{source->id, target->id};
        const QString pointer = ValidationSupport::connectionPointer(connection);
        const auto add = [&](const QString& message) {
            findings.push_back(finding(message, ends, {connection.id}, pointer));
        };
        const auto sourceFifo = ValidationSupport::isFifo(*source);
        const auto targetFifo = ValidationSupport::isFifo(*target);
        const bool toFifoQueue = target->kind == QLatin1String("queue") && isTrue(targetFifo);

        if (source->kind == QLatin1String("topic") && meaning == QLatin1String("async")) {
            if (toFifoQueue && isFalse(sourceFifo))
                add(QStringLiteral("Standard topic %1 cannot deliver to FIFO queue %2: SNS delivers to FIFO queues only "
                                   "from FIFO topics. Make %1 a FIFO topic or %2 a standard queue.")
                        .arg(source->id, target->id));
            if (isTrue(sourceFifo) && target->kind == QLatin1String("function")
                && !ValidationSupport::isSqsSubscription(architecture, connection))
                add(QStringLiteral("FIFO topic %1 cannot invoke function %2: FIFO topics deliver only to SQS queues. "
                                   "Subscribe a queue to %1 and let it trigger %2.")
                        .arg(source->id, target->id));
        }

        if (toFifoQueue && (source->kind == QLatin1String("eventRule") || source->kind == QLatin1String("schedule"))) {
            const QString service = source->kind == QLatin1String("eventRule") ? QStringLiteral("EventBridge rule")
                                                                               : QStringLiteral("Schedule");
            if (!ValidationSupport::at(connection.properties, "/SqsParameters/MessageGroupId"))
                add(QStringLiteral("%1 %2 sends to FIFO queue %3 without a message group id; set SqsParameters "
                                   "MessageGroupId on the target.")
                        .arg(service, source->id, target->id));
            if (isFalse(contentBasedDeduplication(*target)))
                add(QStringLiteral("%1 %2 sends to FIFO queue %3, which must then have ContentBasedDeduplication "
                                   "enabled.")
                        .arg(service, source->id, target->id));
        }

        if (toFifoQueue && source->kind == QLatin1String("pipe")) {
            if (!ValidationSupport::at(connection.properties, "/SqsQueueParameters/MessageGroupId"))
                add(QStringLiteral("Pipe %1 sends to FIFO queue %2 without a message group id; set "
                                   "SqsQueueParameters MessageGroupId.")
                        .arg(source->id, target->id));
            if (isFalse(contentBasedDeduplication(*target))
                && !ValidationSupport::at(connection.properties, "/SqsQueueParameters/MessageDeduplicationId"))
                add(QStringLiteral("Pipe %1 sends to FIFO queue %2, which has no content-based deduplication, "
                                   "without a deduplication id.")
                        .arg(source->id, target->id));
        }

        if (source->kind == QLatin1String("function") && isTrue(targetFifo)
            && (meaning == QLatin1String("onSuccess") || meaning == QLatin1String("onFailure")
                || meaning == QLatin1String("deadLetter"))) {
            const QString role = meaning == QLatin1String("deadLetter") ? QStringLiteral("dead-letter queue")
                                                                        : QStringLiteral("destination");
            add(QStringLiteral("Function %1 uses FIFO %2 %3 as its %4, but Lambda supports only standard queues and "
                               "topics there: its records would be lost.")
                    .arg(source->id, target->kind == QLatin1String("queue") ? QStringLiteral("queue") : QStringLiteral("topic"),
                         target->id, role));
        }

        if (source->kind == QLatin1String("queue") && isTrue(sourceFifo) && meaning == QLatin1String("polled")) {
            const JsonTree* batchSize = ValidationSupport::at(connection.properties, "/BatchSize");
            const auto size = batchSize ? ValidationSupport::number(*batchSize) : std::nullopt;
            if (size && *size > maximumFifoBatchSize)
                add(QStringLiteral("FIFO queue %1 is read by %2 in batches of %3, but a FIFO queue allows at most %4.")
                        .arg(source->id, target->id)
                        .arg(*size)
                        .arg(maximumFifoBatchSize));
        }
    }

    static const std::pair<const char*, const char*> notifications[] = {
        {"/NotificationConfiguration/QueueConfigurations", "/Queue"},
        {"/NotificationConfiguration/TopicConfigurations", "/Topic"},
    };
    for (const Resource& rule : architecture.resources()) {
        // A rule's own Targets entries that no connection stands for yet (templates read before edges are derived).
        const JsonTree* targets = rule.kind == QLatin1String("eventRule") ? ValidationSupport::at(rule.properties, "/Targets")
                                                                         : nullptr;
        if (!targets || !targets->is_array())
            continue;
        for (std::size_t i = 0; i < targets->size(); ++i) {
            const std::string path = "/Targets/" + std::to_string(i);
            const JsonTree* arn = ValidationSupport::at((*targets)[i], "/Arn");
            const Resource* queue = arn ? architecture.resource(ValidationSupport::referencedId(*arn)) : nullptr;
            if (!queue || queue->kind != QLatin1String("queue") || !isTrue(ValidationSupport::isFifo(*queue))
                || ValidationSupport::coveredByConnection(architecture, rule.id, path))
                continue;
            const QString pointer = ValidationSupport::resourcePointer(rule.id, path);
            if (!ValidationSupport::at((*targets)[i], "/SqsParameters/MessageGroupId"))
                findings.push_back(finding(QStringLiteral("EventBridge rule %1 sends to FIFO queue %2 without a message "
                                                          "group id; set SqsParameters MessageGroupId on the target.")
                                               .arg(rule.id, queue->id),
                                           {rule.id, queue->id}, {}, pointer));
            if (isFalse(contentBasedDeduplication(*queue)))
                findings.push_back(finding(QStringLiteral("EventBridge rule %1 sends to FIFO queue %2, which must then "
                                                          "have ContentBasedDeduplication enabled.")
                                               .arg(rule.id, queue->id),
                                           {rule.id, queue->id}, {}, pointer));
        }
    }

    for (const Resource& bucket : architecture.resources()) {
        if (bucket.kind != QLatin1String("bucket"))
            continue;
        for (const auto& [listPath, endpointPath] : notifications) {
            const JsonTree* list = ValidationSupport::at(bucket.properties, listPath);
            if (!list || !list->is_array())
                continue;
            for (std::size_t i = 0; i < list->size(); ++i) {
                const JsonTree* endpoint = ValidationSupport::at((*list)[i], endpointPath);
                const Resource* target = endpoint ? architecture.resource(ValidationSupport::referencedId(*endpoint)) : nullptr;
                if (!target || !isTrue(ValidationSupport::isFifo(*target)))
                    continue;
                findings.push_back(finding(QStringLiteral("Bucket %1 sends event notifications to FIFO %2 %3, but S3 "
                                                          "notifications support only standard queues and topics.")
                                               .arg(bucket.id, target->kind == QLatin1String("queue") ? QStringLiteral("queue")
                                                                                                      : QStringLiteral("topic"),
                                                    target->id),
                                           {bucket.id, target->id}, {},
                                           ValidationSupport::resourcePointer(
                                               bucket.id, std::string(listPath) + "/" + std::to_string(i))));
            }
        }
    }
    return findings;
}

} // namespace tributary
