#include "model/simulation/CostEstimate.h"

namespace tributary {

JsonTree CostEstimate::toJson() const
{
    JsonTree json = JsonTree::object();
    json["currency"] = currency.toStdString();
    json["pricesTakenOn"] = pricesTakenOn.toStdString();
    json["monthlyTotal"] = monthlyTotal;
    JsonTree services = JsonTree::object();
    for (const auto& [name, usd] : byService)
        services[name.toStdString()] = usd;
    json["byService"] = std::move(services);
    JsonTree resources = JsonTree::object();
    for (const ResourceCost& cost : byResource)
        resources[cost.resourceId.toStdString()] = cost.monthlyUsd;
    json["byResource"] = std::move(resources);
    JsonTree unpriced = JsonTree::array();
    for (const QString& id : unpricedResources)
        unpriced.push_back(id.toStdString());
    json["unpricedResources"] = std::move(unpriced);
    return json;
}

} // namespace tributary
