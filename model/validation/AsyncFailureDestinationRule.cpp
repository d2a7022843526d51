#include "model/validation/AsyncFailureDestinationRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

namespace tributary {

namespace {

const QStringList& asyncEventTypes()
{
    static const QStringList types = {
        QStringLiteral("S3"),       QStringLiteral("SNS"),        QStringLiteral("EventBridgeRule"),
        QStringLiteral("CloudWatchEvent"), QStringLiteral("Schedule"), QStringLiteral("ScheduleV2"),
        QStringLiteral("IoTRule"),  QStringLiteral("CloudWatchLogs"),
    };
    return types;
}

bool invokesAsynchronously(const ConnectionRule& rule, const Connection& connection, const Resource& source)
{
    if (rule.meaning == QLatin1String("async"))
        return true;
    if ((rule.meaning == QLatin1String("onSuccess") || rule.meaning == QLatin1String("onFailure"))
        && source.kind == QLatin1String("function"))
        return true;
    if (rule.meaning == QLatin1String("pipeTarget"))
        return ValidationSupport::text(ValidationSupport::at(connection.properties, "/LambdaFunctionParameters/InvocationType"))
            == QLatin1String("FIRE_AND_FORGET");
    return false;
}

bool hasFailureProperty(const Architecture& architecture, const Resource& function)
{
    for (const char* path : {"/DeadLetterQueue", "/DeadLetterConfig/TargetArn", "/EventInvokeConfig/DestinationConfig/OnFailure"}) {
        if (ValidationSupport::property(architecture, function, path))
            return true;
    }
    for (const Resource& resource : architecture.resources()) {
        if (resource.cfnType != QLatin1String("AWS::Lambda::EventInvokeConfig"))
            continue;
        const JsonTree* name = ValidationSupport::at(resource.properties, "/FunctionName");
        if (name && (ValidationSupport::referencedId(*name) == function.id || ValidationSupport::text(name) == function.id)
            && ValidationSupport::at(resource.properties, "/DestinationConfig/OnFailure"))
            return true;
    }
    return false;
}

} // namespace

std::vector<Finding> AsyncFailureDestinationRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Resource& function : architecture.resources()) {
        if (function.kind != QLatin1String("function"))
            continue;
        QStringList invokers;
        QStringList connections;
        bool handled = false;
        for (const Connection& connection : architecture.connections()) {
            const ConnectionRule* rule = catalogue.rule(connection.rule);
            if (!rule)
                continue;
            if (connection.source == function.id
                && (rule->meaning == QLatin1String("onFailure") || rule->meaning == QLatin1String("deadLetter")))
                handled = true;
            const Resource* source = architecture.resource(connection.source);
            if (connection.target == function.id && source && invokesAsynchronously(*rule, connection, *source)
                && !ValidationSupport::isSqsSubscription(architecture, connection)) {
                if (!invokers.contains(source->id))
                    invokers.append(source->id);
                connections.append(connection.id);
            }
        }
        QStringList events;
        const JsonTree* eventMap = ValidationSupport::at(function.properties, "/Events");
        if (eventMap && eventMap->is_object()) {
            for (auto event = eventMap->begin(); event != eventMap->end(); ++event) {
                const QString type = ValidationSupport::text(ValidationSupport::at(event.value(), "/Type"));
                const JsonTree* properties = ValidationSupport::at(event.value(), "/Properties");
                if (asyncEventTypes().contains(type) && !(properties && ValidationSupport::setsSqsSubscription(*properties))
                    && !ValidationSupport::coveredByConnection(architecture, function.id, "/Events/" + event.key()))
                    events.append(QStringLiteral("its %1 event %2").arg(type, QString::fromStdString(event.key())));
            }
        }
        if ((invokers.isEmpty() && events.isEmpty()) || handled || hasFailureProperty(architecture, function))
            continue;
        findings.push_back(finding(QStringLiteral("Function %1 is invoked asynchronously (by %2) but has no on-failure "
                                                  "destination or dead-letter queue: events that fail every retry are "
                                                  "dropped. Add an on-failure destination.")
                                       .arg(function.id, ValidationSupport::joined(invokers + events)),
                                   QStringList{function.id} + invokers, connections,
                                   ValidationSupport::resourcePointer(function.id)));
    }
    return findings;
}

} // namespace tributary
