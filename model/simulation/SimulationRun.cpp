#include "model/simulation/SimulationRun.h"

namespace tributary {

SimulationRun::SimulationRun(const Architecture& architecture, const Catalogue& catalogue, const Scenario& scenario,
                             double sliceSeconds, QObject* parent)
    : QObject(parent)
    , m_simulator(std::make_unique<Simulator>(architecture, catalogue, scenario))
    , m_slice(std::max<SimTime>(1, simSeconds(sliceSeconds)))
{
}

SimulationRun::~SimulationRun()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void SimulationRun::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] { work(); }));
    m_thread->start();
}

void SimulationRun::pause()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
}

void SimulationRun::resume()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_all();
}

void SimulationRun::step()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_steps;
    }
    m_wake.notify_all();
}

void SimulationRun::cancel()
{
    m_cancelRequested = true;
    m_wake.notify_all();
}

void SimulationRun::work()
{
    SimTime reached = 0;
    while (!m_simulator->finished()) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_cancelRequested || !m_paused || m_steps > 0; });
            if (m_cancelRequested)
                break;
            if (m_paused)
                --m_steps;
        }
        reached = std::min(reached + m_slice, m_simulator->end());
        m_simulator->runUntil(reached);
        m_simulatedSeconds = static_cast<double>(reached) / simMicrosPerSecond;
        Q_EMIT progressed(m_simulatedSeconds);
    }
    if (m_simulator->finished()) {
        m_finished = true;
        Q_EMIT finished();
    } else {
        m_cancelled = true;
        Q_EMIT cancelled();
    }
}

} // namespace tributary
