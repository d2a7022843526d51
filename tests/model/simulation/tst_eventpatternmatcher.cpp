// EventBridge event pattern matching: the examples of the EventBridge documentation ("Event
// patterns", "Content filtering in Amazon EventBridge event patterns", "Matching on null values
// and empty strings", "Arrays in event patterns") with their documented outcomes, then edge cases
// and patterns EventBridge refuses.

#include "model/MessageError.h"
#include "model/simulation/EventPatternMatcher.h"

#include <QTest>

using namespace tributary;

namespace {

JsonTree json(const char* text)
{
    return JsonTree::parse(text);
}

/** The documentation's EC2 state-change event, with the detail fields the filtering examples use. */
const char* const ec2Event = R"({
  "version": "0",
  "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "EC2 Instance State-change Notification",
  "source": "aws.ec2",
  "account": "111122223333",
  "time": "2017-10-02T18:43:48Z",
  "region": "us-west-1",
  "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
  "detail": {
    "instance-id": "i-1234567890abcdef0",
    "state": "running",
    "c-count": 5,
    "d-count": 7,
    "x-limit": 301.8,
    "source-ip": "10.0.0.123",
    "FileName": "image.png",
    "FilePath": "/usr/lib/libc.so",
    "service": "EventBridge"
  }
})";

} // namespace

class TestEventPatternMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedExamples_data();
    void documentedExamples();
    void edgeCases_data();
    void edgeCases();
    void patternAsJsonText();
    void compiledMatcherIsReusable();
    void refusedPatterns_data();
    void refusedPatterns();

private:
    /** The row's pattern and event, matched both at once and compiled, against the expected outcome. */
    void compareOutcome();
};

