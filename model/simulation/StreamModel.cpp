#include "model/simulation/StreamModel.h"

#include "model/simulation/StreamConsumer.h"

namespace tributary {

StreamModel::StreamModel(SimContext& context, const Resource& resource, SimSettings settings)
    : SimModel(context, resource.id.toStdString(), resource.kind.toStdString(), std::move(settings))
    , m_capacity(resource, m_settings)
{
    const JsonTree& p = resource.properties;
    m_kinesis = resource.kind == QLatin1String("stream");
    const bool onDemand = SimSettings::templateText(p, "/StreamModeDetails/StreamMode", "PROVISIONED") == "ON_DEMAND";
    const double initial = m_kinesis ? (onDemand ? m_settings.number("onDemandInitialShards", 4) : 1) : 1;
    m_shards = std::max(1, static_cast<int>(m_settings.number("shards", p, "/ShardCount", initial)));
    const double perShard = m_settings.number("shardWriteRecordsPerSecond", 1000);
    if (m_kinesis)
        m_writeLimits.assign(static_cast<std::size_t>(m_shards), TokenBucket(perShard, perShard));
}

bool StreamModel::receive(int message)
{
    const FailureState failure = failureNow();
    const SimMessage& m = m_context.messages[message];
    // The shard of the record's partition key (its payload and key index stand for the key).
    const int shard = static_cast<int>((static_cast<std::uint64_t>(m.payload + 1) * 7919u + static_cast<std::uint64_t>(m.key))
                                       % static_cast<std::uint64_t>(m_shards));
    if (failure.outage || failure.throttle
        || (m_kinesis && !m_writeLimits[static_cast<std::size_t>(shard)].take(m_context.now))
        || !m_capacity.admitWrite(m_context.now)) {
        ++m_throttles;
        return false;
    }
    recordArrival(message);
    ++m_succeeded;
    m_context.messages[message].arrived = m_context.now;
    for (StreamConsumer* consumer : m_consumers)
        consumer->append(shard, m_context.messages.copy(message, m_context.now));
    m_context.messages.release(message);
    return true;
}

void StreamModel::addJson(JsonTree& json) const
{
    json["shards"] = m_shards;
    JsonTree consumers = JsonTree::object();
    for (const StreamConsumer* consumer : m_consumers)
        consumers[consumer->targetId()] = consumer->consumerJson();
    json["consumers"] = std::move(consumers);
}

void StreamModel::addUsage(ResourceUsage& usage) const
{
    if (m_kinesis) {
        usage.payloadUnits = static_cast<double>(m_received);
        usage.shardHours = m_shards * static_cast<double>(m_context.end) / simMicrosPerSecond / 3600;
    } else {
        m_capacity.addUsage(usage, static_cast<double>(m_context.end) / simMicrosPerSecond, m_received);
    }
}

} // namespace tributary
