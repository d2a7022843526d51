#include "model/simulation/SimSettings.h"

#include "model/simulation/ScenarioError.h"

namespace tributary {

namespace {

const JsonTree& nullValue()
{
    static const JsonTree null;
    return null;
}

const JsonTree* at(const JsonTree& properties, const char* pointer)
{
    try {
        const JsonTree::json_pointer path(pointer);
        return properties.contains(path) ? &properties.at(path) : nullptr;
    } catch (const JsonTree::exception&) {
        return nullptr;
    }
}

} // namespace

double SimSettings::templateNumber(const JsonTree& properties, const char* pointer, double fallback)
{
    const JsonTree* v = at(properties, pointer);
    if (!v)
        return fallback;
    if (v->is_number())
        return v->get<double>();
    if (v->is_string()) {
        bool ok = false;
        const double number = QString::fromStdString(v->get<std::string>()).toDouble(&ok);
        return ok ? number : fallback;
    }
    return fallback;
}

std::string SimSettings::templateText(const JsonTree& properties, const char* pointer, const std::string& fallback)
{
    const JsonTree* v = at(properties, pointer);
    if (!v)
        return fallback;
    if (v->is_string())
        return v->get<std::string>();
    if (v->is_boolean())
        return v->get<bool>() ? "true" : "false";
    return fallback;
}

SimSettings::SimSettings(const JsonTree& defaults, const JsonTree& override, std::string where)
    : m_values(merge(defaults, override))
    , m_override(override.is_object() ? override : JsonTree::object())
    , m_where(std::move(where))
{
}

double SimSettings::number(const char* key, const JsonTree& properties, const char* pointer, double fallback) const
{
    if (m_override.contains(key))
        return number(key, fallback);
    return templateNumber(properties, pointer, number(key, fallback));
}

JsonTree SimSettings::merge(const JsonTree& defaults, const JsonTree& override)
{
    if (!defaults.is_object() || !override.is_object())
        return override.is_null() ? defaults : override;
    JsonTree result = defaults;
    for (auto it = override.begin(); it != override.end(); ++it) {
        const auto existing = result.find(it.key());
        result[it.key()] = existing == result.end() ? it.value() : merge(*existing, it.value());
    }
    return result;
}

const JsonTree& SimSettings::value(const char* key) const
{
    const auto found = m_values.find(key);
    return found == m_values.end() ? nullValue() : *found;
}

double SimSettings::number(const char* key, double fallback) const
{
    const JsonTree& v = value(key);
    if (v.is_null())
        return fallback;
    if (!v.is_number())
        throw ScenarioError(QStringLiteral("%1: expected a number.").arg(QString::fromStdString(keyName(key))));
    return v.get<double>();
}

bool SimSettings::boolean(const char* key, bool fallback) const
{
    const JsonTree& v = value(key);
    if (v.is_null())
        return fallback;
    if (!v.is_boolean())
        throw ScenarioError(QStringLiteral("%1: expected true or false.").arg(QString::fromStdString(keyName(key))));
    return v.get<bool>();
}

std::string SimSettings::text(const char* key, const std::string& fallback) const
{
    const JsonTree& v = value(key);
    if (v.is_null())
        return fallback;
    if (!v.is_string())
        throw ScenarioError(QStringLiteral("%1: expected a string.").arg(QString::fromStdString(keyName(key))));
    return v.get<std::string>();
}

SimDistribution SimSettings::distribution(const char* key, const SimDistribution& fallback) const
{
    const JsonTree& v = value(key);
    return v.is_null() ? fallback : SimDistribution::fromJson(v, keyName(key));
}

const JsonTree& SimSettings::pollingParameters(const JsonTree& properties)
{
    for (const char* key : {"SqsQueueParameters", "KinesisStreamParameters", "DynamoDBStreamParameters"}) {
        const auto found = properties.find(key);
        if (found != properties.end() && found->is_object())
            return *found;
    }
    return properties;
}

} // namespace tributary
