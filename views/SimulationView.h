#pragma once

#include "model/tree/JsonTree.h"

#include <QWidget>

#include <memory>

class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace tributary {

class Document;
class ScenarioDialog;
class SimulationRun;

/**
 * The simulation panel: run length and seed (kept in the template's scenario, undoable), Play,
 * Pause, Step and Stop of a SimulationRun in its worker thread, the whole scenario's editor, then per resource what the run
 * measured, the estimated monthly cost, and a chart of the selected resource's time series.
 */
class SimulationView : public QWidget
{
    Q_OBJECT

public:
    explicit SimulationView(Document* document, QWidget* parent = nullptr);
    ~SimulationView() override;

    /** Starts a run of the document's scenario (or resumes a paused one); returns why it cannot run, or empty. */
    QString play();
    void pause();
    void step();
    void stop();
    bool isRunning() const;
    /** Opens the scenario editor (window-modal, deleted when closed) and returns it. */
    ScenarioDialog* editScenario();
    /** The last finished run's results (null before one). */
    const JsonTree& results() const { return m_results; }
    QTreeWidget* table() const { return m_table; }
    QChartView* chart() const { return m_chart; }
    QString costText() const;

Q_SIGNALS:
    void message(const QString& text);
    /** A run finished and its results are shown. */
    void finished();

private:
    void loadScenarioValues();
    void storeSetting(const QString& pointer, const JsonTree& value);
    void showResults();
    void showSeries(const QString& resourceId);
    void updateButtons();

    Document* m_document;
    QSpinBox* m_duration;
    QSpinBox* m_seed;
    QPushButton* m_play;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stop;
    QPushButton* m_scenario;
    QProgressBar* m_progress;
    QTreeWidget* m_table;
    QLabel* m_cost;
    QChartView* m_chart;
    std::unique_ptr<SimulationRun> m_run;
    JsonTree m_results;
};

} // namespace tributary
