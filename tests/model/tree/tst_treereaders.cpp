#include "model/tree/JsonTreeReader.h"
#include "model/tree/ParsedTree.h"
#include "model/tree/TreeFileReader.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QStringConverter>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <set>

using namespace tributary;

#define COMPARE_TREE(actual, expected) \
    QCOMPARE(QString::fromStdString(JsonTree(actual).dump()), QString::fromStdString(JsonTree(expected).dump()))

namespace {

ParsedTree readYaml(const QByteArray& text, const TreeReadLimits& limits = {})
{
    return YamlTreeReader::read(text, QStringLiteral("test.yaml"), limits);
}

ParsedTree readJson(const QByteArray& text, const TreeReadLimits& limits = {})
{
    return JsonTreeReader::read(text, QStringLiteral("test.json"), limits);
}

/** The error reading text raises, or nothing when it reads. */
std::optional<TreeParseError> yamlError(const QByteArray& text, const TreeReadLimits& limits = {})
{
    try {
        readYaml(text, limits);
    } catch (const TreeParseError& error) {
        return error;
    }
    return std::nullopt;
}

std::optional<TreeParseError> jsonError(const QByteArray& text, const TreeReadLimits& limits = {})
{
    try {
        readJson(text, limits);
    } catch (const TreeParseError& error) {
        return error;
    }
    return std::nullopt;
}

JsonTree json(const char* text)
{
    return JsonTree::parse(text);
}

std::set<std::string> sorted(const std::unordered_set<std::string>& set)
{
    return std::set<std::string>(set.begin(), set.end());
}

QByteArray billionLaughs()
{
    QByteArray text = "a0: &a0 [lol]\n";
    for (int level = 1; level <= 9; ++level) {
        text += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i)
            text += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
        text += "]\n";
    }
    return text;
}

} // namespace

class TestTreeReaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortFormTags_data();
    void shortFormTags();
    void getAttForms();
    void nestedTags();
    void scalarTyping_data();
    void scalarTyping();
    void standardTags();
    void duplicateKeyYaml();
    void duplicateKeyJson();
    void unknownTag();
    void keysMustBeScalars_data();
    void keysMustBeScalars();
    void yamlSyntaxError();
    void jsonSyntaxError();
    void multipleDocuments();
    void emptyFile_data();
    void emptyFile();
    void anchorsAndAliases();
    void recursiveAlias();
    void billionLaughsRefused();
    void aliasUseLimit();
    void expandedBytesLimit();
    void deepFlowNesting_data();
    void deepFlowNesting();
    void deepBlockNesting();
    void jsonNodeLimit();
    void overSizeText();
    void yamlLocations();
    void jsonLocations();
    void jsonKeepsKeyOrder();
    void utf16Input();
    void invalidUtf8();
    void describeFormats();
    void fileReaderDetectsFormat();
    void fileReaderErrors();
    void truncatedInputNeverCrashes();
    void corpus();
};

void TestTreeReaders::shortFormTags_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Ref") << QByteArray("v: !Ref Bucket") << QByteArray(R"({"Ref": "Bucket"})");
    QTest::newRow("Condition") << QByteArray("v: !Condition IsProd") << QByteArray(R"({"Condition": "IsProd"})");
    QTest::newRow("GetAtt dotted") << QByteArray("v: !GetAtt Fn.Arn") << QByteArray(R"({"Fn::GetAtt": ["Fn", "Arn"]})");
    QTest::newRow("GetAtt sequence") << QByteArray("v: !GetAtt [Fn, Arn]") << QByteArray(R"({"Fn::GetAtt": ["Fn", "Arn"]})");
    QTest::newRow("Sub scalar") << QByteArray("v: !Sub '${AWS::Region}-x'") << QByteArray(R"({"Fn::Sub": "${AWS::Region}-x"})");
    QTest::newRow("Sub sequence") << QByteArray("v: !Sub\n  - '${A}'\n  - A: !Ref B")
                                  << QByteArray(R"({"Fn::Sub": ["${A}", {"A": {"Ref": "B"}}]})");
    QTest::newRow("Join") << QByteArray("v: !Join [',', [a, b]]") << QByteArray(R"({"Fn::Join": [",", ["a", "b"]]})");
    QTest::newRow("If") << QByteArray("v: !If [C, a, b]") << QByteArray(R"({"Fn::If": ["C", "a", "b"]})");
    QTest::newRow("Select") << QByteArray("v: !Select [0, [a]]") << QByteArray(R"({"Fn::Select": [0, ["a"]]})");
    QTest::newRow("Split") << QByteArray("v: !Split [',', 'a,b']") << QByteArray(R"({"Fn::Split": [",", "a,b"]})");
    QTest::newRow("FindInMap") << QByteArray("v: !FindInMap [M, k, v]") << QByteArray(R"({"Fn::FindInMap": ["M", "k", "v"]})");
    QTest::newRow("Base64") << QByteArray("v: !Base64 hello") << QByteArray(R"({"Fn::Base64": "hello"})");
    QTest::newRow("Cidr") << QByteArray("v: !Cidr [10.0.0.0/16, 6, 5]") << QByteArray(R"({"Fn::Cidr": ["10.0.0.0/16", 6, 5]})");
    QTest::newRow("ImportValue") << QByteArray("v: !ImportValue Shared") << QByteArray(R"({"Fn::ImportValue": "Shared"})");
    QTest::newRow("GetAZs empty") << QByteArray("v: !GetAZs") << QByteArray(R"({"Fn::GetAZs": ""})");
    QTest::newRow("GetAZs quoted") << QByteArray("v: !GetAZs ''") << QByteArray(R"({"Fn::GetAZs": ""})");
    QTest::newRow("Equals") << QByteArray("v: !Equals [a, b]") << QByteArray(R"({"Fn::Equals": ["a", "b"]})");
    QTest::newRow("And") << QByteArray("v: !And [!Condition A, !Condition B]")
                         << QByteArray(R"({"Fn::And": [{"Condition": "A"}, {"Condition": "B"}]})");
    QTest::newRow("Or") << QByteArray("v: !Or [!Condition A, !Condition B]")
                        << QByteArray(R"({"Fn::Or": [{"Condition": "A"}, {"Condition": "B"}]})");
    QTest::newRow("Not") << QByteArray("v: !Not [!Condition A]") << QByteArray(R"({"Fn::Not": [{"Condition": "A"}]})");
    QTest::newRow("Transform") << QByteArray("v: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}")
                               << QByteArray(R"({"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}})");
    QTest::newRow("Length") << QByteArray("v: !Length [a, b]") << QByteArray(R"({"Fn::Length": ["a", "b"]})");
    QTest::newRow("ToJsonString") << QByteArray("v: !ToJsonString {a: 1}") << QByteArray(R"({"Fn::ToJsonString": {"a": 1}})");
    QTest::newRow("ForEach") << QByteArray("v: !ForEach [Topics, [a], {'Topic${Topics}': {Type: AWS::SNS::Topic}}]")
                             << QByteArray(R"({"Fn::ForEach": ["Topics", ["a"], {"Topic${Topics}": {"Type": "AWS::SNS::Topic"}}]})");
}

