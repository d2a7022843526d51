// The short label on an edge, from its properties (and a rule's event pattern).

#include "model/ConnectionSummary.h"
#include "tests/model/ModelTestSupport.h"

#include <QTest>

using namespace tributary;
using tributary::test::json;

namespace {

Connection edge(const char* properties, const QString& target = QStringLiteral("Target"))
{
    Connection connection;
    connection.id = QStringLiteral("Edge");
    connection.source = QStringLiteral("Source");
    connection.target = target;
    connection.rule = QStringLiteral("someRule");
    connection.properties = json(properties);
    return connection;
}

} // namespace

class TestConnectionSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summaries_data()
    {
        QTest::addColumn<QString>("properties");
        QTest::addColumn<QString>("label");
        QTest::newRow("nothing to say") << "{}" << "Rule label";
        QTest::newRow("batch") << R"({"BatchSize": 10})" << "batch 10";
        QTest::newRow("batch as text, window") << R"({"BatchSize": "25", "MaximumBatchingWindowInSeconds": 5})"
                                               << "batch 25 · window 5 s";
        QTest::newRow("no window when 0") << R"({"BatchSize": 1, "MaximumBatchingWindowInSeconds": 0})" << "batch 1";
        QTest::newRow("an intrinsic is not a number") << R"({"BatchSize": {"Ref": "Size"}})" << "Rule label";
        QTest::newRow("parallel") << R"({"BatchSize": 100, "ParallelizationFactor": 4})" << "batch 100 · ×4 per shard";
        QTest::newRow("detail types") << R"({"Pattern": {"source": ["shop"], "detail-type": ["OrderPlaced"]}})"
                                      << "OrderPlaced";
        QTest::newRow("more than two") << R"({"Pattern": {"detail-type": ["A", "B", "C", "D"]}})" << "A, B +2";
        QTest::newRow("prefix and suffix") << R"({"Pattern": {"detail-type": [{"prefix": "Order"}, {"suffix": "ed"}]}})"
                                           << "Order*, *ed";
        QTest::newRow("sources") << R"({"Pattern": {"source": ["aws.s3"]}})" << "aws.s3";
        QTest::newRow("another field") << R"({"Pattern": {"account": ["123"]}})" << "account: 123";
        QTest::newRow("detail only") << R"({"Pattern": {"detail": {"state": ["paid"]}}})" << "detail";
        QTest::newRow("filter policy") << R"({"FilterPolicy": {"type": ["order", "refund"]}})" << "filter type: order, refund";
        QTest::newRow("mapping filter") << R"({"BatchSize": 5, "FilterCriteria": {"Filters": []}})" << "batch 5 · filtered";
    }

    void summaries()
    {
        QFETCH(QString, properties);
        QFETCH(QString, label);
        const Architecture architecture;
        QCOMPARE(ConnectionSummary::of(edge(properties.toUtf8().constData()), QStringLiteral("Rule label"), architecture),
                 label);
    }

    void aBusToRuleEdgeShowsTheRulesPattern()
    {
        Architecture architecture;
        Resource rule;
        rule.id = QStringLiteral("PaidRule");
        rule.kind = QStringLiteral("eventRule");
        rule.cfnType = QStringLiteral("AWS::Events::Rule");
        rule.properties = json(R"({"EventPattern": {"detail-type": ["OrderPaid"]}})");
        architecture.insertResource(0, rule);
        QCOMPARE(ConnectionSummary::of(edge("{}", QStringLiteral("PaidRule")), QStringLiteral("Rule"), architecture),
                 QStringLiteral("OrderPaid"));
        // Any other kind of target keeps the rule's label.
        QCOMPARE(ConnectionSummary::of(edge("{}"), QStringLiteral("Rule"), architecture), QStringLiteral("Rule"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSummary)
#include "tst_connectionsummary.moc"
