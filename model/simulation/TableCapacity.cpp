#include "model/simulation/TableCapacity.h"

namespace tributary {

TableCapacity::TableCapacity(const Resource& resource, const SimSettings& settings)
{
    if (resource.kind != QLatin1String("table"))
        return;
    const JsonTree& p = resource.properties;
    m_writeUnits = settings.number("writeCapacityUnits", p, "/ProvisionedThroughput/WriteCapacityUnits", 0);
    m_readUnits = settings.number("readCapacityUnits", p, "/ProvisionedThroughput/ReadCapacityUnits", 0);
    m_provisioned = SimSettings::templateText(p, "/BillingMode", "PROVISIONED") != "PAY_PER_REQUEST" && m_writeUnits > 0;
    if (m_provisioned)
        m_writes = TokenBucket(m_writeUnits, m_writeUnits * settings.number("provisionedBurstSeconds", 300));
}

void TableCapacity::addUsage(ResourceUsage& usage, double seconds, std::uint64_t writes) const
{
    if (!m_provisioned) {
        usage.writeUnits = static_cast<double>(writes);
        return;
    }
    const double hours = seconds / 3600;
    usage.otherUnits[QStringLiteral("writeCapacityUnitHours")] = m_writeUnits * hours;
    usage.otherUnits[QStringLiteral("readCapacityUnitHours")] = m_readUnits * hours;
}

} // namespace tributary
