#include "model/simulation/CostEstimator.h"

#include "model/MessageError.h"

#include <algorithm>

namespace tributary {

double CostEstimator::unitsOf(const ResourceUsage& usage, const QString& meter)
{
    static const std::vector<std::pair<QString, double ResourceUsage::*>> fields = {
        {QStringLiteral("requests"), &ResourceUsage::requests},
        {QStringLiteral("computeGbSeconds"), &ResourceUsage::computeGbSeconds},
        {QStringLiteral("stateTransitions"), &ResourceUsage::stateTransitions},
        {QStringLiteral("shardHours"), &ResourceUsage::shardHours},
        {QStringLiteral("payloadUnits"), &ResourceUsage::payloadUnits},
        {QStringLiteral("readUnits"), &ResourceUsage::readUnits},
        {QStringLiteral("writeUnits"), &ResourceUsage::writeUnits},
    };
    const auto field = std::find_if(fields.begin(), fields.end(), [&meter](const auto& entry) { return entry.first == meter; });
    if (field != fields.end())
        return usage.*(field->second);
    const auto other = usage.otherUnits.find(meter);
    return other == usage.otherUnits.end() ? 0 : other->second;
}

CostEstimate CostEstimator::estimate(const SimulatedUsage& usage, const PriceTable& prices)
{
    if (!(usage.simulatedSeconds > 0))
        throw MessageError(QStringLiteral("cannot estimate a monthly cost from a simulated period of %1 seconds")
                               .arg(usage.simulatedSeconds));
    const double scale = hoursPerMonth * 3600 / usage.simulatedSeconds;
    CostEstimate estimate;
    estimate.currency = prices.currency();
    estimate.pricesTakenOn = prices.takenOn();
    for (const ResourceUsage& resource : usage.resources) {
        ResourceCost cost;
        cost.resourceId = resource.resourceId;
        const PriceTable::Service* service = prices.find(resource.kind);
        if (!service) {
            estimate.unpricedResources.append(resource.resourceId);
            estimate.byResource.push_back(std::move(cost));
            continue;
        }
        cost.service = service->name;
        for (const PriceTable::Meter& meter : service->meters) {
            const double usd = unitsOf(resource, meter.name) * meter.usdPerUnitFor(resource.variant) * scale;
            cost.monthlyUsdByMeter[meter.name] = usd;
            cost.monthlyUsd += usd;
        }
        auto serviceTotal = std::find_if(estimate.byService.begin(), estimate.byService.end(),
                                         [&service](const auto& entry) { return entry.first == service->name; });
        if (serviceTotal == estimate.byService.end())
            serviceTotal = estimate.byService.insert(estimate.byService.end(), {service->name, 0.0});
        serviceTotal->second += cost.monthlyUsd;
        estimate.monthlyTotal += cost.monthlyUsd;
        estimate.byResource.push_back(std::move(cost));
    }
    return estimate;
}

} // namespace tributary
