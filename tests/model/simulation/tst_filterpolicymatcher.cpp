// SNS subscription filter policies: the examples of "Amazon SNS example filter policies" and of
// the filter operator pages (AND/OR, key matching, numeric, string and IP matching) with their
// documented outcomes, in both scopes, plus the API shape of message attributes and refusals.

#include "model/MessageError.h"
#include "model/simulation/FilterPolicyMatcher.h"

#include <QTest>

using namespace tributary;

namespace {

using Scope = FilterPolicyMatcher::Scope;

JsonTree json(const char* text)
{
    return JsonTree::parse(text);
}

/** The documentation's transaction message: its attributes flat, as the simulator gives them. */
const char* const attributes = R"({"customer_interests": ["soccer", "rugby", "hockey"],
    "store": "example_corp", "event": "order_placed", "price_usd": 210.75})";

/** The same message attributes in the SNS API shape of the documentation's payload. */
JsonTree typedAttributes()
{
    JsonTree typed = JsonTree::parse(R"({
      "store": {"Type": "String", "Value": "example_corp"},
      "event": {"Type": "String", "Value": "order_placed"},
      "price_usd": {"Type": "Number", "Value": "210.75"},
      "thumbnail": {"Type": "Binary", "Value": "aGVsbG8="}
    })");
    typed["customer_interests"] = {{"Type", "String.Array"}, {"Value", JsonTree::array({"soccer", "rugby", "hockey"}).dump()}};
    return typed;
}

/** The documentation's message body holding the same properties. */
const char* const body = R"({"customer_interests": ["soccer", "rugby", "hockey"], "store": "example_corp",
    "event": "order_placed", "price_usd": 210.75, "order": {"source": "web", "lines": [{"sku": "A1", "qty": 2}]}})";

} // namespace

class TestFilterPolicyMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedPolicies_data();
    void documentedPolicies();
    void apiShapedAttributes();
    void bodyScope_data();
    void bodyScope();
    void bodyAsText();
    void noPolicyMatchesAll();
    void refusedPolicies_data();
    void refusedPolicies();
};

void TestFilterPolicyMatcher::documentedPolicies_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("expected");
    auto row = [](const char* name, const char* policy, bool expected) {
        QTest::newRow(name) << QString::fromUtf8(policy) << expected;
    };
    row("example policy accepts the message", R"({"store": ["example_corp"], "event": [{"anything-but": "order_cancelled"}],
        "customer_interests": ["rugby", "football", "baseball"], "price_usd": [{"numeric": [">=", 100]}]})", true);
    row("example policy that rejects it", R"({"store": ["example_corp"], "event": ["order_cancelled"],
        "encrypted": [false], "customer_interests": ["basketball", "baseball"]})", false);
    row("AND: every property must match", R"({"customer_interests": ["rugby"], "price_usd": [{"numeric": [">", 300]}]})", false);
    row("OR: any value of a property", R"({"customer_interests": ["rugby", "tennis"]})", true);
    row("$or operator", R"({"source": ["aws.cloudwatch"], "$or": [{"store": ["example_corp"]}, {"event": ["x"]}]})", false);
    row("$or operator on present keys", R"({"store": ["example_corp"], "$or": [{"price_usd": [{"numeric": ["<", 100]}]},
        {"event": ["order_placed"]}]})", true);
    row("key matching: exists", R"({"store": [{"exists": true}]})", true);
    row("key matching: not exists", R"({"store": [{"exists": false}]})", false);
    row("key matching: absent attribute", R"({"encrypted": [{"exists": false}]})", true);
    row("numeric exact", R"({"price_usd": [{"numeric": ["=", 210.75]}]})", true);
    row("numeric exact value as a plain number", R"({"price_usd": [210.75]})", true);
    row("numeric range", R"({"price_usd": [{"numeric": [">", 0, "<=", 150]}]})", false);
    row("anything-but numeric", R"({"price_usd": [{"anything-but": [100, 500]}]})", true);
    row("string exact", R"({"store": ["example_corp"]})", true);
    row("string exact is case sensitive", R"({"store": ["Example_Corp"]})", false);
    row("equals-ignore-case", R"({"store": [{"equals-ignore-case": "EXAMPLE_CORP"}]})", true);
    row("anything-but list", R"({"event": [{"anything-but": ["order_cancelled", "order_failed"]}]})", true);
    row("anything-but prefix", R"({"event": [{"anything-but": {"prefix": "order-"}}]})", true);
    row("anything-but prefix excluded", R"({"event": [{"anything-but": {"prefix": "order_"}}]})", false);
    row("prefix on an array attribute", R"({"customer_interests": [{"prefix": "hock"}]})", true);
    row("suffix", R"({"store": [{"suffix": "_corp"}]})", true);
    row("prefix no match", R"({"store": [{"prefix": "corp"}]})", false);
    row("numeric on a string attribute", R"({"store": [{"numeric": [">", 0]}]})", false);
}

