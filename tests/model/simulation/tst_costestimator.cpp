// The price table and the cost estimate: the built-in table loads and prices every kind the
// simulator bills; figures computed by hand from public prices; scaling to a 730-hour month;
// totals per service; broken tables fail naming the file, key and line.

#include "model/MessageError.h"
#include "model/simulation/CostEstimator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tributary;

namespace {

constexpr double month = 730 * 3600;

ResourceUsage usageOf(const char* id, const char* kind)
{
    ResourceUsage usage;
    usage.resourceId = QString::fromUtf8(id);
    usage.kind = QString::fromUtf8(kind);
    return usage;
}

/** One million invocations of a 128 MB function lasting 100 ms each. */
ResourceUsage millionSmallInvocations(const char* id)
{
    ResourceUsage usage = usageOf(id, "function");
    usage.requests = 1e6;
    usage.computeGbSeconds = 1e6 * 0.1 * (128.0 / 1024);
    return usage;
}

} // namespace

class TestCostEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtInTableLoads();
    void lambdaByHand();
    void scalesToAMonth();
    void variantsAndOtherServices();
    void totalsByService();
    void unpricedResources();
    void jsonShape();
    void refusesAnEmptyPeriod();
    void brokenTables_data();
    void brokenTables();

private:
    QString writeTable(const QByteArray& text);

    PriceTable m_prices;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCostEstimator::initTestCase()
{
    m_prices = PriceTable::load(PriceTable::builtInPath());
    QVERIFY(m_dir.isValid());
}

void TestCostEstimator::builtInTableLoads()
{
    QCOMPARE(m_prices.currency(), QStringLiteral("USD"));
    QCOMPARE(m_prices.region(), QStringLiteral("us-east-1"));
    QCOMPARE(m_prices.takenOn(), QStringLiteral("2026-12-02"));
    for (const char* kind : {"function", "queue", "topic", "eventBus", "eventRule", "pipe", "schedule", "stateMachine",
                             "httpApi", "restApi", "stream", "table", "bucket"})
        QVERIFY2(m_prices.find(QString::fromUtf8(kind)), kind);
    QVERIFY(!m_prices.find(QStringLiteral("userPool")));
}

void TestCostEstimator::lambdaByHand()
{
    // 1,000,000 × $0.20/M = $0.20; 12,500 GB-s × $0.0000166667 = $0.20833375; arm64: × $0.0000133334 = $0.1666675.
    SimulatedUsage usage;
    usage.simulatedSeconds = month;
    usage.resources.push_back(millionSmallInvocations("X86"));
    usage.resources.push_back(millionSmallInvocations("Arm"));
    usage.resources.back().variant = QStringLiteral("arm64");
    const CostEstimate estimate = CostEstimator::estimate(usage, m_prices);
    QCOMPARE(estimate.byResource.size(), std::size_t(2));
    QVERIFY(qFuzzyCompare(estimate.byResource[0].monthlyUsd, 0.40833375));
    QVERIFY(qFuzzyCompare(estimate.byResource[0].monthlyUsdByMeter.at(QStringLiteral("requests")), 0.20));
    QVERIFY(qFuzzyCompare(estimate.byResource[1].monthlyUsd, 0.3666675));
    QVERIFY(qFuzzyCompare(estimate.monthlyTotal, 0.40833375 + 0.3666675));
    QCOMPARE(estimate.byResource[0].service, QStringLiteral("AWS Lambda"));
}

void TestCostEstimator::scalesToAMonth()
{
    // The same invocations in one simulated hour happen 730 times in a month.
    SimulatedUsage usage;
    usage.simulatedSeconds = 3600;
    usage.resources.push_back(millionSmallInvocations("Fn"));
    QVERIFY(qFuzzyCompare(CostEstimator::estimate(usage, m_prices).monthlyTotal, 730 * 0.40833375));
    // One Kinesis shard for ten simulated minutes is one shard for the month: 730 h × $0.015.
    SimulatedUsage stream;
    stream.simulatedSeconds = 600;
    stream.resources.push_back(usageOf("Stream", "stream"));
    stream.resources.back().shardHours = 600.0 / 3600;
    QVERIFY(qFuzzyCompare(CostEstimator::estimate(stream, m_prices).monthlyTotal, 10.95));
}