void TestTreeReaders::shortFormTags()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, expected);

    const ParsedTree tree = readYaml(yaml);
    QCOMPARE(tree.format, ParsedTree::Format::Yaml);
    QCOMPARE(QString::fromStdString(tree.value["v"].dump()),
             QString::fromStdString(JsonTree::parse(expected.constData()).dump()));
    QVERIFY(tree.shortForms.count("/v"));
    const std::string function = tree.value["v"].begin().key();
    QVERIFY(tree.locations.count("/v/" + function));
}

void TestTreeReaders::getAttForms()
{
    const ParsedTree tree = readYaml("a: !GetAtt Fn.Arn\n"
                                     "b: !GetAtt [Fn, Arn]\n"
                                     "c: !GetAtt Db.Endpoint.Address\n"
                                     "d:\n  Fn::GetAtt: [Fn, Arn]\n"
                                     "e: !GetAtt Alone\n");
    COMPARE_TREE(tree.value["a"], json(R"({"Fn::GetAtt": ["Fn", "Arn"]})"));
    COMPARE_TREE(tree.value["b"], json(R"({"Fn::GetAtt": ["Fn", "Arn"]})"));
    COMPARE_TREE(tree.value["c"], json(R"({"Fn::GetAtt": ["Db", "Endpoint.Address"]})"));
    COMPARE_TREE(tree.value["d"], json(R"({"Fn::GetAtt": ["Fn", "Arn"]})"));
    COMPARE_TREE(tree.value["e"], json(R"({"Fn::GetAtt": ["Alone"]})"));
    QCOMPARE(sorted(tree.shortForms), (std::set<std::string>{"/a", "/b", "/c", "/e"}));
    QCOMPARE(sorted(tree.getAttDotForms), (std::set<std::string>{"/a", "/c", "/e"}));
}

void TestTreeReaders::nestedTags()
{
    const ParsedTree tree = readYaml("Value: !Join ['', [!Sub 'arn:${AWS::Partition}:s3:::', !Ref B]]\n"
                                     "Prop: !If [IsProd, !Ref A, !Ref AWS::NoValue]\n"
                                     "Deep: !Select [0, !Split [',', !ImportValue {'Fn::Sub': '${Stack}-Subnets'}]]\n");
    COMPARE_TREE(tree.value["Value"],
             json(R"({"Fn::Join": ["", [{"Fn::Sub": "arn:${AWS::Partition}:s3:::"}, {"Ref": "B"}]]})"));
    COMPARE_TREE(tree.value["Prop"], json(R"({"Fn::If": ["IsProd", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]})"));
    COMPARE_TREE(tree.value["Deep"],
             json(R"({"Fn::Select": [0, {"Fn::Split": [",", {"Fn::ImportValue": {"Fn::Sub": "${Stack}-Subnets"}}]}]})"));
    QCOMPARE(sorted(tree.shortForms),
             (std::set<std::string>{"/Value", "/Value/Fn::Join/1/0", "/Value/Fn::Join/1/1", "/Prop",
                                    "/Prop/Fn::If/1", "/Prop/Fn::If/2", "/Deep", "/Deep/Fn::Select/1",
                                    "/Deep/Fn::Select/1/Fn::Split/1"}));
    QVERIFY(tree.getAttDotForms.empty());

    const auto doubleTag = yamlError("a: !Base64 !Sub '${A}'\n");
    QVERIFY(doubleTag);
    QCOMPARE(doubleTag->line(), 1);
}