void TestFilterPolicyMatcher::documentedPolicies()
{
    QFETCH(QString, policy);
    QFETCH(bool, expected);
    const JsonTree p = JsonTree::parse(policy.toStdString());
    QCOMPARE(FilterPolicyMatcher::matches(p, Scope::MessageAttributes, json(attributes), JsonTree()), expected);
    QCOMPARE(FilterPolicyMatcher::compile(p, Scope::MessageAttributes).matches(typedAttributes(), JsonTree()), expected);
    QCOMPARE(FilterPolicyMatcher::matches(p, Scope::MessageBody, JsonTree::object(), json(body)), expected);
}

void TestFilterPolicyMatcher::apiShapedAttributes()
{
    const JsonTree typed = typedAttributes();
    QVERIFY(FilterPolicyMatcher::matches(json(R"({"source_ip": [{"cidr": "10.0.0.0/24"}]})"), Scope::MessageAttributes,
                                         json(R"({"source_ip": {"Type": "String", "Value": "10.0.0.17"}})"), JsonTree()));
    QVERIFY(!FilterPolicyMatcher::matches(json(R"({"thumbnail": [{"exists": true}]})"), Scope::MessageAttributes, typed, JsonTree()));
    QVERIFY(!FilterPolicyMatcher::matches(json(R"({"price_usd": ["210.75"]})"), Scope::MessageAttributes, typed, JsonTree()));
    QVERIFY(!FilterPolicyMatcher::matches(json(R"({"store": [{"exists": true}]})"), Scope::MessageAttributes,
                                          JsonTree(), json(body)));
}

void TestFilterPolicyMatcher::bodyScope_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("expected");
    auto row = [](const char* name, const char* policy, bool expected) {
        QTest::newRow(name) << QString::fromUtf8(policy) << expected;
    };
    row("nested property", R"({"order": {"source": ["web"]}})", true);
    row("nested property differs", R"({"order": {"source": ["mobile"]}})", false);
    row("nested in an array of objects", R"({"order": {"lines": {"sku": ["A1"], "qty": [{"numeric": [">=", 2]}]}}})", true);
    row("nested $or", R"({"order": {"$or": [{"source": ["mobile"]}, {"lines": {"qty": [{"numeric": [">", 1]}]}}]}})", true);
    row("nested absent", R"({"customer": {"id": [{"exists": true}]}})", false);
}

void TestFilterPolicyMatcher::bodyScope()
{
    QFETCH(QString, policy);
    QFETCH(bool, expected);
    const FilterPolicyMatcher matcher = FilterPolicyMatcher::compile(JsonTree::parse(policy.toStdString()), Scope::MessageBody);
    QCOMPARE(matcher.scope(), Scope::MessageBody);
    QCOMPARE(matcher.matches(json(attributes), json(body)), expected);
}

void TestFilterPolicyMatcher::bodyAsText()
{
    const FilterPolicyMatcher matcher = FilterPolicyMatcher::compile(std::string(R"({"store": ["example_corp"]})"), Scope::MessageBody);
    QVERIFY(matcher.matches(JsonTree(), JsonTree(std::string(body))));
    QVERIFY(!matcher.matches(JsonTree(), JsonTree(std::string("plain text, not JSON"))));
    const FilterPolicyMatcher absent = FilterPolicyMatcher::compile(json(R"({"store": [{"exists": false}]})"), Scope::MessageBody);
    QVERIFY(absent.matches(JsonTree(), JsonTree(std::string("plain text, not JSON"))));
}

void TestFilterPolicyMatcher::noPolicyMatchesAll()
{
    QVERIFY(FilterPolicyMatcher().matches(json(attributes), JsonTree()));
    QVERIFY(FilterPolicyMatcher::compile(JsonTree::object(), Scope::MessageAttributes).matches(JsonTree::object(), JsonTree()));
}

void TestFilterPolicyMatcher::refusedPolicies_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("scope");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char* name, const char* policy, Scope scope, const char* mentions) {
        QTest::newRow(name) << QString::fromUtf8(policy) << int(scope) << QString::fromUtf8(mentions);
    };
    row("nesting in the attribute scope", R"({"order": {"source": ["web"]}})", Scope::MessageAttributes, "MessageBody scope");
    row("wildcard is not SNS", R"({"store": [{"wildcard": "ex*"}]})", Scope::MessageBody, "no wildcard");
    row("anything-but wildcard is not SNS", R"({"store": [{"anything-but": {"wildcard": "ex*"}}]})", Scope::MessageAttributes, "no wildcard");
    row("bare value", R"({"store": "example_corp"})", Scope::MessageAttributes, "key 'store'");
    row("numeric shape", R"({"price_usd": [{"numeric": [">"]}]})", Scope::MessageAttributes, "'numeric'");
}

void TestFilterPolicyMatcher::refusedPolicies()
{
    QFETCH(QString, policy);
    QFETCH(int, scope);
    QFETCH(QString, mentions);
    try {
        FilterPolicyMatcher::compile(JsonTree::parse(policy.toStdString()), Scope(scope));
        QFAIL("the policy was accepted");
    } catch (const MessageError& error) {
        QVERIFY2(error.message().startsWith(QLatin1String("filter policy: ")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
    }
}

QTEST_APPLESS_MAIN(TestFilterPolicyMatcher)
#include "tst_filterpolicymatcher.moc"
