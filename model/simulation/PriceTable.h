#pragma once

#include <QString>

#include <map>
#include <vector>

namespace tributary {

/**
 * Public on-demand prices as data (resources/pricing/aws-prices.yaml): per catalogue kind, the
 * service it is billed as and its meters, each a USD price per unit of one ResourceUsage count,
 * optionally different per variant.
 */
class PriceTable
{
public:
    struct Meter {
        /** A ResourceUsage field ("requests", "computeGbSeconds", …) or a key of its otherUnits. */
        QString name;
        double usdPerUnit = 0;
        std::map<QString, double> usdPerUnitByVariant;

        /** The price per unit for `variant`, the default price when the variant has none of its own. */
        double usdPerUnitFor(const QString& variant) const;
    };
    struct Service {
        QString kind;
        QString name;
        std::vector<Meter> meters;
    };

    /** The path of the built-in table in the Qt resources. */
    static QString builtInPath();

    /**
     * Reads and checks a price table; throws MessageError naming the file, the key and the line
     * of the first problem.
     */
    static PriceTable load(const QString& path);

    const QString& takenOn() const { return m_takenOn; }
    const QString& currency() const { return m_currency; }
    const QString& region() const { return m_region; }
    const std::vector<Service>& services() const { return m_services; }

    /** The service that prices a resource of the catalogue kind `kind`, or nullptr. */
    const Service* find(const QString& kind) const;

private:
    QString m_takenOn;
    QString m_currency;
    QString m_region;
    std::vector<Service> m_services;
};

} // namespace tributary
