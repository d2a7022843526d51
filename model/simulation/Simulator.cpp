#include "model/simulation/Simulator.h"

#include "model/catalogue/Catalogue.h"
#include "model/simulation/ApiModel.h"
#include "model/simulation/CostEstimator.h"
#include "model/simulation/FanOutModel.h"
#include "model/simulation/FunctionModel.h"
#include "model/simulation/LinkFilter.h"
#include "model/simulation/LoadGenerator.h"
#include "model/simulation/PipeModel.h"
#include "model/simulation/QueueModel.h"
#include "model/simulation/QueuePoller.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/SimModel.h"
#include "model/simulation/SimRounding.h"
#include "model/simulation/StateMachineModel.h"
#include "model/simulation/StreamConsumer.h"
#include "model/simulation/StreamModel.h"

#include <QHash>

#include <algorithm>

namespace tributary {

namespace {

const QHash<QString, LinkMeaning>& meanings()
{
    static const QHash<QString, LinkMeaning> table = {
        {QStringLiteral("sync"), LinkMeaning::Sync},
        {QStringLiteral("async"), LinkMeaning::Async},
        {QStringLiteral("polled"), LinkMeaning::Polled},
        {QStringLiteral("stream"), LinkMeaning::Stream},
        {QStringLiteral("sdk"), LinkMeaning::Sdk},
        {QStringLiteral("onSuccess"), LinkMeaning::OnSuccess},
        {QStringLiteral("onFailure"), LinkMeaning::OnFailure},
        {QStringLiteral("deadLetter"), LinkMeaning::DeadLetter},
        {QStringLiteral("task"), LinkMeaning::Task},
        {QStringLiteral("pipeSource"), LinkMeaning::PipeSource},
        {QStringLiteral("pipeTarget"), LinkMeaning::PipeTarget},
    };
    return table;
}

struct FanOutKind
{
    const char* kind;
    const char* latencyKey;
    const char* latencyP99Key;
    bool snsRetries;
};

// Kinds that hand messages on to their targets, with the settings that give their delivery latency.
constexpr FanOutKind fanOutKinds[] = {
    {"topic", "deliveryLatencyMs", "deliveryLatencyP99Ms", true},
    {"eventBus", "deliveryLatencyMs", "deliveryLatencyP99Ms", false},
    {"eventRule", "matchLatencyMs", nullptr, false},
    {"bucket", "notificationLatencyMs", "notificationLatencyP99Ms", false},
    {"schedule", "invocationDelayMs", "invocationDelayP99Ms", false},
    {"firehose", "deliveryLatencyMs", nullptr, false},
};

const FanOutKind* fanOutKind(const QString& kind)
{
    for (const FanOutKind& candidate : fanOutKinds)
        if (kind == QLatin1String(candidate.kind))
            return &candidate;
    return nullptr;
}

} // namespace

Simulator::Simulator(const Architecture& architecture, const Catalogue& catalogue, const Scenario& scenario)
    : m_scenario(scenario)
{
    m_context.random = SimRandom(scenario.seed);
    m_context.end = simSeconds(scenario.durationSeconds);
    if (scenario.traceEvery > 0)
        m_context.trace = std::make_unique<Trace>(scenario.traceEvery);
    m_context.payloads = scenario.payloads();
    buildModels(architecture, catalogue);
    buildLinks(architecture, catalogue);
    buildEntries();
    for (const FailureSpec& failure : scenario.failures) {
        SimModel* target = model(failure.resource);
        if (!target)
            throw ScenarioError(QStringLiteral("simulation/failures: there is no resource '%1'.")
                                    .arg(QString::fromStdString(failure.resource)));
        target->addFailure(failure);
    }
    m_sampleEvery = scenario.sampleSeconds > 0 ? simSeconds(scenario.sampleSeconds)
                                               : std::max<SimTime>(1000, m_context.end / 120);
    for (const auto& model : m_models)
        model->start();
    m_context.schedule(0, -1, sampleEvent);
}

Simulator::~Simulator() = default;

void Simulator::addModel(std::unique_ptr<SimModel> model, const QString& cfnType)
{
    m_cfnTypes.push_back(cfnType);
    model->setIndex(static_cast<int>(m_models.size()));
    m_context.models.push_back(model.get());
    if (model->isResource())
        m_resourceModels.emplace(model->id(), model.get());
    m_models.push_back(std::move(model));
}

SimModel* Simulator::model(const std::string& id) const
{
    const auto found = m_resourceModels.find(id);
    return found == m_resourceModels.end() ? nullptr : found->second;
}

SimSettings Simulator::settingsOf(const Architecture& architecture, const Catalogue& catalogue,
                                  const QString& resourceId) const
{
    const Resource* resource = architecture.resource(resourceId);
    const ResourceKind* kind = resource ? catalogue.kind(resource->kind) : nullptr;
    const JsonTree defaults = kind ? kind->simulation : JsonTree::object();
    const std::string id = resourceId.toStdString();
    const auto override = m_scenario.overrides.find(id);
    return SimSettings(defaults, override == m_scenario.overrides.end() ? JsonTree() : *override,
                       "simulation/overrides/" + id);
}

void Simulator::buildModels(const Architecture& architecture, const Catalogue& catalogue)
{
    int accountConcurrency = 1000;
    int reservedTotal = 0;
    for (const Resource& resource : architecture.resources()) {
        const std::string id = resource.id.toStdString();
        SimSettings settings = settingsOf(architecture, catalogue, resource.id);
        if (resource.kind == QLatin1String("function")) {
            accountConcurrency = std::min(accountConcurrency,
                                          static_cast<int>(settings.number("accountConcurrency", accountConcurrency)));
            reservedTotal += std::max(0, static_cast<int>(settings.number("reservedConcurrency", resource.properties,
                                                                           "/ReservedConcurrentExecutions", 0)));
            addModel(std::make_unique<FunctionModel>(m_context, resource, std::move(settings)), resource.cfnType);
        } else if (resource.kind == QLatin1String("queue")) {
            addModel(std::make_unique<QueueModel>(m_context, resource, std::move(settings)), resource.cfnType);
        } else if (resource.kind == QLatin1String("stream") || resource.kind == QLatin1String("table")) {
            addModel(std::make_unique<StreamModel>(m_context, resource, std::move(settings)), resource.cfnType);
        } else if (resource.kind == QLatin1String("pipe")) {
            addModel(std::make_unique<PipeModel>(m_context, resource, std::move(settings)), resource.cfnType);
        } else if (resource.kind == QLatin1String("stateMachine")) {
            addModel(std::make_unique<StateMachineModel>(m_context, resource, std::move(settings), m_context.payloads),
                     resource.cfnType);
        } else if (resource.kind == QLatin1String("httpApi") || resource.kind == QLatin1String("restApi")) {
            addModel(std::make_unique<ApiModel>(m_context, resource, std::move(settings)), resource.cfnType);
        } else if (const FanOutKind* fanOut = fanOutKind(resource.kind)) {
            RetryPolicy retries = fanOut->snsRetries ? RetryPolicy::sns(settings) : RetryPolicy::eventBridge(settings);
            addModel(std::make_unique<FanOutModel>(m_context, resource, std::move(settings), fanOut->latencyKey,
                                                   fanOut->latencyP99Key, std::move(retries)), resource.cfnType);
        } else {
            addModel(std::make_unique<SimModel>(m_context, id, resource.kind.toStdString(), std::move(settings)), resource.cfnType);
        }
    }
    for (auto it = m_scenario.overrides.begin(); it != m_scenario.overrides.end(); ++it)
        if (!architecture.resource(QString::fromStdString(it.key())))
            throw ScenarioError(QStringLiteral("simulation/overrides/%1: there is no such resource.")
                                    .arg(QString::fromStdString(it.key())));
    m_context.unreservedLimit = std::max(0, accountConcurrency - reservedTotal);
}

std::vector<int> Simulator::emittedPayloads(const std::string& function, const std::string& target,
                                            std::vector<char>& used) const
{
    std::vector<int> payloads;
    for (std::size_t i = 0; i < m_scenario.emits.size(); ++i) {
        const EmitSpec& emit = m_scenario.emits[i];
        if (emit.function != function || emit.target != target)
            continue;
        used[i] = 1;
        for (std::size_t k = 0; k < emit.payloads.size(); ++k)
            payloads.push_back(m_scenario.firstPayloadOf(i) + static_cast<int>(k));
    }
    return payloads;
}

void Simulator::buildLinks(const Architecture& architecture, const Catalogue& catalogue)
{
    std::vector<char> emitUsed(m_scenario.emits.size(), 0);
    m_context.connections.resize(architecture.connections().size());
    int index = 0;
    for (const Connection& connection : architecture.connections()) {
        const int connectionIndex = index++;
        m_connectionIds.push_back(connection.id.toStdString());
        const ConnectionRule* rule = catalogue.rule(connection.rule);
        if (!rule || !meanings().contains(rule->meaning))
            continue;
        SimModel* source = model(connection.source.toStdString());
        SimModel* target = model(connection.target.toStdString());
        if (!source || !target)
            continue;
        SimLink link;
        link.connection = connectionIndex;
        link.target = target;
        link.meaning = meanings().value(rule->meaning);
        link.passes = LinkFilter::passes(connection, architecture, m_context.payloads);
        if (link.meaning == LinkMeaning::Sdk && source->kind() == "function")
            link.emits = emittedPayloads(source->id(), target->id(), emitUsed);
        if ((link.meaning == LinkMeaning::Polled || link.meaning == LinkMeaning::PipeSource) && source->kind() == "queue") {
            auto* queue = static_cast<QueueModel*>(source);
            auto poller = std::make_unique<QueuePoller>(m_context, queue, std::move(link), connection,
                                                        settingsOf(architecture, catalogue, connection.source));
            queue->addPoller(poller.get());
            addModel(std::move(poller));
            continue;
        }
        if ((link.meaning == LinkMeaning::Stream || link.meaning == LinkMeaning::PipeSource)
            && (source->kind() == "stream" || source->kind() == "table")) {
            auto* stream = static_cast<StreamModel*>(source);
            auto consumer = std::make_unique<StreamConsumer>(m_context, stream->id(), std::move(link), connection,
                                                             stream->shards(),
                                                             settingsOf(architecture, catalogue, connection.source));
            stream->addConsumer(consumer.get());
            addModel(std::move(consumer));
            continue;
        }
        source->addLink(std::move(link));
    }
    for (const auto& each : m_models) {
        if (auto* fanOut = dynamic_cast<FanOutModel*>(each.get()))
            fanOut->configureTargets(architecture, [this](const std::string& id) { return model(id); });
        else if (auto* api = dynamic_cast<ApiModel*>(each.get()))
            api->configureRoutes(architecture, m_scenario.entries);
    }
    for (std::size_t i = 0; i < emitUsed.size(); ++i)
        if (!emitUsed[i]) {
            const EmitSpec& emit = m_scenario.emits[i];
            throw ScenarioError(QStringLiteral("simulation/overrides/%1/emits/%2: %1 has no SDK edge to %2 (a function "
                                               "emits only along the edges its code sends on).")
                                    .arg(QString::fromStdString(emit.function), QString::fromStdString(emit.target)));
        }
}

void Simulator::buildEntries()
{
    for (std::size_t i = 0; i < m_scenario.entries.size(); ++i) {
        const EntrySpec& entry = m_scenario.entries[i];
        SimModel* target = model(entry.resource);
        if (!target)
            throw ScenarioError(QStringLiteral("simulation/entries/%1/resource: there is no resource '%2'.")
                                    .arg(i)
                                    .arg(QString::fromStdString(entry.resource)));
        const bool invokeSync = target->kind() == "function" && entry.invocation != "async";
        auto generator = std::make_unique<LoadGenerator>(m_context, entry, static_cast<int>(i), target, invokeSync);
        m_generators.push_back(generator.get());
        addModel(std::move(generator));
    }
}

bool Simulator::step()
{
    if (m_finished)
        return false;
    if (m_context.events.empty() || m_context.events.top().time >= m_context.end) {
        settle();
        return false;
    }
    dispatch(m_context.events.pop());
    return true;
}

inline void Simulator::dispatch(const SimEvent& event)
{
    m_context.now = event.time;
    ++m_events;
    if (event.model < 0)
        sample();
    else
        m_context.models[static_cast<std::size_t>(event.model)]->handle(event);
}

void Simulator::runUntil(SimTime until)
{
    const SimTime limit = std::min(until, m_context.end);
    while (!m_context.events.empty() && m_context.events.top().time < limit)
        dispatch(m_context.events.pop());
    if (until >= m_context.end)
        settle();
}

void Simulator::run()
{
    runUntil(m_context.end);
}

void Simulator::sample()
{
    m_sampleTimes.push_back(static_cast<double>(m_context.now) / simMicrosPerSecond);
    for (const auto& model : m_models)
        model->sample();
    if (m_context.now + m_sampleEvery < m_context.end)
        m_context.schedule(m_context.now + m_sampleEvery, -1, sampleEvent);
}

void Simulator::settle()
{
    if (m_finished)
        return;
    m_finished = true;
    m_context.now = m_context.end;
    for (const auto& model : m_models)
        model->finish();
}

SimulatedUsage Simulator::usage() const
{
    SimulatedUsage usage;
    usage.simulatedSeconds = static_cast<double>(m_context.end) / simMicrosPerSecond;
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        const SimModel& model = *m_models[i];
        if (!model.isResource())
            continue;
        ResourceUsage resource;
        resource.resourceId = QString::fromStdString(model.id());
        resource.kind = QString::fromStdString(model.kind());
        resource.cfnType = m_cfnTypes[i];
        model.addUsage(resource);
        usage.resources.push_back(std::move(resource));
    }
    return usage;
}