void TestEventPatternMatcher::documentedExamples_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("expected");

    const QString ec2 = QString::fromUtf8(ec2Event);
    auto row = [&](const char* name, const char* pattern, const QString& event, bool expected) {
        QTest::newRow(name) << QString::fromUtf8(pattern) << event << expected;
    };
    row("syntax: source, detail-type and nested state", R"({"source": ["aws.ec2"],
        "detail-type": ["EC2 Instance State-change Notification"], "detail": {"state": ["running"]}})", ec2, true);
    row("syntax: nested state differs", R"({"source": ["aws.ec2"], "detail": {"state": ["terminated"]}})", ec2, false);
    row("multiple values are OR", R"({"source": ["aws.ec2", "aws.fargate"]})", ec2, true);
    row("missing field fails", R"({"source": ["aws.ec2"], "detail": {"not-there": ["x"]}})", ec2, false);
    row("prefix", R"({"time": [{"prefix": "2017-10-02"}]})", ec2, true);
    row("prefix does not match elsewhere", R"({"time": [{"prefix": "10-02"}]})", ec2, false);
    row("prefix equals-ignore-case", R"({"detail": {"service": [{"prefix": {"equals-ignore-case": "eventb"}}]}})", ec2, true);
    row("suffix", R"({"detail": {"FileName": [{"suffix": ".png"}]}})", ec2, true);
    row("suffix equals-ignore-case", R"({"detail": {"service": [{"suffix": {"equals-ignore-case": "tbridge"}}]}})", ec2, true);
    row("suffix no match", R"({"detail": {"FileName": [{"suffix": ".jpg"}]}})", ec2, false);
    row("anything-but value", R"({"detail": {"state": [{"anything-but": "initializing"}]}})", ec2, true);
    row("anything-but value equal", R"({"detail": {"state": [{"anything-but": "running"}]}})", ec2, false);
    row("anything-but list", R"({"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}})", ec2, true);
    row("anything-but list holding the value", R"({"detail": {"state": [{"anything-but": ["stopped", "running"]}]}})", ec2, false);
    row("anything-but number", R"({"detail": {"x-limit": [{"anything-but": 123}]}})", ec2, true);
    row("anything-but numbers", R"({"detail": {"x-limit": [{"anything-but": [100, 200, 301.8]}]}})", ec2, false);
    row("anything-but prefix", R"({"detail": {"state": [{"anything-but": {"prefix": "init"}}]}})", ec2, true);
    row("anything-but prefix excluded", R"({"detail": {"state": [{"anything-but": {"prefix": "run"}}]}})", ec2, false);
    row("anything-but suffix", R"({"detail": {"FileName": [{"anything-but": {"suffix": ".png"}}]}})", ec2, false);
    row("anything-but equals-ignore-case", R"({"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}})", ec2, true);
    row("anything-but equals-ignore-case excluded", R"({"detail": {"state": [{"anything-but": {"equals-ignore-case": "RUNNING"}}]}})", ec2, false);
    row("anything-but wildcard", R"({"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}})", ec2, false);
    row("numeric ranges", R"({"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}],
        "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"numeric": ["=", 3.018e2]}]}})", ec2, true);
    row("numeric upper bound exclusive", R"({"detail": {"c-count": [{"numeric": [">", 0, "<", 5]}]}})", ec2, false);
    row("cidr IPv4", R"({"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}})", ec2, true);
    row("cidr IPv4 outside", R"({"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}})", ec2, false);
    row("exists true", R"({"detail": {"state": [{"exists": true}]}})", ec2, true);
    row("exists false on a present field", R"({"detail": {"state": [{"exists": false}]}})", ec2, false);
    row("exists false on an absent field", R"({"detail": {"error-code": [{"exists": false}]}})", ec2, true);
    row("exists only on leaves", R"({"detail": [{"exists": true}]})", ec2, false);
    row("equals-ignore-case", R"({"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]})", ec2, true);
    row("wildcard", R"({"resources": [{"wildcard": "arn:aws:ec2:us-west-1:*:instance/*"}]})", ec2, true);
    row("wildcard other region", R"({"resources": [{"wildcard": "arn:aws:ec2:us-east-1:*:instance/*"}]})", ec2, false);
    row("complex example", R"({"time": [{"prefix": "2017-10-02"}], "detail": {
        "state": [{"anything-but": "initializing"}], "c-count": [{"numeric": [">", 0, "<=", 5]}],
        "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"anything-but": [100, 200, 300]}]}})", ec2, true);
    row("$or of numeric conditions", R"({"detail": {"$or": [{"c-count": [{"numeric": [">", 10]}]},
        {"d-count": [{"numeric": ["<", 10]}]}, {"x-limit": [{"numeric": ["=", 0]}]}]}})", ec2, true);
    row("$or with no alternative matching", R"({"detail": {"$or": [{"c-count": [{"numeric": [">", 10]}]},
        {"d-count": [{"numeric": [">", 10]}]}]}})", ec2, false);
    row("$or at the top next to other keys", R"({"source": ["aws.ec2"], "$or": [
        {"detail-type": ["Something else"]}, {"detail": {"state": ["running"]}}]})", ec2, true);
    row("$or alternatives at different levels", R"({"$or": [{"source": ["aws.s3"]}, {"detail": {"state": ["stopped"]}}]})", ec2, false);

    const QString arrays = QStringLiteral(R"({"resources": [
        "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate",
        "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"]})");
    row("arrays: intersection not empty", R"({"resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
        "arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f"]})", arrays, true);
    row("arrays: intersection empty", R"({"resources": ["arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f"]})", arrays, false);

    const QString nulls = QStringLiteral(R"({"version": "0", "detail-type": "EC2 Instance Launch Successful",
        "source": "aws.autoscaling", "resources": [], "detail": {"eventVersion": "", "responseElements": null}})");
    row("empty string", R"({"detail": {"eventVersion": [""]}})", nulls, true);
    row("null", R"({"detail": {"responseElements": [null]}})", nulls, true);
    row("empty string does not match null", R"({"detail": {"responseElements": [""]}})", nulls, false);
    row("null does not match empty string", R"({"detail": {"eventVersion": [null]}})", nulls, false);
}

void TestEventPatternMatcher::documentedExamples()
{
    compareOutcome();
}

void TestEventPatternMatcher::compareOutcome()
{
    QFETCH(QString, pattern);
    QFETCH(QString, event);
    QFETCH(bool, expected);
    const JsonTree p = JsonTree::parse(pattern.toStdString());
    const JsonTree e = JsonTree::parse(event.toStdString());
    QCOMPARE(EventPatternMatcher::matches(p, e), expected);
    QCOMPARE(EventPatternMatcher::compile(p).matches(e), expected);
}

void TestEventPatternMatcher::edgeCases_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("expected");
    auto row = [](const char* name, const char* pattern, const char* event, bool expected) {
        QTest::newRow(name) << QString::fromUtf8(pattern) << QString::fromUtf8(event) << expected;
    };
    row("numbers compare by value: 300 and 300.0", R"({"n": [300]})", R"({"n": 300.0})", true);
    row("numbers compare by value: 3.0e2", R"({"n": [3.0e2]})", R"({"n": 300})", true);
    row("the string 5 is not the number 5", R"({"n": ["5"]})", R"({"n": 5})", false);
    row("the number 5 is not the string 5", R"({"n": [5]})", R"({"n": "5"})", false);
    row("numeric ignores strings", R"({"n": [{"numeric": [">", 0]}]})", R"({"n": "5"})", false);
    row("numeric on negative numbers", R"({"n": [{"numeric": [">=", -10, "<", 0]}]})", R"({"n": -10})", true);
    row("booleans", R"({"b": [true]})", R"({"b": true})", true);
    row("boolean is not a string", R"({"b": ["true"]})", R"({"b": true})", false);
    row("empty event array does not match a value", R"({"a": ["x"]})", R"({"a": []})", false);
    row("empty event array counts as absent", R"({"a": [{"exists": false}]})", R"({"a": []})", true);
    row("exists true on an empty array", R"({"a": [{"exists": true}]})", R"({"a": []})", false);
    row("exists true on null", R"({"a": [{"exists": true}]})", R"({"a": null})", true);
    row("absent key fails anything-but", R"({"a": [{"anything-but": "x"}]})", R"({"b": 1})", false);
    row("absent nested object with exists false", R"({"detail": {"a": [{"exists": false}]}})", R"({"source": "s"})", true);
    row("absent nested object with a value", R"({"detail": {"a": ["x"]}})", R"({"source": "s"})", false);
    row("nested pattern on a leaf", R"({"detail": {"a": ["x"]}})", R"({"detail": "x"})", false);
    row("values on an object", R"({"detail": ["x"]})", R"({"detail": {"a": "x"}})", false);
    row("array of objects: one element matches all keys",
        R"({"d": {"a": [3], "b": [4]}})", R"({"d": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]})", true);
    row("array of objects: keys from different elements",
        R"({"d": {"a": [1], "b": [4]}})", R"({"d": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]})", false);
    row("nested arrays are flattened", R"({"a": ["x"]})", R"({"a": [["y"], ["x"]]})", true);
    row("anything-but on an array: one other element", R"({"a": [{"anything-but": "x"}]})", R"({"a": ["x", "y"]})", true);
    row("anything-but on an array of only excluded", R"({"a": [{"anything-but": "x"}]})", R"({"a": ["x", "x"]})", false);
    row("wildcard in the middle", R"({"k": [{"wildcard": "dir/*.png"}]})", R"({"k": "dir/dir2/image.png"})", true);
    row("wildcard in the middle, other extension", R"({"k": [{"wildcard": "dir/*.png"}]})", R"({"k": "dir/image.jpg"})", false);
    row("wildcard pieces do not overlap", R"({"k": [{"wildcard": "ab*ba"}]})", R"({"k": "aba"})", false);
    row("wildcard escaped star", R"({"k": [{"wildcard": "a\\*b"}]})", R"({"k": "a*b"})", true);
    row("wildcard escaped star is literal", R"({"k": [{"wildcard": "a\\*b"}]})", R"({"k": "axxb"})", false);
    row("wildcard alone matches any string", R"({"k": [{"wildcard": "*"}]})", R"({"k": ""})", true);
    row("equals-ignore-case beyond ASCII", R"({"k": [{"equals-ignore-case": "été"}]})", R"({"k": "ÉTÉ"})", true);
    row("equals-ignore-case length differs", R"({"k": [{"equals-ignore-case": "abc"}]})", R"({"k": "abcd"})", false);
    row("prefix ignore case beyond ASCII", R"({"k": [{"prefix": {"equals-ignore-case": "öl"}}]})", R"({"k": "ÖLFELD"})", true);
    row("cidr IPv6", R"({"ip": [{"cidr": "2001:db8::/32"}]})", R"({"ip": "2001:0db8:1234::1"})", true);
    row("cidr IPv6 outside", R"({"ip": [{"cidr": "2001:db8::/32"}]})", R"({"ip": "2001:db9::1"})", false);
    row("cidr odd prefix length", R"({"ip": [{"cidr": "192.168.0.0/23"}]})", R"({"ip": "192.168.1.200"})", true);
    row("cidr odd prefix length outside", R"({"ip": [{"cidr": "192.168.0.0/23"}]})", R"({"ip": "192.168.2.1"})", false);
    row("cidr on a non-address", R"({"ip": [{"cidr": "10.0.0.0/8"}]})", R"({"ip": "10.0.0"})", false);
    row("cidr families differ", R"({"ip": [{"cidr": "10.0.0.0/8"}]})", R"({"ip": "::ffff:10.0.0.1"})", false);
    row("empty pattern matches everything", R"({})", R"({"a": 1})", true);
    row("event that is not an object", R"({"a": [{"exists": false}]})", R"([1, 2])", true);
}

void TestEventPatternMatcher::edgeCases()
{
    compareOutcome();
}

void TestEventPatternMatcher::patternAsJsonText()
{
    const JsonTree text = std::string(R"({"source": ["aws.ec2"], "detail": {"state": [{"anything-but": "stopped"}]}})");
    const JsonTree event = json(ec2Event);
    QVERIFY(EventPatternMatcher::matches(text, event));
    QVERIFY(!EventPatternMatcher::matches(std::string(R"({"source": ["aws.s3"]})"), event));
}

void TestEventPatternMatcher::compiledMatcherIsReusable()
{
    const EventPatternMatcher matcher = EventPatternMatcher::compile(json(R"({"detail": {"total": [{"numeric": [">", 100]}]}})"));
    int matched = 0;
    for (int total = 0; total < 300; ++total) {
        JsonTree event = json(R"({"detail": {}})");
        event["detail"]["total"] = total;
        matched += matcher.matches(event) ? 1 : 0;
    }
    QCOMPARE(matched, 199);
    QVERIFY(EventPatternMatcher().matches(json(R"({"anything": 1})")));
}

void TestEventPatternMatcher::refusedPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char* name, const char* pattern, const char* mentions) {
        QTest::newRow(name) << QString::fromUtf8(pattern) << QString::fromUtf8(mentions);
    };
    row("bare value", R"({"source": "aws.ec2"})", "key 'source'");
    row("empty list", R"({"source": []})", "empty list");
    row("unknown operator", R"({"detail": {"state": [{"contains": "x"}]}})", "key 'detail/state'");
    row("operator with two keys", R"({"a": [{"prefix": "x", "suffix": "y"}]})", "one key");
    row("numeric with three items", R"({"a": [{"numeric": [">", 0, "<"]}]})", "'numeric'");
    row("numeric unknown comparison", R"({"a": [{"numeric": ["!=", 0]}]})", "unknown comparison");
    row("numeric comparing a string", R"({"a": [{"numeric": [">", "0"]}]})", "not a number");
    row("exists not a boolean", R"({"a": [{"exists": "yes"}]})", "'exists'");
    row("prefix not a string", R"({"a": [{"prefix": 1}]})", "'prefix'");
    row("cidr not a range", R"({"a": [{"cidr": "10.0.0.0/33"}]})", "'cidr'");
    row("cidr garbage", R"({"a": [{"cidr": "ten"}]})", "'cidr'");
    row("wildcard with two stars", R"({"a": [{"wildcard": "a**b"}]})", "two *");
    row("anything-but holding null", R"({"a": [{"anything-but": [null]}]})", "'anything-but'");
    row("anything-but unknown inner", R"({"a": [{"anything-but": {"numeric": [">", 1]}}]})", "'numeric'");
    row("$or not a list", R"({"$or": {"a": ["x"]}})", "'$or'");
    row("$or holding a value", R"({"$or": [{"a": ["x"]}, "b"]})", "key '$or/1'");
    row("list inside a list", R"({"a": [["x"]]})", "key 'a'");
    row("pattern not an object", R"(["x"])", "object");
}

void TestEventPatternMatcher::refusedPatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, mentions);
    try {
        EventPatternMatcher::compile(JsonTree::parse(pattern.toStdString()));
        QFAIL("the pattern was accepted");
    } catch (const MessageError& error) {
        QVERIFY2(error.message().startsWith(QLatin1String("event pattern: ")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
    }
    try {
        EventPatternMatcher::compile(std::string("{\"source\": [\"x\"]"));
        QFAIL("broken JSON text was accepted");
    } catch (const MessageError& error) {
        QVERIFY2(error.message().contains(QLatin1String("not JSON")), qPrintable(error.message()));
    }
}

QTEST_APPLESS_MAIN(TestEventPatternMatcher)
#include "tst_eventpatternmatcher.moc"
