#include "model/validation/VisibilityTimeoutRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

#include <optional>

namespace tributary {

namespace {

/** A number from the value, or from the fallback when the value is absent; nullopt when unknown (an intrinsic …). */
std::optional<double> numberOr(const JsonTree* value, const JsonTree& fallback)
{
    if (value)
        return ValidationSupport::number(*value);
    return ValidationSupport::number(fallback);
}

QString seconds(double value)
{
    return QStringLiteral("%1 s").arg(value);
}

} // namespace

std::vector<Finding> VisibilityTimeoutRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    for (const Connection& connection : architecture.connections()) {
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        const Resource* queue = architecture.resource(connection.source);
        const Resource* function = architecture.resource(connection.target);
        if (!rule || rule->meaning != QLatin1String("polled") || !queue || !function
            || queue->kind != QLatin1String("queue") || function->kind != QLatin1String("function"))
            continue;
        QString visibilityPointer;
        const JsonTree* visibilityValue =
            ValidationSupport::property(architecture, *queue, "/VisibilityTimeout", &visibilityPointer);
        const auto visibility = numberOr(
            visibilityValue, ValidationSupport::kindFieldDefault(catalogue, queue->kind, QStringLiteral("/VisibilityTimeout")));
        const auto timeout = numberOr(ValidationSupport::property(architecture, *function, "/Timeout"),
                                      ValidationSupport::kindFieldDefault(catalogue, function->kind, QStringLiteral("/Timeout")));
        const auto window = numberOr(
            ValidationSupport::at(connection.properties, "/MaximumBatchingWindowInSeconds"),
            ValidationSupport::ruleFieldDefault(catalogue, connection.rule, QStringLiteral("/MaximumBatchingWindowInSeconds")));
        if (!visibility || !timeout)
            continue;
        const double needed = 6 * *timeout + window.value_or(0);
        if (*visibility >= needed)
            continue;
        const QString windowText =
            window.value_or(0) > 0 ? QStringLiteral(" plus its %1 batching window").arg(seconds(*window)) : QString();
        QString message =
            QStringLiteral("Queue %1 has a visibility timeout of %2%3, shorter than six times the %4 timeout of "
                           "function %5%6 (%7): messages still being processed reappear and are handled twice.")
                .arg(queue->id, seconds(*visibility), visibilityValue ? QString() : QStringLiteral(" (the default)"),
                     seconds(*timeout), function->id, windowText, seconds(needed));
        if (*visibility < *timeout)
            message += QStringLiteral(" Being shorter than the timeout itself, the event source mapping cannot even be "
                                      "created.");
        message += QStringLiteral(" Set VisibilityTimeout to at least %1.").arg(needed);
        findings.push_back(finding(message, {queue->id, function->id}, {connection.id},
                                   visibilityValue ? visibilityPointer : ValidationSupport::resourcePointer(queue->id)));
    }
    return findings;
}

} // namespace tributary