void TestTreeReaders::scalarTyping_data()
{
    QTest::addColumn<QByteArray>("scalar");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("true") << QByteArray("true") << QByteArray("true");
    QTest::newRow("True") << QByteArray("True") << QByteArray("true");
    QTest::newRow("TRUE") << QByteArray("TRUE") << QByteArray("true");
    QTest::newRow("false") << QByteArray("false") << QByteArray("false");
    QTest::newRow("False") << QByteArray("False") << QByteArray("false");
    QTest::newRow("FALSE") << QByteArray("FALSE") << QByteArray("false");
    QTest::newRow("yes stays text") << QByteArray("yes") << QByteArray(R"("yes")");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
    QTest::newRow("Null") << QByteArray("Null") << QByteArray("null");
    QTest::newRow("NULL") << QByteArray("NULL") << QByteArray("null");
    QTest::newRow("tilde") << QByteArray("~") << QByteArray("null");
    QTest::newRow("nothing") << QByteArray("") << QByteArray("null");
    QTest::newRow("zero") << QByteArray("0") << QByteArray("0");
    QTest::newRow("integer") << QByteArray("42") << QByteArray("42");
    QTest::newRow("negative") << QByteArray("-7") << QByteArray("-7");
    QTest::newRow("minus zero") << QByteArray("-0") << QByteArray(R"("-0")");
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << QByteArray("9223372036854775807");
    QTest::newRow("past int64") << QByteArray("9223372036854775808") << QByteArray(R"("9223372036854775808")");
    QTest::newRow("account id") << QByteArray("123456789012") << QByteArray("123456789012");
    QTest::newRow("leading zero id") << QByteArray("012345678912") << QByteArray(R"("012345678912")");
    QTest::newRow("octal-looking") << QByteArray("0755") << QByteArray(R"("0755")");
    QTest::newRow("plus sign") << QByteArray("+1") << QByteArray(R"("+1")");
    QTest::newRow("hex") << QByteArray("0x1F") << QByteArray(R"("0x1F")");
    QTest::newRow("decimal") << QByteArray("1.5") << QByteArray("1.5");
    QTest::newRow("negative decimal") << QByteArray("-0.25") << QByteArray("-0.25");
    QTest::newRow("small decimal") << QByteArray("0.1") << QByteArray("0.1");
    QTest::newRow("whole decimal") << QByteArray("1.0") << QByteArray(R"("1.0")");
    QTest::newRow("trailing zero") << QByteArray("1.10") << QByteArray(R"("1.10")");
    QTest::newRow("python version") << QByteArray("3.10") << QByteArray(R"("3.10")");
    QTest::newRow("exponent") << QByteArray("1e3") << QByteArray(R"("1e3")");
    QTest::newRow("fraction exponent") << QByteArray("1.5e-7") << QByteArray(R"("1.5e-7")");
    QTest::newRow("no fraction digits") << QByteArray("1.") << QByteArray(R"("1.")");
    QTest::newRow("leading dot") << QByteArray(".5") << QByteArray(R"(".5")");
    QTest::newRow("infinity") << QByteArray(".inf") << QByteArray(R"(".inf")");
    QTest::newRow("date") << QByteArray("2012-10-17") << QByteArray(R"("2012-10-17")");
    QTest::newRow("version date") << QByteArray("2010-09-09") << QByteArray(R"("2010-09-09")");
    QTest::newRow("ip address") << QByteArray("10.0.0.1") << QByteArray(R"("10.0.0.1")");
    QTest::newRow("double quoted number") << QByteArray("\"12\"") << QByteArray(R"("12")");
    QTest::newRow("single quoted bool") << QByteArray("'true'") << QByteArray(R"("true")");
    QTest::newRow("quoted null") << QByteArray("'null'") << QByteArray(R"("null")");
    QTest::newRow("quoted empty") << QByteArray("''") << QByteArray(R"("")");
    QTest::newRow("literal block") << QByteArray("|\n  12\n") << QByteArray(R"("12\n")");
    QTest::newRow("folded block") << QByteArray(">-\n  true\n") << QByteArray(R"("true")");
    QTest::newRow("non-specific tag") << QByteArray("! 12") << QByteArray(R"("12")");
}

void TestTreeReaders::scalarTyping()
{
    QFETCH(QByteArray, scalar);
    QFETCH(QByteArray, expected);

    const ParsedTree tree = readYaml("v: " + scalar + "\n");
    QCOMPARE(QString::fromStdString(tree.value["v"].dump()),
             QString::fromStdString(JsonTree::parse(expected.constData()).dump()));
}

void TestTreeReaders::standardTags()
{
    const ParsedTree tree = readYaml("a: !!str 12\nb: !!int \"86400\"\nc: !!float '2'\nd: !!bool 'true'\n"
                                     "e: !!null ''\nf: !!map {x: 1}\ng: !!seq [1]\nh: !!binary aGk=\n"
                                     "!!str 5: five\n");
    COMPARE_TREE(tree.value, json(R"({"a": "12", "b": 86400, "c": 2.0, "d": true, "e": null, "f": {"x": 1},
                                 "g": [1], "h": "aGk=", "5": "five"})"));

    auto error = yamlError("a: !!int twelve\n");
    QVERIFY(error);
    QVERIFY2(error->message().contains(QStringLiteral("!!int")), qPrintable(error->describe()));
    error = yamlError("a: !!map x\n");
    QVERIFY(error);
    QCOMPARE(error->line(), 1);
    error = yamlError("a: !!float .inf\n");
    QVERIFY(error);
}

void TestTreeReaders::duplicateKeyYaml()
{
    const auto error = yamlError("Resources:\n"
                                 "  Queue:\n"
                                 "    Type: AWS::SQS::Queue\n"
                                 "  Topic:\n"
                                 "    Type: AWS::SNS::Topic\n"
                                 "  Queue:\n"
                                 "    Type: AWS::SQS::Queue\n");
    QVERIFY(error);
    QCOMPARE(error->fileName(), QStringLiteral("test.yaml"));
    QCOMPARE(error->line(), 6);
    QCOMPARE(error->column(), 3);
    QCOMPARE(error->message(), QStringLiteral("duplicate key 'Queue' (first defined at line 2)"));
    QCOMPARE(error->describe(), QStringLiteral("test.yaml:6:3: duplicate key 'Queue' (first defined at line 2)"));

    const auto flow = yamlError("a: {x: 1, y: 2, x: 3}\n");
    QVERIFY(flow);
    QCOMPARE(flow->line(), 1);
    QCOMPARE(flow->column(), 17);

    const auto quoted = yamlError("a: 1\n\"a\": 2\n");
    QVERIFY(quoted);
    QCOMPARE(quoted->line(), 2);
    QCOMPARE(quoted->column(), 1);

    QVERIFY(!yamlError("a: {x: 1}\nb: {x: 1}\n"));

    const QByteArray longKey(5000, 'k');
    const auto longOne = yamlError("? " + longKey + "\n: 1\n? " + longKey + "\n: 2\n");
    QVERIFY(longOne);
    QVERIFY2(longOne->message().size() < 200, qPrintable(longOne->message()));
    QVERIFY2(longOne->message().startsWith(QStringLiteral("duplicate key 'kkk")), qPrintable(longOne->message()));
    const auto longJson = jsonError("{\"" + longKey + "\": 1, \"" + longKey + "\": 2}");
    QVERIFY(longJson);
    QVERIFY2(longJson->message().size() < 200, qPrintable(longJson->message()));
}

