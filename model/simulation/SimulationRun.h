#pragma once

#include "model/simulation/Simulator.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace tributary {

/**
 * A Simulator run in a worker thread for the GUI: started, paused, stepped (a slice of simulated
 * time while paused) and cancelled from the owner's thread, reporting progress with signals.
 * The results are read after finished().
 */
class SimulationRun : public QObject
{
    Q_OBJECT

public:
    /** Builds the simulator (throws ScenarioError); sliceSeconds is how much simulated time a step or progress report covers. */
    SimulationRun(const Architecture& architecture, const Catalogue& catalogue, const Scenario& scenario,
                  double sliceSeconds = 1, QObject* parent = nullptr);
    /** Cancels a run still going and waits for the worker. */
    ~SimulationRun() override;

    /** Starts the worker (paused at once when pause() was called before). */
    void start();
    void pause();
    void resume();
    /** While paused: runs one more slice, then pauses again. */
    void step();
    /** Stops the run at the next slice; cancelled() follows. */
    void cancel();
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    /** Simulated seconds done so far. */
    double simulatedSeconds() const { return m_simulatedSeconds; }
    /** The simulator, for its results once finished() was emitted (not before). */
    const Simulator& simulator() const { return *m_simulator; }

Q_SIGNALS:
    /** A slice was done; simulatedSeconds is the simulated time reached. */
    void progressed(double simulatedSeconds);
    void finished();
    void cancelled();

private:
    void work();

    std::unique_ptr<Simulator> m_simulator;
    SimTime m_slice;
    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_paused = false;
    int m_steps = 0;
    std::atomic<bool> m_cancelRequested{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<double> m_simulatedSeconds{0};
};

} // namespace tributary
