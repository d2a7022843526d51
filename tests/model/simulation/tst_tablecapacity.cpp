// DynamoDB table capacity: a provisioned table refuses writes beyond its write capacity once its
// burst (300 s of unused capacity) is spent; on-demand tables are not limited; provisioned tables
// are billed per capacity-unit hour, not per request.

#include "model/simulation/PriceTable.h"
#include "tests/model/simulation/SimulationTestSupport.h"

#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

QByteArray tableTemplate(const char* type, const char* properties, int seconds, int writesPerSecond)
{
    return QByteArray(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: )") + type + R"(
    Properties:
)" + properties + R"(
Metadata:
  Tributary:
    simulation:
      durationSeconds: )" + QByteArray::number(seconds) + R"(
      entries:
        - resource: Orders
          load: {shape: constant, ratePerSecond: )" + QByteArray::number(writesPerSecond) + R"(}
)";
}

const char* keys = R"(      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
)";

QByteArray provisioned(int seconds, int writesPerSecond = 50)
{
    return tableTemplate("AWS::DynamoDB::Table",
                         (QByteArray(keys) + "      BillingMode: PROVISIONED\n"
                                             "      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 10}\n")
                             .constData(),
                         seconds, writesPerSecond);
}

std::uint64_t generated(const JsonTree& results)
{
    return results["entries"][0]["generated"].get<std::uint64_t>();
}

double price(const char* meter)
{
    const PriceTable prices = PriceTable::load(PriceTable::builtInPath());
    for (const PriceTable::Meter& m : prices.find(QStringLiteral("table"))->meters)
        if (m.name == QLatin1String(meter))
            return m.usdPerUnit;
    return 0;
}

} // namespace

class TestTableCapacity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void provisionedTableThrottlesAfterItsBurst()
    {
        // 50 writes a second against 10 WCU: the 3,000-write burst lasts 3,000 / 40 = 75 s.
        QCOMPARE(count(resultsFor(provisioned(60)), "Orders", "throttles"), std::uint64_t(0));
        const std::uint64_t after100s = count(resultsFor(provisioned(100)), "Orders", "throttles");
        const JsonTree results = resultsFor(provisioned(200));
        const std::uint64_t after200s = count(results, "Orders", "throttles");
        QVERIFY2(after100s > 950 && after100s < 1050, qPrintable(QString::number(after100s)));
        // From then on 40 of the 50 writes a second are refused.
        const double perSecond = static_cast<double>(after200s - after100s) / 100;
        QVERIFY2(perSecond > 39 && perSecond < 41, qPrintable(QString::number(perSecond)));
        QCOMPARE(count(results, "Orders", "received"), generated(results) - after200s);
        QCOMPARE(results["entries"][0]["refused"].get<std::uint64_t>(), after200s);
    }

    void provisionedThroughputWithoutBillingModeIsProvisioned_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("properties");
        QTest::addColumn<bool>("throttles");
        const QByteArray throughput = "      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 10}\n";
        QTest::newRow("table, no billing mode") << QByteArray("AWS::DynamoDB::Table") << QByteArray(keys) + throughput << true;
        QTest::newRow("table, on demand") << QByteArray("AWS::DynamoDB::Table")
                                          << QByteArray(keys) + "      BillingMode: PAY_PER_REQUEST\n" << false;
        QTest::newRow("simple table, provisioned")
            << QByteArray("AWS::Serverless::SimpleTable")
            << QByteArray("      PrimaryKey: {Name: pk, Type: String}\n") + throughput << true;
        QTest::newRow("simple table, on demand")
            << QByteArray("AWS::Serverless::SimpleTable") << QByteArray("      PrimaryKey: {Name: pk, Type: String}\n")
            << false;
    }

    void provisionedThroughputWithoutBillingModeIsProvisioned()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, properties);
        QFETCH(bool, throttles);
        const JsonTree results = resultsFor(tableTemplate(type.constData(), properties.constData(), 200, 50));
        QCOMPARE(count(results, "Orders", "throttles") > 4000, throttles);
        if (!throttles)
            QCOMPARE(count(results, "Orders", "received"), generated(results));
    }

    void aFunctionsRefusedWritesCountOnItsEdge()
    {
        const JsonTree results = resultsFor(R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
  Writer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: x
      Policies:
        - DynamoDBCrudPolicy: {TableName: !Ref Orders}
      Environment:
        Variables:
          ORDERS_TABLE_NAME: !Ref Orders
Metadata:
  Tributary:
    simulation:
      durationSeconds: 600
      entries:
        - resource: Writer
          invocation: async
          load: {shape: constant, ratePerSecond: 3}
)");
        // 1 WCU: 300 writes of burst and one a second; the other two a second after 150 s are refused.
        const std::uint64_t throttles = count(results, "Orders", "throttles");
        QVERIFY2(throttles > 850 && throttles < 950, qPrintable(QString::number(throttles)));
        QCOMPARE(results["connections"].begin().value()["refused"].get<std::uint64_t>(), throttles);
        QCOMPARE(count(results, "Writer", "errors"), std::uint64_t(0));
    }

    void provisionedTablePaysForCapacityHours()
    {
        const double wcuHour = price("writeCapacityUnitHours");
        const double rcuHour = price("readCapacityUnitHours");
        QVERIFY(wcuHour > 0 && rcuHour > 0);
        const double expected = (10 * wcuHour + 5 * rcuHour) * 730;
        for (const int rate : {1, 50}) {
            const JsonTree cost = resultsFor(provisioned(200, rate))["cost"];
            QVERIFY2(qAbs(cost["byResource"]["Orders"].get<double>() - expected) < 1e-9,
                     qPrintable(QString::fromStdString(cost.dump())));
        }
        const JsonTree onDemand =
            resultsFor(tableTemplate("AWS::DynamoDB::Table", (QByteArray(keys) + "      BillingMode: PAY_PER_REQUEST\n").constData(),
                                     200, 50));
        const auto writes = static_cast<double>(generated(onDemand));
        QVERIFY(qAbs(onDemand["cost"]["byResource"]["Orders"].get<double>() - writes * price("writeUnits") * 730 * 3600 / 200) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestTableCapacity)
#include "tst_tablecapacity.moc"
