#include "views/SimulationView.h"

#include "model/Document.h"
#include "model/commands/SetSettingsCommand.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/SimulationRun.h"
#include "views/ScenarioDialog.h"

#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace tributary {

namespace {

/** The columns of the results table: a heading and the result key of each resource it shows. */
struct Column
{
    const char* heading;
    const char* key;
};

const Column kColumns[] = {{"Received", "received"},     {"Succeeded", "succeeded"}, {"Errors", "errors"},
                           {"Throttled", "throttles"},   {"Retries", "retries"},     {"Dead-lettered", "deadLettered"},
                           {"Cold starts", "coldStarts"}};

QString number(const JsonTree& value)
{
    if (!value.is_number())
        return QString();
    const double x = value.get<double>();
    return x == static_cast<double>(static_cast<long long>(x)) ? QString::number(static_cast<long long>(x)) : QString::number(x, 'f', 1);
}

} // namespace

SimulationView::SimulationView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_duration(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_play(new QPushButton(tr("Play"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_step(new QPushButton(tr("Step"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_scenario(new QPushButton(tr("Scenario…"), this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTreeWidget(this))
    , m_cost(new QLabel(this))
    , m_chart(new QChartView(this))
{
    m_duration->setRange(1, 7 * 86400);
    m_duration->setSuffix(tr(" s simulated"));
    m_duration->setToolTip(tr("How much time the run simulates; kept in the template's scenario."));
    m_seed->setRange(0, 1 << 30);
    m_seed->setToolTip(tr("The random seed: the same seed gives the same run."));
    m_play->setObjectName(QStringLiteral("simulationPlay"));
    m_pause->setObjectName(QStringLiteral("simulationPause"));
    m_step->setObjectName(QStringLiteral("simulationStep"));
    m_stop->setObjectName(QStringLiteral("simulationStop"));
    m_play->setToolTip(tr("Run the scenario stored in the template (Metadata/Tributary/simulation)."));
    m_step->setToolTip(tr("While paused: simulate one more second."));
    m_scenario->setObjectName(QStringLiteral("scenarioButton"));
    m_scenario->setToolTip(tr("Edit the whole scenario (load, overrides, failures) as YAML."));

    auto* settings = new QFormLayout;
    settings->addRow(tr("Duration"), m_duration);
    settings->addRow(tr("Seed"), m_seed);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_play, m_pause, m_step, m_stop, m_scenario})
        buttons->addWidget(button);

    QStringList headings{tr("Resource"), tr("Kind")};
    for (const Column& column : kColumns)
        headings << tr(column.heading);
    headings << tr("p50 ms") << tr("p99 ms") << tr("Monthly USD");
    m_table->setHeaderLabels(headings);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cost->setWordWrap(true);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_chart->setMinimumWidth(320);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addLayout(settings);
    top->addLayout(buttons);
    top->addWidget(m_progress, 1);
    layout->addLayout(top);
    layout->addWidget(m_cost);
    layout->addWidget(splitter, 1);

    connect(m_play, &QPushButton::clicked, this, [this] {
        const QString problem = play();
        if (!problem.isEmpty())
            Q_EMIT message(problem);
    });
    connect(m_pause, &QPushButton::clicked, this, &SimulationView::pause);
    connect(m_step, &QPushButton::clicked, this, &SimulationView::step);
    connect(m_stop, &QPushButton::clicked, this, &SimulationView::stop);
    connect(m_scenario, &QPushButton::clicked, this, &SimulationView::editScenario);
    connect(m_duration, &QSpinBox::editingFinished, this,
            [this] { storeSetting(QStringLiteral("/simulation/durationSeconds"), JsonTree(m_duration->value())); });
    connect(m_seed, &QSpinBox::editingFinished, this,
            [this] { storeSetting(QStringLiteral("/simulation/seed"), JsonTree(m_seed->value())); });
    connect(m_table, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            showSeries(item->text(0));
    });
    connect(document, &Document::settingsChanged, this, &SimulationView::loadScenarioValues);
    connect(document, &Document::reset, this, [this] {
        stop();
        m_results = JsonTree();
        m_table->clear();
        m_cost->clear();
        loadScenarioValues();
    });
    loadScenarioValues();
    updateButtons();
}

SimulationView::~SimulationView() = default;

void SimulationView::loadScenarioValues()
{
    const JsonTree simulation = m_document->architecture().settings().value("simulation", JsonTree::object());
    const QSignalBlocker durationBlocker(m_duration);
    const QSignalBlocker seedBlocker(m_seed);
    const JsonTree duration = simulation.is_object() ? simulation.value("durationSeconds", JsonTree(600)) : JsonTree(600);
    const JsonTree seed = simulation.is_object() ? simulation.value("seed", JsonTree(1)) : JsonTree(1);
    m_duration->setValue(duration.is_number() ? static_cast<int>(duration.get<double>()) : 600);
    m_seed->setValue(seed.is_number() ? static_cast<int>(seed.get<double>()) : 1);
}

void SimulationView::storeSetting(const QString& pointer, const JsonTree& value)
{
    const QString problem = m_document->push(new SetSettingsCommand(m_document, pointer, value));
    if (!problem.isEmpty())
        Q_EMIT message(problem);
}

bool SimulationView::isRunning() const
{
    return m_run && !m_run->isFinished() && !m_run->isCancelled();
}

ScenarioDialog* SimulationView::editScenario()
{
    auto* dialog = new ScenarioDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString SimulationView::play()
{
    if (isRunning()) {
        m_run->resume();
        updateButtons();
        return {};
    }
    try {
        Scenario scenario = Scenario::fromSettings(m_document->architecture().settings());
        scenario.durationSeconds = m_duration->value();
        scenario.seed = static_cast<std::uint64_t>(m_seed->value());
        m_run = std::make_unique<SimulationRun>(m_document->architecture(), m_document->catalogue(), scenario);
    } catch (const ScenarioError& error) {
        return tr("The scenario cannot run: %1").arg(error.message());
    }
    m_progress->setRange(0, m_duration->value());
    m_progress->setValue(0);
    connect(m_run.get(), &SimulationRun::progressed, this, [this](double seconds) { m_progress->setValue(static_cast<int>(seconds)); });
    connect(m_run.get(), &SimulationRun::finished, this, [this] {
        showResults();
        updateButtons();
        Q_EMIT message(tr("Simulated %1 s: %2 events.").arg(m_duration->value()).arg(QString::number(m_results.value("events", 0))));
        Q_EMIT finished();
    });
    connect(m_run.get(), &SimulationRun::cancelled, this, &SimulationView::updateButtons);
    m_run->start();
    updateButtons();
    return {};
}

void SimulationView::pause()
{
    if (isRunning())
        m_run->pause();
    updateButtons();
}

void SimulationView::step()
{
    if (isRunning())
        m_run->step();
}

void SimulationView::stop()
{
    if (isRunning())
        m_run->cancel();
    updateButtons();
}

void SimulationView::updateButtons()
{
    const bool running = isRunning();
    m_play->setEnabled(true);
    m_pause->setEnabled(running);
    m_step->setEnabled(running);
    m_stop->setEnabled(running);
    m_duration->setEnabled(!running);
    m_seed->setEnabled(!running);
}

QString SimulationView::costText() const
{
    return m_cost->text();
}

void SimulationView::showResults()
{
    m_results = m_run->simulator().resultsJson();
    m_table->clear();
    const JsonTree& resources = m_results["resources"];
    const JsonTree byResource = m_results["cost"].value("byResource", JsonTree::object());
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const JsonTree& r = it.value();
        QStringList cells{QString::fromStdString(it.key()), QString::fromStdString(r.value("kind", std::string()))};
        for (const Column& column : kColumns)
            cells << number(r.value(column.key, JsonTree()));
        const JsonTree latency = r.value("sinceEntryMs", JsonTree::object());
        cells << number(latency.value("p50Ms", JsonTree())) << number(latency.value("p99Ms", JsonTree()))
              << (byResource.contains(it.key()) ? QString::number(byResource[it.key()].get<double>(), 'f', 2) : QString());
        auto* row = new QTreeWidgetItem(m_table, cells);
        for (int c = 2; c < row->columnCount(); ++c)
            row->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    const JsonTree& cost = m_results["cost"];
    QStringList services;
    const JsonTree byService = cost.value("byService", JsonTree::object());
    for (auto it = byService.begin(); it != byService.end(); ++it)
        services << QStringLiteral("%1 %2").arg(QString::fromStdString(it.key())).arg(it.value().get<double>(), 0, 'f', 2);
    m_cost->setText(tr("Estimated monthly cost at this load: %1 USD (%2; prices of %3).")
                        .arg(cost.value("monthlyTotal", 0.0), 0, 'f', 2)
                        .arg(services.join(QStringLiteral(", ")), QString::fromStdString(cost.value("pricesTakenOn", std::string()))));
    // Show first the resource that has time series (functions, queues, streams), else the first one.
    const JsonTree& series = m_results.value("series", JsonTree::object());
    QTreeWidgetItem* shown = m_table->topLevelItem(0);
    for (int i = m_table->topLevelItemCount() - 1; i >= 0; --i) {
        if (series.contains(m_table->topLevelItem(i)->text(0).toStdString()))
            shown = m_table->topLevelItem(i);
    }
    if (shown)
        m_table->setCurrentItem(shown);
}

void SimulationView::showSeries(const QString& resourceId)
{
    auto* chart = new QChart;
    chart->setTitle(resourceId);
    // The panel is short: the legend goes beside the plot, and the margins are thin.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(2, 2, 2, 2));
    const JsonTree& series = m_results.value("series", JsonTree::object());
    const std::string id = resourceId.toStdString();
    if (series.contains("t") && series.contains(id) && series[id].is_object()) {
        const JsonTree& times = series["t"];
        // Short labels and few ticks: the panel is small, and Qt Charts elides labels that do not fit.
        auto* x = new QValueAxis;
        x->setTitleText(tr("simulated seconds"));
        x->setLabelFormat(QStringLiteral("%.0f"));
        x->setTickCount(4);
        auto* y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%g"));
        y->setTickCount(3);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        double top = 1;
        for (auto it = series[id].begin(); it != series[id].end(); ++it) {
            auto* line = new QLineSeries;
            line->setName(QString::fromStdString(it.key()));
            for (std::size_t i = 0; i < it.value().size() && i < times.size(); ++i) {
                line->append(times[i].get<double>(), it.value()[i].get<double>());
                top = std::max(top, it.value()[i].get<double>());
            }
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        // The whole run along the bottom (round for round run lengths), nice steps up the side.
        x->setRange(0, m_results.value("duration_s", times.empty() ? 1.0 : times.back().get<double>()));
        y->setRange(0, top * 1.1);
        y->applyNiceNumbers();
    }
    QChart* previous = m_chart->chart();
    m_chart->setChart(chart);
    delete previous;
}

} // namespace tributary