JsonTree Simulator::costJson() const
{
    static const PriceTable prices = PriceTable::load(PriceTable::builtInPath());
    return CostEstimator::estimate(usage(), prices).toJson();
}

JsonTree Simulator::resultsJson() const
{
    JsonTree json = JsonTree::object();
    json["seed"] = m_scenario.seed;
    json["duration_s"] = SimRounding::round(static_cast<double>(m_context.end) / simMicrosPerSecond, 6);
    json["events"] = m_events;
    JsonTree entries = JsonTree::array();
    for (const LoadGenerator* generator : m_generators) {
        JsonTree entry = JsonTree::object();
        entry["resource"] = generator->id().substr(6);
        entry["generated"] = generator->generated();
        entry["refused"] = generator->refused();
        entries.push_back(std::move(entry));
    }
    json["entries"] = std::move(entries);
    JsonTree resources = JsonTree::object();
    JsonTree series = JsonTree::object();
    JsonTree times = JsonTree::array();
    for (double t : m_sampleTimes)
        times.push_back(SimRounding::round(t, 3));
    series["t"] = std::move(times);
    for (const auto& model : m_models) {
        if (!model->isResource())
            continue;
        resources[model->id()] = model->toJson();
        JsonTree own = model->seriesJson();
        if (!own.empty())
            series[model->id()] = std::move(own);
    }
    json["resources"] = std::move(resources);
    JsonTree connections = JsonTree::object();
    for (std::size_t i = 0; i < m_connectionIds.size(); ++i) {
        const ConnectionStats& stats = m_context.connections[i];
        JsonTree connection = JsonTree::object();
        connection["delivered"] = stats.delivered;
        connection["filtered"] = stats.filtered;
        connection["refused"] = stats.refused;
        connections[m_connectionIds[i]] = std::move(connection);
    }
    json["connections"] = std::move(connections);
    json["cost"] = costJson();
    json["series"] = std::move(series);
    return json;
}

} // namespace tributary