void TestTreeReaders::duplicateKeyJson()
{
    const auto error = jsonError("{\n"
                                 "  \"Resources\": {\n"
                                 "    \"Queue\": {\"Type\": \"AWS::SQS::Queue\"},\n"
                                 "    \"Queue\": {\"Type\": \"AWS::SQS::Queue\"}\n"
                                 "  }\n"
                                 "}\n");
    QVERIFY(error);
    QCOMPARE(error->fileName(), QStringLiteral("test.json"));
    QCOMPARE(error->line(), 4);
    QCOMPARE(error->column(), 5);
    QCOMPARE(error->message(), QStringLiteral("duplicate key 'Queue' (first defined at line 3)"));

    const auto escaped = jsonError(R"({"a\"b": 1, "x": "\\", "a\"b": 2})");
    QVERIFY(escaped);
    QCOMPARE(escaped->line(), 1);
    QCOMPARE(escaped->column(), 24);
    QCOMPARE(escaped->message(), QStringLiteral("duplicate key 'a\"b' (first defined at line 1)"));
}

void TestTreeReaders::unknownTag()
{
    const auto error = yamlError("Resources:\n  Value: !Foo bar\n");
    QVERIFY(error);
    QCOMPARE(error->line(), 2);
    QCOMPARE(error->column(), 10);
    QCOMPARE(error->message(), QStringLiteral("unknown tag '!Foo'"));
    QCOMPARE(error->describe(), QStringLiteral("test.yaml:2:10: unknown tag '!Foo'"));

    const auto onSequence = yamlError("a: !Bar [1]\n");
    QVERIFY(onSequence);
    QCOMPARE(onSequence->message(), QStringLiteral("unknown tag '!Bar'"));
}

void TestTreeReaders::keysMustBeScalars_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");

    QTest::newRow("explicit complex key") << QByteArray("? [a, b]\n: c\n")
                                          << QStringLiteral("complex mapping keys are not supported");
    QTest::newRow("flow sequence key") << QByteArray("[a, b]: c\n")
                                       << QStringLiteral("complex mapping keys are not supported");
    QTest::newRow("map key") << QByteArray("{a: 1}: c\n") << QStringLiteral("complex mapping keys are not supported");
    QTest::newRow("tagged key") << QByteArray("!Ref a: c\n") << QStringLiteral("cannot be used on a mapping key");
    QTest::newRow("alias key") << QByteArray("a: &x k\n*x : c\n") << QStringLiteral("alias cannot be used as a mapping key");
}

void TestTreeReaders::keysMustBeScalars()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);

    const auto error = yamlError(yaml);
    QVERIFY(error);
    QVERIFY2(error->message().contains(message), qPrintable(error->describe()));
    QVERIFY(error->line() > 0);

    const ParsedTree simple = readYaml("? a\n: b\nnull: c\n~: d\n");
    COMPARE_TREE(simple.value, json(R"({"a": "b", "null": "c", "~": "d"})"));
}

void TestTreeReaders::yamlSyntaxError()
{
    const auto error = yamlError("Resources:\n  A:\n    Type: x\n   B: y\n");
    QVERIFY(error);
    QCOMPARE(error->line(), 4);
    QCOMPARE(error->column(), 4);
    QVERIFY2(!error->message().isEmpty(), qPrintable(error->describe()));

    const auto flow = yamlError("a: [1, 2\nb: 3\n");
    QVERIFY(flow);
    QVERIFY(flow->line() >= 2);
    QVERIFY2(flow->message().contains(QStringLiteral("end of sequence flow not found")), qPrintable(flow->describe()));

    const auto tab = yamlError("a: b\n\tc: d\n");
    QVERIFY(tab);
    QCOMPARE(tab->line(), 2);
    QCOMPARE(tab->column(), 1);
}

void TestTreeReaders::jsonSyntaxError()
{
    const auto error = jsonError("{\n  \"a\": tru,\n  \"b\": 1\n}\n");
    QVERIFY(error);
    QCOMPARE(error->line(), 2);
    QCOMPARE(error->column(), 11);
    QVERIFY2(error->message().startsWith(QStringLiteral("syntax error")), qPrintable(error->describe()));
    QVERIFY(!error->message().contains(QStringLiteral("json.exception")));

    const auto missingComma = jsonError("{\"a\": 1\n \"b\": 2}");
    QVERIFY(missingComma);
    QCOMPARE(missingComma->line(), 2);
    QCOMPARE(missingComma->column(), 2);

    const auto unterminated = jsonError("{\"a\": [1, 2");
    QVERIFY(unterminated);
    QCOMPARE(unterminated->line(), 1);

    const auto trailing = jsonError("{} {}");
    QVERIFY(trailing);
    QCOMPARE(trailing->column(), 4);
}

void TestTreeReaders::multipleDocuments()
{
    const auto error = yamlError("a: 1\n---\nb: 2\n");
    QVERIFY(error);
    QVERIFY2(error->message().contains(QStringLiteral("more than one YAML document")), qPrintable(error->describe()));
    QCOMPARE(error->line(), 2);

    QVERIFY(!yamlError("---\na: 1\n...\n"));
}

