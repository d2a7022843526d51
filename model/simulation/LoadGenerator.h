#pragma once

#include "model/simulation/Scenario.h"
#include "model/simulation/SimModel.h"

namespace tributary {

/**
 * The external load of one scenario entry: arrivals shaped constant, Poisson, burst, ramp or daily
 * cycle (the last two as Poisson processes of varying rate, by thinning), each a new message
 * handed to the entry resource, or a synchronous call when the entry is a function invoked sync.
 */
class LoadGenerator : public SimModel
{
public:
    LoadGenerator(SimContext& context, const EntrySpec& entry, int entryIndex, SimModel* target, bool invokeSync);

    bool isResource() const override { return false; }
    void start() override;
    void handle(const SimEvent& event) override;
    std::uint64_t generated() const { return m_generated; }
    std::uint64_t refused() const { return m_refused; }

private:
    enum Event : std::int32_t { Arrive = 1 };
    void emit();
    /** The arrival rate at time t, per second. */
    double rateAt(SimTime t) const;
    double peakRate() const;
    void scheduleNext(SimTime after);

    LoadSpec m_load;
    int m_entry;
    SimModel* m_target;
    bool m_invokeSync;
    std::uint64_t m_generated = 0;
    std::uint64_t m_refused = 0;
};

} // namespace tributary
