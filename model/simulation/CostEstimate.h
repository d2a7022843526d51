#pragma once

#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace tributary {

/** The monthly cost of one resource, by meter. */
struct ResourceCost {
    QString resourceId;
    /** The service it is billed as; empty when the price table has no price for its kind. */
    QString service;
    double monthlyUsd = 0;
    std::map<QString, double> monthlyUsdByMeter;
};

/** What a simulated usage would cost in a 30-day month (730 hours), from CostEstimator. */
struct CostEstimate {
    QString currency;
    QString pricesTakenOn;
    double monthlyTotal = 0;
    /** Services in the order their first resource appears. */
    std::vector<std::pair<QString, double>> byService;
    /** Resources in the order of the usage. */
    std::vector<ResourceCost> byResource;
    /** Resources the price table has no entry for, counted as 0. */
    QStringList unpricedResources;

    /**
     * {"currency", "pricesTakenOn", "monthlyTotal", "byService": {name: usd},
     *  "byResource": {id: usd}, "unpricedResources": [id, …]}
     */
    JsonTree toJson() const;
};

} // namespace tributary