void TestTreeReaders::emptyFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isJson");

    QTest::newRow("yaml nothing") << QByteArray() << false;
    QTest::newRow("yaml blank") << QByteArray(" \n\t\r\n") << false;
    QTest::newRow("yaml comments") << QByteArray("# nothing here\n") << false;
    QTest::newRow("json nothing") << QByteArray() << true;
    QTest::newRow("json blank") << QByteArray("\n\n") << true;
}

void TestTreeReaders::emptyFile()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isJson);

    const auto error = isJson ? jsonError(text) : yamlError(text);
    QVERIFY(error);
    QCOMPARE(error->message(), QStringLiteral("the file is empty"));
}

void TestTreeReaders::anchorsAndAliases()
{
    const ParsedTree tree = readYaml("base: &b\n"
                                     "  x: !Ref A\n"
                                     "  y: [1, !GetAtt F.Arn]\n"
                                     "copy: *b\n"
                                     "list: [&s text, *s, *b]\n");
    COMPARE_TREE(tree.value["copy"], tree.value["base"]);
    COMPARE_TREE(tree.value["list"], json(R"(["text", "text", {"x": {"Ref": "A"}, "y": [1, {"Fn::GetAtt": ["F", "Arn"]}]}])"));
    QCOMPARE(sorted(tree.shortForms), (std::set<std::string>{"/base/x", "/base/y/1", "/copy/x", "/copy/y/1",
                                                             "/list/2/x", "/list/2/y/1"}));
    QCOMPARE(sorted(tree.getAttDotForms), (std::set<std::string>{"/base/y/1", "/copy/y/1", "/list/2/y/1"}));
    QCOMPARE(tree.locations.at("/copy").line, 4);
    QCOMPARE(tree.locations.at("/list/1").column, 17);
    QCOMPARE(tree.locations.at("/copy/y/1").line, 3);
}

void TestTreeReaders::recursiveAlias()
{
    const auto error = yamlError("a: &x [1, *x]\n");
    QVERIFY(error);
    QCOMPARE(error->line(), 1);
    QCOMPARE(error->column(), 11);
}

void TestTreeReaders::billionLaughsRefused()
{
    QElapsedTimer timer;
    timer.start();
    const auto error = yamlError(billionLaughs());
    QVERIFY(error);
    QVERIFY2(error->message().contains(QStringLiteral("nodes")), qPrintable(error->describe()));
    QVERIFY(error->line() > 0);
    qInfo("billion laughs refused in %lld ms: %s", static_cast<long long>(timer.elapsed()),
          qPrintable(error->describe()));

    TreeReadLimits small;
    small.maxNodes = 1000;
    const auto early = yamlError(billionLaughs(), small);
    QVERIFY(early);
    QCOMPARE(early->line(), 4);
}

void TestTreeReaders::aliasUseLimit()
{
    QByteArray text = "a: &a x\nb: [";
    for (int i = 0; i < 30; ++i)
        text += "*a, ";
    text += "*a]\n";
    TreeReadLimits limits;
    limits.maxAliasUses = 30;
    const auto error = yamlError(text, limits);
    QVERIFY(error);
    QVERIFY2(error->message().contains(QStringLiteral("more than 30 aliases")), qPrintable(error->describe()));
    limits.maxAliasUses = 31;
    QVERIFY(!yamlError(text, limits));
}

void TestTreeReaders::expandedBytesLimit()
{
    const QByteArray big(100000, 'x');
    QByteArray text = "a: &a " + big + "\nb: [";
    for (int i = 0; i < 100; ++i)
        text += "*a, ";
    text += "*a]\n";
    TreeReadLimits limits;
    limits.maxExpandedBytes = 5'000'000;
    const auto error = yamlError(text, limits);
    QVERIFY(error);
    QVERIFY2(error->message().contains(QStringLiteral("bytes")), qPrintable(error->describe()));
    limits.maxExpandedBytes = 50'000'000;
    QVERIFY(!yamlError(text, limits));

    QByteArray deepKeys = "{";
    QByteArray closing = "}";
    const QByteArray longKey(2000, 'k');
    for (int level = 0; level < 200; ++level) {
        deepKeys += "\"" + longKey + QByteArray::number(level) + "\": {";
        closing += "}";
    }
    deepKeys += "\"leaf\": [";
    for (int i = 0; i < 20000; ++i)
        deepKeys += "1,";
    deepKeys += "1]" + closing;
    const auto quadratic = jsonError(deepKeys);
    QVERIFY(quadratic);
    QVERIFY2(quadratic->message().contains(QStringLiteral("bytes")), qPrintable(quadratic->describe()));
}

void TestTreeReaders::deepFlowNesting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<int>("maxDepth");

    const QByteArray million(1'000'000, '[');
    QTest::newRow("yaml sequences") << million << false << 256;
    QTest::newRow("yaml maps") << QByteArray("{a: ").repeated(300'000) << false << 256;
    QTest::newRow("yaml with a huge limit") << million << false << 10'000'000;
    QTest::newRow("yaml closed") << QByteArray(100'000, '[') + QByteArray(100'000, ']') << false << 10'000'000;
    QTest::newRow("json arrays") << million << true << 256;
    QTest::newRow("json objects") << QByteArray("{\"a\":").repeated(300'000) << true << 256;
    QTest::newRow("json with a huge limit") << million << true << 10'000'000;
}

void TestTreeReaders::deepFlowNesting()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isJson);
    QFETCH(int, maxDepth);

    TreeReadLimits limits;
    limits.maxDepth = maxDepth;
    const auto error = isJson ? jsonError(text, limits) : yamlError(text, limits);
    QVERIFY(error);
    QVERIFY2(error->line() == 1, qPrintable(error->describe()));
    if (maxDepth == 256)
        QVERIFY2(error->message().contains(QStringLiteral("deeper than 256 levels")), qPrintable(error->describe()));
}

