#pragma once

#include <QString>

#include <map>
#include <vector>

namespace tributary {

/**
 * What one resource consumed during a simulated run, in the units AWS bills: the simulator fills
 * it and CostEstimator prices it. Each count covers the whole simulated period.
 */
struct ResourceUsage {
    QString resourceId;
    /** The catalogue kind id ("function", "queue", …), which names the price table entry. */
    QString kind;
    QString cfnType;
    /** Billed requests: invocations, 64 KB message chunks, published events, API calls, … */
    double requests = 0;
    double computeGbSeconds = 0;
    double stateTransitions = 0;
    double shardHours = 0;
    /** Kinesis PUT payload units (25 KB each). */
    double payloadUnits = 0;
    /** DynamoDB read request units; S3 GET requests. */
    double readUnits = 0;
    /** DynamoDB write request units; S3 PUT, COPY, POST and LIST requests. */
    double writeUnits = 0;
    /** The priced variant, when there is one: "arm64", "fifo", "express", "rest" … */
    QString variant;
    /** Other billed units by meter name, e.g. "httpDeliveries" of an SNS topic. */
    std::map<QString, double> otherUnits;
};

/** Usage of every resource over a simulated period. */
struct SimulatedUsage {
    double simulatedSeconds = 0;
    std::vector<ResourceUsage> resources;
};

} // namespace tributary
