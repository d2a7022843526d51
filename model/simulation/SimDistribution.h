#pragma once

#include "model/simulation/SimEvent.h"
#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

class SimRandom;

/**
 * A distribution of durations: constant, exponential, normal (cut at zero) or log-normal (median
 * and 99th percentile), read from JSON such as {distribution: lognormal, medianMs: 40, p99Ms: 400},
 * {distribution: exponential, meanMs: 1991}, {distribution: constant, ms: 5} or a plain number of ms.
 */
class SimDistribution
{
public:
    enum class Shape { Constant, Exponential, Normal, Lognormal };

    SimDistribution() = default;
    static SimDistribution constant(double ms);
    static SimDistribution lognormal(double medianMs, double p99Ms);
    /** Reads value; throws ScenarioError naming key when it is not a distribution. */
    static SimDistribution fromJson(const JsonTree& value, const std::string& key);

    SimTime sample(SimRandom& random) const;
    /** The mean in milliseconds. */
    double meanMs() const;
    Shape shape() const { return m_shape; }

private:
    Shape m_shape = Shape::Constant;
    double m_a = 0;
    double m_b = 0;
};

} // namespace tributary