void TestTreeReaders::deepBlockNesting()
{
    QByteArray text;
    for (int level = 0; level < 300; ++level)
        text += QByteArray(level, ' ') + "k" + QByteArray::number(level) + ":\n";
    const auto error = yamlError(text);
    QVERIFY(error);
    QCOMPARE(error->line(), 257);
    QVERIFY(error->message().contains(QStringLiteral("deeper than 256 levels")));

    TreeReadLimits limits;
    limits.maxDepth = 400;
    QVERIFY(!yamlError(text, limits));

    const auto tagged = yamlError(QByteArray("a: ") + QByteArray("!Not [").repeated(200) + "x"
                                  + QByteArray("]").repeated(200));
    QVERIFY(tagged);
    QVERIFY(tagged->message().contains(QStringLiteral("deeper than 256 levels")));
}

void TestTreeReaders::jsonNodeLimit()
{
    QByteArray text = "[";
    for (int i = 0; i < 2000; ++i)
        text += "1,";
    text += "1]";
    TreeReadLimits limits;
    limits.maxNodes = 1000;
    const auto error = jsonError(text, limits);
    QVERIFY(error);
    QVERIFY(error->message().contains(QStringLiteral("more than 1000 nodes")));
    QCOMPARE(error->column(), 2 + 2 * 999);
    limits.maxNodes = 3000;
    QVERIFY(!jsonError(text, limits));
}

void TestTreeReaders::overSizeText()
{
    TreeReadLimits limits;
    limits.maxBytes = 16;
    const QByteArray text = "Description: a template that is too long\n";
    const auto yaml = yamlError(text, limits);
    QVERIFY(yaml);
    QVERIFY2(yaml->message().contains(QStringLiteral("more than the limit of 16 bytes")), qPrintable(yaml->describe()));
    QCOMPARE(yaml->line(), 0);
    const auto jsonFile = jsonError("{\"Description\": \"too long\"}", limits);
    QVERIFY(jsonFile);
    QVERIFY(jsonFile->message().contains(QStringLiteral("limit of 16 bytes")));
}

void TestTreeReaders::yamlLocations()
{
    const ParsedTree tree = readYaml("AWSTemplateFormatVersion: '2010-09-09'\n"
                                     "Resources:\n"
                                     "  My/Fn~1:\n"
                                     "    Type: AWS::Serverless::Function\n"
                                     "    Properties:\n"
                                     "      Layers:\n"
                                     "        - !Ref L\n"
                                     "        -   arn:x\n"
                                     "      Env: {A: é, B: 2}\n");
    const auto at = [&](const std::string& pointer) {
        const auto found = tree.locations.find(pointer);
        return found == tree.locations.end() ? std::pair<int, int>{-1, -1}
                                             : std::pair<int, int>{found->second.line, found->second.column};
    };
    QCOMPARE(at(""), (std::pair<int, int>{1, 1}));
    QCOMPARE(at("/AWSTemplateFormatVersion"), (std::pair<int, int>{1, 1}));
    QCOMPARE(at("/Resources"), (std::pair<int, int>{2, 1}));
    QCOMPARE(at("/Resources/My~1Fn~01"), (std::pair<int, int>{3, 3}));
    QCOMPARE(at("/Resources/My~1Fn~01/Type"), (std::pair<int, int>{4, 5}));
    QCOMPARE(at("/Resources/My~1Fn~01/Properties/Layers/0"), (std::pair<int, int>{7, 11}));
    QCOMPARE(at("/Resources/My~1Fn~01/Properties/Layers/0/Ref"), (std::pair<int, int>{7, 11}));
    QCOMPARE(at("/Resources/My~1Fn~01/Properties/Layers/1"), (std::pair<int, int>{8, 13}));
    QCOMPARE(at("/Resources/My~1Fn~01/Properties/Env/B"), (std::pair<int, int>{9, 19}));

    const JsonTree::json_pointer pointer("/Resources/My~1Fn~01/Type");
    COMPARE_TREE(tree.value.at(pointer), JsonTree("AWS::Serverless::Function"));
    for (const auto& [key, location] : tree.locations) {
        QVERIFY(tree.value.contains(JsonTree::json_pointer(key)));
        QVERIFY(location.line > 0 && location.column > 0);
    }
}

void TestTreeReaders::jsonLocations()
{
    const ParsedTree tree = readJson("{\n"
                                     "  \"Resources\": {\n"
                                     "    \"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"n\": -1.5e3,\n"
                                     "      \"List\": [true, null, 12, \"é\", {\"a/b\": false}]}\n"
                                     "  }\n"
                                     "}\n");
    QCOMPARE(tree.format, ParsedTree::Format::Json);
    QVERIFY(tree.shortForms.empty());
    QVERIFY(tree.getAttDotForms.empty());
    const auto at = [&](const std::string& pointer) {
        const auto found = tree.locations.find(pointer);
        return found == tree.locations.end() ? std::pair<int, int>{-1, -1}
                                             : std::pair<int, int>{found->second.line, found->second.column};
    };
    QCOMPARE(at(""), (std::pair<int, int>{1, 1}));
    QCOMPARE(at("/Resources"), (std::pair<int, int>{2, 3}));
    QCOMPARE(at("/Resources/Fn"), (std::pair<int, int>{3, 5}));
    QCOMPARE(at("/Resources/Fn/Type"), (std::pair<int, int>{3, 12}));
    QCOMPARE(at("/Resources/Fn/n"), (std::pair<int, int>{3, 45}));
    QCOMPARE(at("/Resources/Fn/List/0"), (std::pair<int, int>{4, 16}));
    QCOMPARE(at("/Resources/Fn/List/1"), (std::pair<int, int>{4, 22}));
    QCOMPARE(at("/Resources/Fn/List/2"), (std::pair<int, int>{4, 28}));
    QCOMPARE(at("/Resources/Fn/List/3"), (std::pair<int, int>{4, 32}));
    QCOMPARE(at("/Resources/Fn/List/4"), (std::pair<int, int>{4, 37}));
    QCOMPARE(at("/Resources/Fn/List/4/a~1b"), (std::pair<int, int>{4, 38}));
    COMPARE_TREE(tree.value["Resources"]["Fn"]["n"], JsonTree(-1500.0));
    QCOMPARE(tree.locations.size(), std::size_t(12));
}

