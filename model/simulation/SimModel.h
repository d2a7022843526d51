#pragma once

#include "model/simulation/Invocation.h"
#include "model/simulation/LatencyHistogram.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/SimContext.h"
#include "model/simulation/SimLink.h"
#include "model/simulation/SimSettings.h"
#include "model/simulation/SimulatedUsage.h"
#include "model/tree/JsonTree.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tributary {

/** What became of a message offered along a link. */
enum class Delivery { Taken, Filtered, Refused };

/** The failure injected into a resource at one instant (the sum of the windows in force). */
struct FailureState
{
    double errorRate = 0;
    SimTime addedLatency = 0;
    bool outage = false;
    bool throttle = false;
};

/**
 * The behaviour of one resource (or of one poller) in a run. Models talk through receive()
 * (an asynchronous hand-over of a message), invoke() (a synchronous call answered with an
 * invocationDone event) and the events they schedule for themselves. The base class counts what
 * every resource reports and keeps its time series.
 */
class SimModel
{
public:
    SimModel(SimContext& context, std::string id, std::string kind, SimSettings settings);
    virtual ~SimModel() = default;
    SimModel(const SimModel&) = delete;
    SimModel& operator=(const SimModel&) = delete;

    const std::string& id() const { return m_id; }
    const std::string& kind() const { return m_kind; }
    int index() const { return m_index; }
    void setIndex(int index) { m_index = index; }
    /** Results of pollers and other helpers fold into the resource they belong to; false for those. */
    virtual bool isResource() const { return true; }

    void addLink(SimLink link) { m_links.push_back(std::move(link)); }
    const std::vector<SimLink>& links() const { return m_links; }
    void addFailure(const FailureSpec& failure) { m_failures.push_back(failure); }

    /** Called once all models are wired, before the first event. */
    virtual void start() {}
    virtual void handle(const SimEvent& event);
    /**
     * An asynchronous hand-over: the model owns message from now on. False when it refuses it (an
     * outage or throttle): the sender keeps the message.
     */
    virtual bool receive(int message);
    /** A synchronous call; the default takes a copy of each item and answers Success at once. */
    virtual void invoke(const Invocation& invocation);
    /** Appends the current value of each time series. */
    virtual void sample() {}
    /** The run ended at m_context.end: settle time averages. */
    virtual void finish() {}
    /** The resource's results: the counters every model has, then the model's own. */
    JsonTree toJson() const;
    /**
     * What the resource consumed, in billed units; the default counts each message received as a
     * request (and, for tables and buckets, as a write).
     */
    virtual void addUsage(ResourceUsage& usage) const;
    /** Names and points of the time series. */
    JsonTree seriesJson() const;

protected:
    /** What the model adds to toJson(). */
    virtual void addJson(JsonTree& json) const { (void)json; }
    FailureState failureNow() const;
    /** Schedules the answer to a synchronous caller at `at`. */
    void answer(const Invocation& invocation, InvocationOutcome outcome, SimTime at, std::int64_t detail = 0);
    /** Hands a copy of message to the link's target when its filter passes, counting it on the connection. */
    Delivery deliverCopy(const SimLink& link, int message);
    /** deliverCopy() along every link with that meaning; returns how many took it. */
    int forward(int message, LinkMeaning meaning);
    bool hasLink(LinkMeaning meaning) const;
    /** Counts and, for a message that ends here, records the time since its entry event. */
    void recordArrival(int message);
    int addSeries(const char* name);
    void pushSeries(int series, double value) { m_series[static_cast<std::size_t>(series)].points.push_back(value); }

    SimContext& m_context;
    std::string m_id;
    std::string m_kind;
    SimSettings m_settings;
    int m_index = -1;
    std::vector<SimLink> m_links;
    std::vector<FailureSpec> m_failures;

    std::uint64_t m_received = 0;
    std::uint64_t m_succeeded = 0;
    std::uint64_t m_errors = 0;
    std::uint64_t m_throttles = 0;
    std::uint64_t m_retries = 0;
    std::uint64_t m_deadLettered = 0;
    std::uint64_t m_dropped = 0;
    /** Time from the entry event to the moment work here ended. */
    LatencyHistogram m_sinceEntry;

private:
    struct Series
    {
        const char* name;
        std::vector<double> points;
    };
    std::vector<Series> m_series;
};

} // namespace tributary
