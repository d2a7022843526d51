#include "model/simulation/FanOutModel.h"

#include "model/References.h"
#include "model/tree/JsonTreeEdit.h"

#include <QRegularExpression>
#include <QString>

namespace tributary {

FanOutModel::FanOutModel(SimContext& context, const Resource& resource, SimSettings settings, const char* latencyKey,
                         const char* latencyP99Key, RetryPolicy retryPolicy)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
    , m_retryPolicy(std::move(retryPolicy))
{
    const double median = latencyKey ? m_settings.number(latencyKey, 0) : 0;
    const double p99 = latencyP99Key ? m_settings.number(latencyP99Key, median) : median;
    m_latency = m_settings.has("latency") ? m_settings.distribution("latency", SimDistribution())
                                          : SimDistribution::lognormal(median, p99);
    const double every = scheduleInterval(SimSettings::templateText(resource.properties, "/ScheduleExpression", ""));
    m_scheduleEvery = simSeconds(every);
}

double FanOutModel::scheduleInterval(const std::string& expression)
{
    const QString text = QString::fromStdString(expression).trimmed();
    static const QRegularExpression rate(QStringLiteral("^rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)$"));
    const QRegularExpressionMatch r = rate.match(text);
    if (r.hasMatch()) {
        const QString unit = r.captured(2);
        const double factor = unit.startsWith(QLatin1String("minute")) ? 60 : unit.startsWith(QLatin1String("hour")) ? 3600 : 86400;
        return r.captured(1).toDouble() * factor;
    }
    static const QRegularExpression cron(QStringLiteral("^cron\\(\\s*(\\S+)\\s+(\\S+)\\s+.*\\)$"));
    const QRegularExpressionMatch c = cron.match(text);
    if (!c.hasMatch())
        return 0;
    const QString minute = c.captured(1);
    const QString hour = c.captured(2);
    const auto stepOf = [](const QString& field) {
        return field.startsWith(QLatin1String("0/")) || field.startsWith(QLatin1String("*/")) ? field.mid(2).toDouble() : 0.0;
    };
    if (minute == QLatin1String("*"))
        return 60;
    if (stepOf(minute) > 0)
        return stepOf(minute) * 60;
    if (hour == QLatin1String("*"))
        return 3600;
    if (stepOf(hour) > 0)
        return stepOf(hour) * 3600;
    return 86400;
}

void FanOutModel::configureTargets(const Architecture& architecture,
                                   const std::function<SimModel*(const std::string&)>& modelOf)
{
    m_targets.clear();
    // A schedule's one target is its own Target property; other kinds keep each target's settings on its edge.
    const Resource* own = architecture.resource(QString::fromStdString(m_id));
    const JsonTree* scheduleTarget = own && m_kind == "schedule" && own->properties.contains("Target")
        ? &own->properties["Target"]
        : nullptr;
    for (const SimLink& link : m_links) {
        const JsonTree& properties = scheduleTarget
            ? *scheduleTarget
            : architecture.connections()[static_cast<std::size_t>(link.connection)].properties;
        Target target{m_retryPolicy.forTarget(m_settings, properties)};
        target.deadLetter = deadLetterOf(properties, modelOf, target.deadLetterQueue);
        m_targets.push_back(std::move(target));
    }
}

bool FanOutModel::deadLetterOf(const JsonTree& properties, const std::function<SimModel*(const std::string&)>& modelOf,
                               SimModel*& queue)
{
    for (const char* pointer : {"/RedrivePolicy", "/DeadLetterConfig"}) {
        const std::optional<JsonTree> value = JsonTreeEdit::valueAt(properties, QString::fromLatin1(pointer));
        if (!value || value->is_null())
            continue;
        References::visit(*value, "", [&](const std::string&, const std::string& id) {
            if (!queue)
                queue = modelOf(id);
        });
        return true;
    }
    return false;
}

void FanOutModel::start()
{
    if (m_scheduleEvery > 0 && m_scheduleEvery < m_context.end)
        m_context.schedule(m_scheduleEvery, m_index, Tick);
}

bool FanOutModel::receive(int message)
{
    const FailureState failure = failureNow();
    if (failure.outage || failure.throttle) {
        ++m_throttles;
        return false;
    }
    recordArrival(message);
    m_context.schedule(m_context.now + m_latency.sample(m_context.random) + failure.addedLatency, m_index, Deliver,
                       message);
    return true;
}

void FanOutModel::handle(const SimEvent& event)
{
    switch (event.type) {
    case Deliver:
        deliver(static_cast<int>(event.a));
        break;
    case Retry: {
        const int message = static_cast<int>(event.a);
        const int link = static_cast<int>(event.b & 0xffff);
        const int attempt = static_cast<int>(event.b >> 16);
        const int copy = m_context.messages.copy(message, m_context.now);
        const SimLink& l = m_links[static_cast<std::size_t>(link)];
        ConnectionStats& stats = m_context.connections[static_cast<std::size_t>(l.connection)];
        if (l.target->receive(copy)) {
            ++stats.delivered;
            ++m_deliveries;
            m_context.messages.release(message);
        } else {
            ++stats.refused;
            m_context.messages.release(copy);
            retry(message, link, attempt + 1);
        }
        break;
    }
    case Tick: {
        ++m_scheduled;
        const int message = m_context.messages.create(m_context.now, -1, 0);
        deliver(message);
        if (m_context.now + m_scheduleEvery < m_context.end)
            m_context.schedule(m_context.now + m_scheduleEvery, m_index, Tick);
        break;
    }
    default:
        break;
    }
}

void FanOutModel::deliver(int message)
{
    ++m_succeeded;
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        const SimLink& link = m_links[i];
        if (link.meaning != LinkMeaning::Async && link.meaning != LinkMeaning::Sdk)
            continue;
        const Delivery delivery = deliverCopy(link, message);
        if (delivery == Delivery::Taken)
            ++m_deliveries;
        else if (delivery == Delivery::Refused)
            retry(m_context.messages.copy(message, m_context.now), static_cast<int>(i), 1);
    }
    m_context.messages.release(message);
}

void FanOutModel::retry(int message, int link, int attempt)
{
    const Target& target = m_targets[static_cast<std::size_t>(link)];
    const SimTime delay = target.retries.delayBefore(attempt, m_context.now - m_context.messages[message].arrived);
    if (delay < 0) {
        giveUp(message, target);
        return;
    }
    ++m_retries;
    m_context.schedule(m_context.now + delay, m_index, Retry, message,
                       static_cast<std::int64_t>(link) | (static_cast<std::int64_t>(attempt) << 16));
}

void FanOutModel::giveUp(int message, const Target& target)
{
    if (!target.deadLetter) {
        ++m_dropped;
        m_context.traceHop(message, m_index, TraceStep::Drop);
        m_context.messages.release(message);
        return;
    }
    m_context.traceHop(message, m_index, TraceStep::DeadLetter);
    SimModel* queue = target.deadLetterQueue;
    if (queue && queue->receive(message)) {
        ++m_deadLettered;
        return;
    }
    ++(queue ? m_dropped : m_deadLettered);
    m_context.messages.release(message);
}

void FanOutModel::addUsage(ResourceUsage& usage) const
{
    usage.requests = static_cast<double>(m_received + m_scheduled);
}

void FanOutModel::addJson(JsonTree& json) const
{
    json["deliveries"] = m_deliveries;
    if (m_scheduleEvery > 0)
        json["scheduledEvents"] = m_scheduled;
}

} // namespace tributary