void TestTreeReaders::jsonKeepsKeyOrder()
{
    const QByteArray text = R"({"Zeta": 1, "Alpha": {"y": [1, 2.5, "x"], "b": null}, "Mid": true, "Big": 18446744073709551615})";
    const ParsedTree tree = readJson(text);
    std::vector<std::string> keys;
    for (auto it = tree.value.begin(); it != tree.value.end(); ++it)
        keys.push_back(it.key());
    QCOMPARE(keys, (std::vector<std::string>{"Zeta", "Alpha", "Mid", "Big"}));
    QCOMPARE(QByteArray::fromStdString(tree.value.dump()),
             QByteArray(R"({"Zeta":1,"Alpha":{"y":[1,2.5,"x"],"b":null},"Mid":true,"Big":18446744073709551615})"));

    const ParsedTree yaml = readYaml("Zeta: 1\nAlpha:\n  y: 1\n  b: 2\nMid: 3\n");
    QCOMPARE(QByteArray::fromStdString(yaml.value.dump()), QByteArray(R"({"Zeta":1,"Alpha":{"y":1,"b":2},"Mid":3})"));
}

void TestTreeReaders::utf16Input()
{
    QStringEncoder encoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray yaml = encoder.encode(QStringLiteral("a: é\nb: !Ref X\n"));
    const ParsedTree tree = readYaml(yaml);
    COMPARE_TREE(tree.value, json(R"({"a": "é", "b": {"Ref": "X"}})"));
    QCOMPARE(tree.locations.at("/b").line, 2);

    QStringEncoder jsonEncoder(QStringConverter::Utf16BE, QStringConverter::Flag::WriteBom);
    const ParsedTree fromJson = readJson(jsonEncoder.encode(QStringLiteral("{\"a\": \"é\"}")));
    COMPARE_TREE(fromJson.value, json(R"({"a": "é"})"));

    const ParsedTree bom = readYaml("\xEF\xBB\xBF" "a: 1\n");
    QCOMPARE(bom.locations.at("/a").column, 1);
}

void TestTreeReaders::invalidUtf8()
{
    const auto yaml = yamlError("a: ok\nb: caf\xE9\n");
    QVERIFY(yaml);
    QCOMPARE(yaml->line(), 2);
    QVERIFY(yaml->message().contains(QStringLiteral("UTF-8")));
    QVERIFY(jsonError("{\"b\": \"caf\xE9\"}"));
}

void TestTreeReaders::describeFormats()
{
    QCOMPARE(TreeParseError(QStringLiteral("f.yaml"), 3, 7, QStringLiteral("bad")).describe(),
             QStringLiteral("f.yaml:3:7: bad"));
    QCOMPARE(TreeParseError(QStringLiteral("f.yaml"), 3, 0, QStringLiteral("bad")).describe(),
             QStringLiteral("f.yaml:3: bad"));
    QCOMPARE(TreeParseError(QStringLiteral("f.yaml"), 0, 5, QStringLiteral("bad")).describe(),
             QStringLiteral("f.yaml: bad"));
    QCOMPARE(TreeParseError(QString(), 2, 1, QStringLiteral("bad")).describe(), QStringLiteral("2:1: bad"));
    QCOMPARE(TreeParseError(QString(), 0, 0, QStringLiteral("bad")).describe(), QStringLiteral("bad"));
    const TreeParseError error(QStringLiteral("f.json"), SourceLocation{4, 2}, QStringLiteral("oops"));
    QCOMPARE(QString::fromUtf8(error.what()), QStringLiteral("f.json:4:2: oops"));
}

void TestTreeReaders::fileReaderDetectsFormat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString& name, const QByteArray& text) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(text);
        return file.fileName();
    };

    const ParsedTree braces = TreeFileReader::read(write(QStringLiteral("t.template"), "\n  {\"a\": [1]}"));
    QCOMPARE(braces.format, ParsedTree::Format::Json);
    const ParsedTree named = TreeFileReader::read(write(QStringLiteral("t.JSON"), "[1]"));
    QCOMPARE(named.format, ParsedTree::Format::Json);
    const ParsedTree yaml = TreeFileReader::read(write(QStringLiteral("t.yml"), "a: !Ref B\n"));
    QCOMPARE(yaml.format, ParsedTree::Format::Yaml);
    COMPARE_TREE(yaml.value, json(R"({"a": {"Ref": "B"}})"));

    const QString broken = write(QStringLiteral("broken.json"), "{\"a\": 1,}");
    try {
        TreeFileReader::read(broken);
        QFAIL("a broken JSON file was read");
    } catch (const TreeParseError& error) {
        QCOMPARE(error.fileName(), broken);
        QVERIFY(error.describe().startsWith(broken + QStringLiteral(":1:")));
    }

    QCOMPARE(TreeFileReader::detectFormat(QStringLiteral("x.yaml"), "\xEF\xBB\xBF {}"), ParsedTree::Format::Json);
    QCOMPARE(TreeFileReader::detectFormat(QStringLiteral("x.yaml"), "a: {}"), ParsedTree::Format::Yaml);
}

