#include "model/ConnectionSummary.h"

#include "model/simulation/SimSettings.h"

#include <QStringList>

#include <cmath>

namespace tributary {

namespace {

constexpr int shownValues = 2;

const JsonTree* member(const JsonTree& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto found = object.find(key);
    return found == object.end() || found->is_null() ? nullptr : &*found;
}

/** One matched value: a string as it is, a prefix or suffix with a star, anything else as "…". */
QString valueText(const JsonTree& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number() || value.is_boolean())
        return QString::fromStdString(value.dump());
    if (const JsonTree* prefix = member(value, "prefix"); prefix && prefix->is_string())
        return QString::fromStdString(prefix->get<std::string>()) + QLatin1Char('*');
    if (const JsonTree* suffix = member(value, "suffix"); suffix && suffix->is_string())
        return QLatin1Char('*') + QString::fromStdString(suffix->get<std::string>());
    if (member(value, "anything-but"))
        return QStringLiteral("not …");
    return QStringLiteral("…");
}

/** "A, B +2": the first values a pattern field lists. */
QString valuesText(const JsonTree& values)
{
    if (!values.is_array())
        return valueText(values);
    QStringList shown;
    for (std::size_t i = 0; i < values.size() && i < static_cast<std::size_t>(shownValues); ++i)
        shown.append(valueText(values[i]));
    QString text = shown.join(QStringLiteral(", "));
    if (values.size() > static_cast<std::size_t>(shownValues))
        text += QStringLiteral(" +%1").arg(values.size() - shownValues);
    return text;
}

/** An EventBridge pattern by its detail types, else its sources, else its first field. */
QString patternText(const JsonTree& pattern)
{
    if (!pattern.is_object() || pattern.empty())
        return {};
    for (const char* key : {"detail-type", "source"}) {
        if (const JsonTree* values = member(pattern, key))
            return valuesText(*values);
    }
    const auto first = pattern.begin();
    if (first.value().is_object())
        return QString::fromStdString(first.key());
    return QStringLiteral("%1: %2").arg(QString::fromStdString(first.key()), valuesText(first.value()));
}

} // namespace

QString ConnectionSummary::of(const Connection& connection, const QString& ruleLabel, const Architecture& architecture)
{
    const JsonTree& properties = connection.properties;
    // NaN stands for "not a number the author wrote" (absent, or an intrinsic).
    const auto numberAt = [&properties](const char* pointer) {
        return SimSettings::templateNumber(properties, pointer, std::nan(""));
    };
    QStringList parts;
    if (const double batch = numberAt("/BatchSize"); !std::isnan(batch))
        parts.append(QStringLiteral("batch %1").arg(batch));
    if (const double window = numberAt("/MaximumBatchingWindowInSeconds"); window > 0)
        parts.append(QStringLiteral("window %1 s").arg(window));
    if (const double parallel = numberAt("/ParallelizationFactor"); parallel > 1)
        parts.append(QStringLiteral("×%1 per shard").arg(parallel));
    const JsonTree* pattern = member(properties, "Pattern");
    if (!pattern) {
        if (const Resource* target = architecture.resource(connection.target); target && target->kind == QLatin1String("eventRule"))
            pattern = member(target->properties, "EventPattern");
    }
    if (pattern) {
        if (const QString text = patternText(*pattern); !text.isEmpty())
            parts.append(text);
    }
    if (const JsonTree* policy = member(properties, "FilterPolicy"); policy && policy->is_object() && !policy->empty())
        parts.append(QStringLiteral("filter %1").arg(patternText(*policy)));
    if (member(properties, "FilterCriteria"))
        parts.append(QStringLiteral("filtered"));
    return parts.isEmpty() ? ruleLabel : parts.join(QStringLiteral(" · "));
}

} // namespace tributary
