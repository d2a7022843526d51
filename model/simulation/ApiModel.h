#pragma once

#include "model/Architecture.h"
#include "model/Resource.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/SimDistribution.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/TokenBucket.h"

#include <vector>

namespace tributary {

/**
 * An HTTP or REST API: each request passes the API's token bucket (rate and burst) and the
 * account-wide one (10,000 rps, burst 5,000), then calls its route's function synchronously. The
 * client sees 200, 429 (throttled by the API or the function), 404 (no route matches), 502
 * (function error) or 504 (no answer within the integration timeout, 29 s for REST, 30 s for HTTP
 * APIs).
 */
class ApiModel : public SimModel
{
public:
    ApiModel(SimContext& context, const Resource& resource, SimSettings settings);

    /** A client request. Always taken: refusals are answered with a status. */
    bool receive(int message) override;
    void handle(const SimEvent& event) override;

    std::uint64_t status(int code) const;

    /**
     * Chooses each entry's route ("POST /orders/42") among the function edges' Method and Path, as
     * API Gateway does: literal path segments before {variables} before a greedy {proxy+}, a named
     * method before ANY, an edge without a path last (the default route). An entry without a route,
     * and every payload not an entry's own, takes the first function edge.
     */
    void configureRoutes(const Architecture& architecture, const std::vector<EntrySpec>& entries);

protected:
    void addJson(JsonTree& json) const override;

private:
    struct Request
    {
        int message = -1;
        SimTime start = 0;
        std::int32_t nextFree = -1;
    };
    void respond(int message, int status, SimTime latency);
    /** The link a request carrying payload goes to, or null when no route matches. */
    const SimLink* routeOf(int payload) const;

    TokenBucket m_bucket;
    SimTime m_timeout = 0;
    SimDistribution m_overhead;
    std::vector<Request> m_requests;
    int m_firstFree = -1;
    std::uint64_t m_ok = 0;
    std::uint64_t m_throttled = 0;
    std::uint64_t m_badGateway = 0;
    std::uint64_t m_gatewayTimeout = 0;
    std::uint64_t m_unavailable = 0;
    std::uint64_t m_notFound = 0;
    /** Per entry payload: the index in m_links of its route, -1 when none matches, unrouted for none asked. */
    std::vector<int> m_routeOfEntry;
    static constexpr int unrouted = -2;
    LatencyHistogram m_latency;
};

} // namespace tributary
