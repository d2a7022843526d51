#include "model/simulation/SimDistribution.h"

#include "model/simulation/ScenarioError.h"
#include "model/simulation/SimRandom.h"

#include <cmath>

namespace tributary {

namespace {

constexpr double z99 = 2.3263478740408408;

double numberAt(const JsonTree& value, const char* name, const std::string& key)
{
    const auto found = value.find(name);
    if (found == value.end() || !found->is_number() || found->get<double>() < 0)
        throw ScenarioError(QStringLiteral("%1/%2: expected a number of milliseconds (0 or more).")
                                .arg(QString::fromStdString(key), QLatin1String(name)));
    return found->get<double>();
}

} // namespace

SimDistribution SimDistribution::constant(double ms)
{
    SimDistribution d;
    d.m_a = ms;
    return d;
}

SimDistribution SimDistribution::lognormal(double medianMs, double p99Ms)
{
    SimDistribution d;
    d.m_shape = Shape::Lognormal;
    d.m_a = medianMs;
    d.m_b = std::max(p99Ms, medianMs);
    return d;
}

SimDistribution SimDistribution::fromJson(const JsonTree& value, const std::string& key)
{
    if (value.is_number() && value.get<double>() >= 0)
        return constant(value.get<double>());
    if (!value.is_object() || !value.contains("distribution") || !value["distribution"].is_string())
        throw ScenarioError(QStringLiteral("%1: expected a number of milliseconds or {distribution: constant | "
                                           "exponential | normal | lognormal, ...}.")
                                .arg(QString::fromStdString(key)));
    const std::string shape = value["distribution"].get<std::string>();
    SimDistribution d;
    if (shape == "constant") {
        d.m_a = numberAt(value, "ms", key);
    } else if (shape == "exponential") {
        d.m_shape = Shape::Exponential;
        d.m_a = numberAt(value, "meanMs", key);
    } else if (shape == "normal") {
        d.m_shape = Shape::Normal;
        d.m_a = numberAt(value, "meanMs", key);
        d.m_b = numberAt(value, "sdMs", key);
    } else if (shape == "lognormal") {
        d = lognormal(numberAt(value, "medianMs", key), numberAt(value, "p99Ms", key));
    } else {
        throw ScenarioError(QStringLiteral("%1/distribution: '%2' is not one of constant, exponential, normal, "
                                           "lognormal.")
                                .arg(QString::fromStdString(key), QString::fromStdString(shape)));
    }
    return d;
}

SimTime SimDistribution::sample(SimRandom& random) const
{
    double ms = m_a;
    switch (m_shape) {
    case Shape::Constant:
        break;
    case Shape::Exponential:
        ms = random.exponential(m_a);
        break;
    case Shape::Normal:
        ms = std::max(0.0, m_a + m_b * random.normal());
        break;
    case Shape::Lognormal:
        ms = random.lognormal(m_a, m_b);
        break;
    }
    return simMillis(ms);
}

double SimDistribution::meanMs() const
{
    switch (m_shape) {
    case Shape::Lognormal: {
        const double sigma = m_b > m_a && m_a > 0 ? std::log(m_b / m_a) / z99 : 0;
        return m_a * std::exp(sigma * sigma / 2);
    }
    default:
        return m_a;
    }
}

} // namespace tributary