void TestTreeReaders::fileReaderErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.yaml"));
    try {
        TreeFileReader::read(missing);
        QFAIL("a missing file was read");
    } catch (const TreeParseError& error) {
        QCOMPARE(error.fileName(), missing);
        QVERIFY(error.describe().startsWith(missing + QStringLiteral(": ")));
    }

    try {
        TreeFileReader::read(dir.path());
        QFAIL("a folder was read");
    } catch (const TreeParseError& error) {
        QCOMPARE(error.fileName(), dir.path());
    }

    const QString big = dir.filePath(QStringLiteral("big.yaml"));
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(5000, '#'));
    }
    TreeReadLimits limits;
    limits.maxBytes = 4096;
    try {
        TreeFileReader::read(big, limits);
        QFAIL("an over-size file was read");
    } catch (const TreeParseError& error) {
        QCOMPARE(error.fileName(), big);
        QCOMPARE(error.message(), QStringLiteral("the file is 5000 bytes long, more than the limit of 4096 bytes"));
    }

    if (QFileInfo(QStringLiteral("/dev/zero")).exists()) {
        try {
            TreeFileReader::read(QStringLiteral("/dev/zero"), limits);
            QFAIL("an endless device was read");
        } catch (const TreeParseError& error) {
            QVERIFY2(error.message().contains(QStringLiteral("limit of 4096 bytes")), qPrintable(error.describe()));
        }
    }
}

void TestTreeReaders::truncatedInputNeverCrashes()
{
    const QByteArray yaml = "AWSTemplateFormatVersion: '2010-09-09'\n"
                            "Transform: AWS::Serverless-2016-10-31\n"
                            "Parameters: {Stage: {Type: String, Default: dev}}\n"
                            "Resources:\n"
                            "  Fn: &fn\n"
                            "    Type: AWS::Serverless::Function\n"
                            "    Properties:\n"
                            "      Handler: \"index.handler\"\n"
                            "      Policies:\n"
                            "        - SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}\n"
                            "      Events:\n"
                            "        Q: {Type: SQS, Properties: {Queue: !GetAtt [Queue, Arn]}}\n"
                            "      Code: |\n"
                            "        def handler(e, c):\n"
                            "            return {'ok': [1, 2]}\n"
                            "  Copy: *fn\n"
                            "Outputs:\n"
                            "  Arn: {Value: !Sub '${Fn.Arn}', Export: {Name: !Join ['-', [a, !Ref Stage]]}}\n";
    const QByteArray jsonText = QByteArray::fromStdString(readYaml(yaml).value.dump(2));
    QRandomGenerator random(20240601);
    int refused = 0;
    for (const QByteArray& text : {yaml, jsonText}) {
        const bool isJson = text.startsWith('{');
        for (qsizetype length = 0; length <= text.size(); ++length) {
            if ((isJson ? jsonError(text.left(length)) : yamlError(text.left(length))))
                ++refused;
        }
        for (int round = 0; round < 400; ++round) {
            QByteArray mutated = text;
            for (int edits = 0; edits < 3; ++edits) {
                const auto position = static_cast<qsizetype>(random.bounded(static_cast<quint32>(mutated.size())));
                static const char pieces[] = "[]{}:,-!&*?|>'\"\n #\t\\%@`~\x00\xff";
                mutated[position] = pieces[random.bounded(static_cast<quint32>(sizeof pieces - 1))];
            }
            if ((isJson ? jsonError(mutated) : yamlError(mutated)))
                ++refused;
        }
    }
    QVERIFY(refused > 0);
}

void TestTreeReaders::corpus()
{
    const QString root = QStringLiteral(TRIBUTARY_CORPUS_DIR);
    if (!QDir(root + QStringLiteral("/serverless-patterns")).exists())
        QSKIP("the corpus is not beside the checkout");

    QSet<QString> knownBroken;
    {
        QFile lint(root + QStringLiteral("/serverless-patterns.cfn-lint.json"));
        if (lint.open(QIODevice::ReadOnly)) {
            const JsonTree rules = JsonTree::parse(lint.readAll().toStdString());
            for (auto it = rules.begin(); it != rules.end(); ++it) {
                const JsonTree& errors = it.value()["errors"];
                if (std::find(errors.begin(), errors.end(), JsonTree("E0000")) != errors.end())
                    knownBroken.insert(QString::fromStdString(it.key()));
            }
        }
    }

    for (const QString folder : {QStringLiteral("serverless-patterns"), QStringLiteral("sam-translator")}) {
        int read = 0;
        QStringList refused;
        QStringList unexpected;
        QDirIterator files(root + QLatin1Char('/') + folder,
                           {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                           QDir::Files);
        while (files.hasNext()) {
            const QString path = files.next();
            const QString name = files.fileName();
            if (name.startsWith(QStringLiteral("LICENSE")) || name.startsWith(QStringLiteral("NOTICE"))
                || name.startsWith(QStringLiteral("README")))
                continue;
            try {
                const ParsedTree tree = TreeFileReader::read(path);
                QVERIFY2(tree.value.is_object(), qPrintable(path));
                ++read;
            } catch (const TreeParseError& error) {
                refused << error.describe();
                if (folder == QStringLiteral("sam-translator") || !knownBroken.contains(name))
                    unexpected << error.describe();
            }
        }
        qInfo("%s: %d read, %d refused", qPrintable(folder), read, int(refused.size()));
        for (const QString& line : std::as_const(refused))
            qInfo("  refused %s", qPrintable(line));
        QVERIFY(read > 0);
        if (folder == QStringLiteral("serverless-patterns"))
            QVERIFY(refused.size() <= 7);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    }
}

QTEST_GUILESS_MAIN(TestTreeReaders)
#include "tst_treereaders.moc"
