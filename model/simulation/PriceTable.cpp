#include "model/simulation/PriceTable.h"

#include "model/catalogue/DescriptorFile.h"

#include <QDate>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace tributary {

namespace {

const std::vector<std::pair<std::string, double>>& priceUnits()
{
    static const std::vector<std::pair<std::string, double>> units = {
        {"perUnit", 1.0}, {"perThousand", 1e3}, {"perMillion", 1e6}};
    return units;
}

void requireKnownKeys(const DescriptorFile& file, const std::string& pointer, const QSet<QString>& known)
{
    const JsonTree& object = file.requireObject(pointer);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(QString::fromStdString(it.key()))) {
            QStringList names = known.values();
            names.sort();
            file.fail(pointer + "/" + it.key(),
                      QStringLiteral("is not a known key here (known: %1)").arg(names.join(QStringLiteral(", "))));
        }
    }
}

/** The price per unit at pointer: an object with exactly one of perUnit, perThousand, perMillion. */
double readPrice(const DescriptorFile& file, const std::string& pointer, bool allowVariants)
{
    QSet<QString> known = {QStringLiteral("perUnit"), QStringLiteral("perThousand"), QStringLiteral("perMillion"),
                           QStringLiteral("note")};
    if (allowVariants)
        known.insert(QStringLiteral("variants"));
    requireKnownKeys(file, pointer, known);
    const auto given = std::count_if(priceUnits().begin(), priceUnits().end(),
                                     [&](const auto& unit) { return file.find(pointer + "/" + unit.first) != nullptr; });
    if (given != 1)
        file.fail(pointer, QStringLiteral("must give exactly one of perUnit, perThousand and perMillion"));
    for (const auto& [key, units] : priceUnits()) {
        const JsonTree* value = file.find(pointer + "/" + key);
        if (!value)
            continue;
        // The YAML reader keeps decimals such as 0.20 as text, so that templates keep their spelling.
        bool isNumber = value->is_number();
        const double usd = isNumber ? value->get<double>()
            : value->is_string()    ? QString::fromStdString(value->get<std::string>()).toDouble(&isNumber)
                                    : 0;
        if (!isNumber || usd < 0)
            file.fail(pointer + "/" + key, QStringLiteral("must be a price in USD, a number not below 0"));
        return usd / units;
    }
    return 0;
}

PriceTable::Meter readMeter(const DescriptorFile& file, const std::string& pointer, const std::string& name)
{
    PriceTable::Meter meter;
    meter.name = QString::fromStdString(name);
    meter.usdPerUnit = readPrice(file, pointer, true);
    if (file.find(pointer + "/variants")) {
        const JsonTree& variants = file.requireObject(pointer + "/variants");
        for (auto it = variants.begin(); it != variants.end(); ++it)
            meter.usdPerUnitByVariant[QString::fromStdString(it.key())] =
                readPrice(file, pointer + "/variants/" + it.key(), false);
    }
    return meter;
}

PriceTable::Service readService(const DescriptorFile& file, const std::string& kind)
{
    const std::string pointer = "/services/" + kind;
    requireKnownKeys(file, pointer,
                     {QStringLiteral("service"), QStringLiteral("source"), QStringLiteral("freeTierIgnored"),
                      QStringLiteral("note"), QStringLiteral("meters")});
    PriceTable::Service service;
    service.kind = QString::fromStdString(kind);
    service.name = file.requireString(pointer + "/service");
    file.requireString(pointer + "/source");
    const JsonTree& meters = file.requireObject(pointer + "/meters");
    if (meters.empty())
        file.fail(pointer + "/meters", QStringLiteral("must name at least one meter"));
    for (auto it = meters.begin(); it != meters.end(); ++it)
        service.meters.push_back(readMeter(file, pointer + "/meters/" + it.key(), it.key()));
    return service;
}

} // namespace

double PriceTable::Meter::usdPerUnitFor(const QString& variant) const
{
    const auto found = usdPerUnitByVariant.find(variant);
    return found == usdPerUnitByVariant.end() ? usdPerUnit : found->second;
}

QString PriceTable::builtInPath()
{
    return QStringLiteral(":/pricing/aws-prices.yaml");
}

PriceTable PriceTable::load(const QString& path)
{
    const DescriptorFile file(path);
    requireKnownKeys(file, "", {QStringLiteral("takenOn"), QStringLiteral("currency"), QStringLiteral("region"),
                                QStringLiteral("services")});
    PriceTable table;
    table.m_takenOn = file.requireString("/takenOn");
    if (!QDate::fromString(table.m_takenOn, Qt::ISODate).isValid())
        file.fail("/takenOn", QStringLiteral("'%1' is not a date written YYYY-MM-DD").arg(table.m_takenOn));
    table.m_currency = file.requireString("/currency");
    table.m_region = file.requireString("/region");
    const JsonTree& services = file.requireObject("/services");
    for (auto it = services.begin(); it != services.end(); ++it)
        table.m_services.push_back(readService(file, it.key()));
    if (table.m_services.empty())
        file.fail("/services", QStringLiteral("must price at least one kind"));
    return table;
}

const PriceTable::Service* PriceTable::find(const QString& kind) const
{
    const auto found = std::find_if(m_services.begin(), m_services.end(),
                                    [&kind](const Service& service) { return service.kind == kind; });
    return found == m_services.end() ? nullptr : &*found;
}

} // namespace tributary
