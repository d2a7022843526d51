#pragma once

#include "model/simulation/CostEstimate.h"
#include "model/simulation/PriceTable.h"
#include "model/simulation/SimulatedUsage.h"

namespace tributary {

/** Prices a simulated usage with a price table, scaled from the simulated period to a month. */
class CostEstimator
{
public:
    /** Hours in the month the estimate is for (365 × 24 / 12). */
    static constexpr double hoursPerMonth = 730;

    /**
     * Each resource's counts × its meters' prices (for its variant), × 730 h / the simulated
     * period; summed per resource, per service and in total. Free tiers are ignored. Throws
     * MessageError when the simulated period is not positive.
     */
    static CostEstimate estimate(const SimulatedUsage& usage, const PriceTable& prices);

    /** The count of `usage` a meter named `meter` prices: a field, else an otherUnits entry, else 0. */
    static double unitsOf(const ResourceUsage& usage, const QString& meter);
};

} // namespace tributary
