#include "model/simulation/LoadGenerator.h"

#include <cmath>

namespace tributary {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double secondsPerDay = 86400;
constexpr double dailyPeakSeconds = 14 * 3600;

} // namespace

LoadGenerator::LoadGenerator(SimContext& context, const EntrySpec& entry, int entryIndex, SimModel* target,
                             bool invokeSync)
    : SimModel(context, "entry:" + entry.resource, "entry", SimSettings(JsonTree::object(), JsonTree(), "simulation/entries"))
    , m_load(entry.load)
    , m_entry(entryIndex)
    , m_target(target)
    , m_invokeSync(invokeSync)
{
}

double LoadGenerator::rateAt(SimTime t) const
{
    const double seconds = static_cast<double>(t) / simMicrosPerSecond;
    const double clock = seconds + m_load.startsAtHour * 3600;
    switch (m_load.shape) {
    case LoadSpec::Shape::Ramp:
        return m_load.fromPerSecond
            + (m_load.toPerSecond - m_load.fromPerSecond) * std::min(1.0, seconds / m_load.overSeconds);
    case LoadSpec::Shape::DailyCycle:
        return std::max(0.0, m_load.meanPerSecond
                                 * (1 + (m_load.peakFactor - 1) * std::cos(2 * pi * (clock - dailyPeakSeconds) / secondsPerDay)));
    default:
        return m_load.ratePerSecond;
    }
}

double LoadGenerator::peakRate() const
{
    switch (m_load.shape) {
    case LoadSpec::Shape::Ramp:
        return std::max(m_load.fromPerSecond, m_load.toPerSecond);
    case LoadSpec::Shape::DailyCycle:
        return m_load.meanPerSecond * m_load.peakFactor;
    default:
        return m_load.ratePerSecond;
    }
}

void LoadGenerator::start()
{
    if (m_load.shape == LoadSpec::Shape::Burst)
        m_context.schedule(simSeconds(m_load.atSeconds), m_index, Arrive);
    else
        scheduleNext(0);
}

void LoadGenerator::scheduleNext(SimTime after)
{
    const double peak = peakRate();
    if (peak <= 0)
        return;
    SimTime t = after;
    switch (m_load.shape) {
    case LoadSpec::Shape::Constant:
        t += std::max<SimTime>(1, simSeconds(1 / peak));
        break;
    case LoadSpec::Shape::Poisson:
        t += std::max<SimTime>(1, simSeconds(m_context.random.exponential(1 / peak)));
        break;
    default:
        do {
            t += std::max<SimTime>(1, simSeconds(m_context.random.exponential(1 / peak)));
        } while (t < m_context.end && !m_context.random.chance(rateAt(t) / peak));
        break;
    }
    if (t < m_context.end)
        m_context.schedule(t, m_index, Arrive);
}

void LoadGenerator::handle(const SimEvent& event)
{
    if (event.type != Arrive)
        return;
    if (m_load.shape == LoadSpec::Shape::Burst) {
        for (double i = 0; i < m_load.count; ++i)
            emit();
        if (m_load.everySeconds > 0 && m_context.now + simSeconds(m_load.everySeconds) < m_context.end)
            m_context.schedule(m_context.now + simSeconds(m_load.everySeconds), m_index, Arrive);
        return;
    }
    emit();
    scheduleNext(m_context.now);
}

void LoadGenerator::emit()
{
    ++m_generated;
    // An entry's payload has the entry's index in the payload table.
    const int message = m_context.newMessage(m_entry);
    if (m_invokeSync) {
        Invocation invocation;
        invocation.items = &message;
        invocation.count = 1;
        m_target->invoke(invocation);
        m_context.messages.release(message);
        return;
    }
    if (!m_target->receive(message)) {
        ++m_refused;
        m_context.messages.release(message);
    }
}

} // namespace tributary