void TestCostEstimator::variantsAndOtherServices()
{
    SimulatedUsage usage;
    usage.simulatedSeconds = month;
    auto add = [&usage](const char* id, const char* kind, const char* variant) -> ResourceUsage& {
        usage.resources.push_back(usageOf(id, kind));
        usage.resources.back().variant = QString::fromUtf8(variant);
        return usage.resources.back();
    };
    add("Standard", "queue", "").requests = 2e6;                 // 2 × $0.40
    add("Fifo", "queue", "fifo").requests = 2e6;                 // 2 × $0.50
    add("Sfn", "stateMachine", "").stateTransitions = 10000;     // 10 × $0.025
    ResourceUsage& express = add("Express", "stateMachine", "express");
    express.requests = 1e6;                                      // $1.00
    express.computeGbSeconds = 1000;                             // 1,000 × $0.00001667
    express.stateTransitions = 5e6;                              // free for Express
    ResourceUsage& table = add("Table", "table", "");
    table.readUnits = 4e6;                                       // 4 × $0.125
    table.writeUnits = 2e6;                                      // 2 × $0.625
    ResourceUsage& bucket = add("Bucket", "bucket", "");
    bucket.writeUnits = 10000;                                   // 10 × $0.005
    bucket.readUnits = 100000;                                   // 100 × $0.0004
    ResourceUsage& topic = add("Topic", "topic", "");
    topic.requests = 1e6;                                        // $0.50
    topic.otherUnits[QStringLiteral("httpDeliveries")] = 1e6;    // $0.60
    topic.otherUnits[QStringLiteral("sqsDeliveries")] = 5e6;     // free
    add("Rest", "httpApi", "rest").requests = 1e6;               // $3.50
    add("Http", "httpApi", "").requests = 1e6;                   // $1.00

    const CostEstimate estimate = CostEstimator::estimate(usage, m_prices);
    const std::vector<double> expected = {0.80, 1.00, 0.25, 1.0 + 0.01667, 0.5 + 1.25, 0.05 + 0.04, 1.10, 3.50, 1.00};
    QCOMPARE(estimate.byResource.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(qAbs(estimate.byResource[i].monthlyUsd - expected[i]) < 1e-9,
                 qPrintable(QStringLiteral("%1: %2 instead of %3")
                                .arg(estimate.byResource[i].resourceId)
                                .arg(estimate.byResource[i].monthlyUsd, 0, 'f', 9)
                                .arg(expected[i])));
}

void TestCostEstimator::totalsByService()
{
    SimulatedUsage usage;
    usage.simulatedSeconds = month;
    usage.resources.push_back(millionSmallInvocations("A"));
    usage.resources.push_back(usageOf("Bus", "eventBus"));
    usage.resources.back().requests = 3e6;
    usage.resources.push_back(usageOf("Rule", "eventRule"));
    usage.resources.back().requests = 3e6;
    usage.resources.push_back(millionSmallInvocations("B"));
    const CostEstimate estimate = CostEstimator::estimate(usage, m_prices);
    QCOMPARE(estimate.byService.size(), std::size_t(2));
    QCOMPARE(estimate.byService[0].first, QStringLiteral("AWS Lambda"));
    QVERIFY(qFuzzyCompare(estimate.byService[0].second, 2 * 0.40833375));
    QCOMPARE(estimate.byService[1].first, QStringLiteral("Amazon EventBridge"));
    QVERIFY(qFuzzyCompare(estimate.byService[1].second, 3.0));
    QVERIFY(qFuzzyCompare(estimate.monthlyTotal, 2 * 0.40833375 + 3.0));
}

void TestCostEstimator::unpricedResources()
{
    SimulatedUsage usage;
    usage.simulatedSeconds = month;
    usage.resources.push_back(usageOf("Users", "userPool"));
    usage.resources.back().requests = 1e9;
    ResourceUsage generic = usageOf("Legacy", "generic");
    generic.cfnType = QStringLiteral("AWS::Kinesis::Stream");
    generic.shardHours = 730;
    usage.resources.push_back(generic);
    const CostEstimate estimate = CostEstimator::estimate(usage, m_prices);
    QCOMPARE(estimate.unpricedResources, (QStringList{QStringLiteral("Users"), QStringLiteral("Legacy")}));
    QCOMPARE(estimate.byResource.size(), std::size_t(2));
    QCOMPARE(estimate.byResource[0].monthlyUsd, 0.0);
    QVERIFY(estimate.byResource[0].service.isEmpty());
    QCOMPARE(estimate.byResource[1].monthlyUsd, 0.0);
    QCOMPARE(estimate.monthlyTotal, 0.0);
}

void TestCostEstimator::jsonShape()
{
    SimulatedUsage usage;
    usage.simulatedSeconds = month;
    usage.resources.push_back(millionSmallInvocations("Fn"));
    usage.resources.push_back(usageOf("Nothing", "userPool"));
    const JsonTree json = CostEstimator::estimate(usage, m_prices).toJson();
    QCOMPARE(json["currency"].get<std::string>(), std::string("USD"));
    QCOMPARE(json["pricesTakenOn"].get<std::string>(), std::string("2026-12-02"));
    QVERIFY(qFuzzyCompare(json["monthlyTotal"].get<double>(), 0.40833375));
    QVERIFY(qFuzzyCompare(json["byService"]["AWS Lambda"].get<double>(), 0.40833375));
    QVERIFY(qFuzzyCompare(json["byResource"]["Fn"].get<double>(), 0.40833375));
    QCOMPARE(json["byResource"]["Nothing"].get<double>(), 0.0);
    QVERIFY(json["unpricedResources"] == JsonTree::array({"Nothing"}));
}

void TestCostEstimator::refusesAnEmptyPeriod()
{
    SimulatedUsage usage;
    usage.resources.push_back(millionSmallInvocations("Fn"));
    QVERIFY_THROWS_EXCEPTION(MessageError, CostEstimator::estimate(usage, m_prices));
}

QString TestCostEstimator::writeTable(const QByteArray& text)
{
    const QString path = m_dir.filePath(QStringLiteral("prices%1.yaml").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

void TestCostEstimator::brokenTables_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("mentions");
    const QByteArray head = "takenOn: \"2026-12-02\"\ncurrency: USD\nregion: us-east-1\nservices:\n"
                            "  function:\n    service: AWS Lambda\n    source: https://example.com\n    meters:\n";
    QTest::newRow("good") << head + "      requests: {perMillion: 0.2}\n" << QString();
    QTest::newRow("no price") << head + "      requests: {note: free}\n"
                              << "key 'services/function/meters/requests' (line 9): must give exactly one";
    QTest::newRow("two prices") << head + "      requests: {perMillion: 0.2, perUnit: 0.0000002}\n" << "exactly one";
    QTest::newRow("negative") << head + "      requests: {perMillion: -1}\n" << "not below 0";
    QTest::newRow("text price") << head + "      requests: {perMillion: cheap}\n" << "key 'services/function/meters/requests/perMillion'";
    QTest::newRow("unknown key") << head + "      requests: {perMilion: 0.2}\n" << "key 'services/function/meters/requests/perMilion' (line 9): is not a known key here (known: note, perMillion, perThousand, perUnit, variants)";
    QTest::newRow("nested variants") << head + "      requests: {perMillion: 0.2, variants: {arm64: {perUnit: 1, variants: {}}}}\n"
                                     << "requests/variants/arm64/variants";
    QTest::newRow("no meters") << head + "      {}\n" << "at least one meter";
    QTest::newRow("bad date") << QByteArray(head).replace("2026-12-02", "2 December") + "      requests: {perUnit: 0}\n"
                              << "key 'takenOn' (line 1): '2 December' is not a date";
    QTest::newRow("no service name") << QByteArray(head).replace("    service: AWS Lambda\n", "") + "      requests: {perUnit: 0}\n"
                                     << "key 'services/function/service'";
    QTest::newRow("not a map") << QByteArray("- a\n- b\n") << "YAML map";
}

void TestCostEstimator::brokenTables()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    const QString path = writeTable(text);
    QVERIFY(!path.isEmpty());
    try {
        const PriceTable table = PriceTable::load(path);
        QVERIFY2(mentions.isEmpty(), "the table was accepted");
        QCOMPARE(table.services().size(), std::size_t(1));
        QVERIFY(qFuzzyCompare(table.services().front().meters.front().usdPerUnit, 0.2e-6));
    } catch (const MessageError& error) {
        QVERIFY2(!mentions.isEmpty(), qPrintable(error.message()));
        QVERIFY2(error.message().startsWith(path), qPrintable(error.message()));
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestCostEstimator)
#include "tst_costestimator.moc"
