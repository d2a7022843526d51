#include "model/tree/JsonTreeReader.h"
#include "model/tree/JsonTreeWriter.h"
#include "model/tree/ParsedTree.h"
#include "model/tree/TreeFileReader.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"
#include "model/tree/YamlTreeWriter.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

#include <cstdint>
#include <limits>
#include <set>

using namespace tributary;

namespace {

const char* const kFunctions[] = {"Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Select", "Fn::Split",
                                  "Fn::FindInMap", "Fn::Base64", "Fn::Cidr", "Fn::ImportValue", "Fn::GetAZs",
                                  "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Transform", "Fn::Length",
                                  "Fn::ToJsonString", "Fn::ForEach", "Fn::Contains", "Fn::EachMemberEquals",
                                  "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll"};

bool isFunction(const std::string& key)
{
    for (const char* function : kFunctions) {
        if (key == function)
            return true;
    }
    return false;
}

TemplateStyle styleOf(bool shortForms, bool dotted)
{
    TemplateStyle style;
    style.shortForms = shortForms;
    style.getAttDotForm = dotted;
    return style;
}

QString show(const QByteArray& text)
{
    return QString::fromUtf8(text.left(4000));
}

/** Why writing tree as YAML in style and reading it back does not give tree; empty when it does. */
QString yamlRoundTripProblem(const JsonTree& tree, const TemplateStyle& style, ParsedTree* readBack = nullptr)
{
    const QByteArray text = YamlTreeWriter::write(tree, style);
    if (!text.endsWith('\n'))
        return QStringLiteral("no newline at the end:\n%1").arg(show(text));
    ParsedTree parsed;
    try {
        parsed = YamlTreeReader::read(text, QStringLiteral("written.yaml"));
    } catch (const TreeParseError& error) {
        return QStringLiteral("%1\n%2").arg(error.describe(), show(text));
    }
    if (parsed.value != tree || parsed.value.dump() != tree.dump())
        return QStringLiteral("read back\n  %1\ninstead of\n  %2\nfrom\n%3")
            .arg(QString::fromStdString(parsed.value.dump()).left(2000),
                 QString::fromStdString(tree.dump()).left(2000), show(text));
    const QByteArray again = YamlTreeWriter::write(parsed.value, style);
    if (again != text)
        return QStringLiteral("writing the tree read back gives other text:\n%1\nvs\n%2").arg(show(again), show(text));
    if (readBack)
        *readBack = std::move(parsed);
    return {};
}

/**
 * Why the short forms of a tree read back from YAML written in style are not the ones the writer
 * promises; empty when they are. Every intrinsic object is short unless a tag cannot hold it.
 */
QString shortFormProblem(const ParsedTree& parsed, const TemplateStyle& style, const JsonTree& node,
                         const std::string& pointer)
{
    if (node.is_object()) {
        if (node.size() == 1 && isFunction(node.begin().key())) {
            const std::string& key = node.begin().key();
            const JsonTree& value = node.begin().value();
            const bool isShort = parsed.shortForms.count(pointer) > 0;
            const bool innerShort = value.is_object() && value.size() == 1
                && parsed.shortForms.count(ParsedTree::childPointer(pointer, key)) > 0;
            const bool tagCannotHold = (value.is_primitive() && !value.is_string())
                || (key == "Ref" && !value.is_string())
                || (key == "Fn::GetAtt" && value.is_string()) || innerShort;
            if (!style.shortForms && isShort)
                return QStringLiteral("%1 is short though long forms were asked for").arg(QString::fromStdString(pointer));
            if (style.shortForms && !isShort && !tagCannotHold)
                return QStringLiteral("%1 is in long form").arg(QString::fromStdString(pointer));
            if (isShort && key == "Fn::GetAtt") {
                const bool dottable = value.is_array() && value.size() == 2 && value[0].is_string()
                    && value[1].is_string() && value[0].get<std::string>().find('.') == std::string::npos;
                if ((parsed.getAttDotForms.count(pointer) > 0) != (style.getAttDotForm && dottable))
                    return QStringLiteral("%1: wrong !GetAtt form").arg(QString::fromStdString(pointer));
            }
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString problem = shortFormProblem(parsed, style, it.value(), ParsedTree::childPointer(pointer, it.key()));
            if (!problem.isEmpty())
                return problem;
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const QString problem = shortFormProblem(parsed, style, node[i], ParsedTree::childPointer(pointer, i));
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString jsonRoundTripProblem(const JsonTree& tree)
{
    const QByteArray text = JsonTreeWriter::write(tree);
    if (!text.endsWith('\n'))
        return QStringLiteral("no newline at the end");
    try {
        const ParsedTree parsed = JsonTreeReader::read(text, QStringLiteral("written.json"));
        if (parsed.value != tree || parsed.value.dump() != tree.dump())
            return QStringLiteral("read back other JSON from\n%1").arg(show(text));
    } catch (const TreeParseError& error) {
        return error.describe();
    }
    return {};
}

} // namespace

class TestTreeWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strings_data();
    void strings();
    void numbersAndOthers_data();
    void numbersAndOthers();
    void keys_data();
    void keys();
    void nestedEmptyCollections();
    void shortForms_data();
    void shortForms();
    void conditionFunctionOnlyWhereConditionsStand();
    void longFormsWhenAsked();
    void tagsThatCannotBeShort();
    void blockLayout();
    void literalBlocks_data();
    void literalBlocks();
    void spacedMaps();
    void ambiguousStringsAreQuoted_data();
    void ambiguousStringsAreQuoted();
    void jsonWriter();
    void corpus();
};

void TestTreeWriters::strings_data()
{
    QTest::addColumn<QString>("text");
    const char* const texts[] = {
        "plain", "two words", "", " ", "  leading", "trailing  ", "true", "True", "TRUE", "false", "null", "Null",
        "NULL", "~", "yes", "No", "on", "OFF", "y", "n", "123", "-5", "0", "-0", "007", "0755", "012345678912",
        "1.5", "-0.25", "1.0", "1.10", "1e3", "1E-5", ".5", "1.", "+1", "0x1F", "0o17", "0b101", "1_000", "12:30",
        "190:20:30", ".inf", "-.inf", ".nan", "2012-10-17", "2001-12-14t21:59:43.10-05:00", "2012-10-17 extra",
        "10.0.0.0/16", "10.0.0.0", "arn:aws:s3:::bucket/*", "key: value", "ends with colon:", "a #comment",
        "a#b", "#start", "- item", "-flag", "--long-flag", "-", "?", "? x", ":x", "a:b", "http://example.com/x?y=1",
        "*", "*alias", "&anchor", "!Ref X", "!", "%percent", "@at", "`tick`", "{brace", "}", "[bracket", "]",
        "a, b", "a,b", "|", ">", "'single'", "\"double\"", "it's", "say \"hi\"", "back\\slash", "\\", "tab\there",
        "\ttab", "---", "--- x", "...", "<<", "=", "${AWS::Region}", "${Env}-bucket", "{{resolve:ssm:/x}}",
        "über", "日本語テキスト", "emoji 🚀", "a\u00a0nbsp", "nel\u0085x", "ls\u2028x", "bom\ufeffx", "bell\ax",
        "nul\x01x", "del\x7fx", "cr\rx", "line1\nline2", "trailing newline\n", "\n", "\n\n", "\nleading newline",
        "a\n\n\nb\n\n", "  indented\nsecond", "x\n  more indented\nback", "only\n   \nspaces line",
        "ends with spaces line\n   ", "tab\tin\nblock", "\tleading tab\nline", "# hash\nline", "line\n# hash",
        "- dash\n- list", "key: v\nk2: v2", "'\n'", "quote ' in\nblock", "trailing spaces   \nline  ", "\r\n",
        "windows\r\nlines\r\n", "Fn::Sub", "Ref", "@{x}", "a: ", " a", "a ", "!!str", "&", "C:\\path\\file"};
    for (const char* text : texts)
        QTest::newRow(QByteArray(text).toPercentEncoding().left(60).constData()) << QString::fromUtf8(text);
    QTest::newRow("very long") << QString(5000, QLatin1Char('x'));
    QTest::newRow("very long words") << QStringLiteral("word ").repeated(2000).trimmed();
    QTest::newRow("long with newline") << (QStringLiteral("line ").repeated(200) + QStringLiteral("\n")).repeated(50);
}

void TestTreeWriters::strings()
{
    QFETCH(QString, text);
    const std::string value = text.toStdString();
    for (const bool shortForms : {true, false}) {
        const TemplateStyle style = styleOf(shortForms, true);
        const JsonTree trees[] = {
            JsonTree::object({{"v", value}}),
            JsonTree::array({value, JsonTree::array({value}), JsonTree::object({{"k", value}})}),
            JsonTree::object({{"s", JsonTree::object({{"Fn::Sub", value}})}}),
            JsonTree::object({{"j", JsonTree::object({{"Fn::Join", JsonTree::array({value, JsonTree::array({value, JsonTree::object({{"Ref", value}})})})}})}}),
            JsonTree::object({{"g", JsonTree::object({{"Fn::GetAtt", JsonTree::array({value, value})}})}}),
            JsonTree(value),
        };
        for (const JsonTree& tree : trees) {
            const QString problem = yamlRoundTripProblem(tree, style);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY2(jsonRoundTripProblem(tree).isEmpty(), qPrintable(jsonRoundTripProblem(tree)));
        }
    }
}

void TestTreeWriters::numbersAndOthers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("integers") << QByteArray(R"({"a": 0, "b": -5, "c": 9223372036854775807, "d": -9223372036854775808})");
    QTest::newRow("decimals") << QByteArray(R"({"a": 1.5, "b": -0.25, "c": 0.1, "d": 3.14159})");
    QTest::newRow("whole doubles") << QByteArray(R"({"a": 1.0, "b": -0.0, "c": 100.0, "d": 0.0})");
    QTest::newRow("exponents") << QByteArray(R"({"a": 1e20, "b": 1.5e-7, "c": 1.7976931348623157e308, "d": 5e-324})");
    QTest::newRow("booleans and null") << QByteArray(R"({"a": true, "b": false, "c": null, "d": [null, true]})");
    QTest::newRow("number list") << QByteArray(R"({"position": [120, -40.5], "flags": [true, false]})");
}

void TestTreeWriters::numbersAndOthers()
{
    QFETCH(QByteArray, json);
    const JsonTree tree = JsonTree::parse(json.toStdString());
    const QString problem = yamlRoundTripProblem(tree, {});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(jsonRoundTripProblem(tree).isEmpty());
}

void TestTreeWriters::keys_data()
{
    QTest::addColumn<QString>("key");
    const char* const keys[] = {"Plain", "with space", "", "true", "123", "1.5", "null", "~", "yes", "a: b", "a #b",
                                "-", "- x", "?", "*", "&a", "!Ref", "Fn::Sub", "'quoted'", "<<", "line\nbreak",
                                "tab\tkey", " lead", "trail ", "日本", "{", "[x]", "#", "%", "@", "`", "a,b", "|", ">"};
    for (const char* key : keys)
        QTest::newRow(QByteArray(key).toPercentEncoding().constData()) << QString::fromUtf8(key);
    QTest::newRow("2000 characters") << QString(2000, QLatin1Char('k'));
}

void TestTreeWriters::keys()
{
    QFETCH(QString, key);
    const std::string name = key.toStdString();
    const JsonTree trees[] = {
        JsonTree::object({{name, "v"}}),
        JsonTree::object({{name, JsonTree::object({{name, JsonTree::array({1, "x"})}})}, {"after", 1}}),
        JsonTree::array({JsonTree::object({{name, "v"}, {"second", JsonTree::object({{name, "w"}})}})}),
        JsonTree::object({{name, JsonTree::object({{"Ref", "X"}})}, {"m", "line\nline"}}),
    };
    for (const JsonTree& tree : trees) {
        const QString problem = yamlRoundTripProblem(tree, {});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(jsonRoundTripProblem(tree).isEmpty());
    }
}

void TestTreeWriters::nestedEmptyCollections()
{
    const JsonTree tree = JsonTree::parse(R"({"a": {}, "b": [], "c": [{}, [], [[]], {"d": {}}],
        "e": {"f": {"g": []}}, "h": [[{}]], "i": {"Fn::Join": ["", []]}, "j": {"Fn::GetAZs": {}}})");
    for (const bool shortForms : {true, false}) {
        const QString problem = yamlRoundTripProblem(tree, styleOf(shortForms, true));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QCOMPARE(YamlTreeWriter::write(JsonTree::object()), QByteArray("{}\n"));
    QCOMPARE(YamlTreeWriter::write(JsonTree::array()), QByteArray("[]\n"));
    QVERIFY(jsonRoundTripProblem(tree).isEmpty());
}

void TestTreeWriters::shortForms_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("Ref") << QByteArray(R"({"v": {"Ref": "Bucket"}})") << QByteArray("v: !Ref Bucket\n");
    QTest::newRow("Ref pseudo") << QByteArray(R"({"v": {"Ref": "AWS::Region"}})") << QByteArray("v: !Ref AWS::Region\n");
    QTest::newRow("GetAtt dotted") << QByteArray(R"({"v": {"Fn::GetAtt": ["Fn", "Arn"]}})")
                                   << QByteArray("v: !GetAtt Fn.Arn\n");
    QTest::newRow("GetAtt nested attribute") << QByteArray(R"({"v": {"Fn::GetAtt": ["Db", "Endpoint.Address"]}})")
                                             << QByteArray("v: !GetAtt Db.Endpoint.Address\n");
    QTest::newRow("GetAtt with Ref") << QByteArray(R"({"v": {"Fn::GetAtt": ["Fn", {"Ref": "Attr"}]}})")
                                     << QByteArray("v: !GetAtt [Fn, !Ref Attr]\n");
    QTest::newRow("Sub scalar") << QByteArray(R"({"v": {"Fn::Sub": "${AWS::StackName}-x"}})")
                                << QByteArray("v: !Sub ${AWS::StackName}-x\n");
    QTest::newRow("Sub list") << QByteArray(R"({"v": {"Fn::Sub": ["${A}-x", {"A": {"Ref": "B"}}]}})")
                              << QByteArray("v: !Sub\n  - ${A}-x\n  - A: !Ref B\n");
    QTest::newRow("Join") << QByteArray(R"({"v": {"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "B"}, "/*"]]}})")
                          << QByteArray("v: !Join ['', ['arn:aws:s3:::', !Ref B, /*]]\n");
    QTest::newRow("If") << QByteArray(R"({"v": {"Fn::If": ["IsProd", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}})")
                        << QByteArray("v: !If [IsProd, !Ref A, !Ref AWS::NoValue]\n");
    QTest::newRow("Select GetAZs") << QByteArray(R"({"v": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}})")
                                   << QByteArray("v: !Select [0, !GetAZs '']\n");
    QTest::newRow("Base64 Sub") << QByteArray(R"({"v": {"Fn::Base64": {"Fn::Sub": "echo ${X}\nrun\n"}}})")
                                << QByteArray("v:\n  Fn::Base64: !Sub |\n    echo ${X}\n    run\n");
    QTest::newRow("If with map") << QByteArray(R"({"v": {"Fn::If": ["C", {"A": 1}, {"Ref": "AWS::NoValue"}]}})")
                                 << QByteArray("v: !If\n  - C\n  - A: 1\n  - !Ref AWS::NoValue\n");
    QTest::newRow("Transform") << QByteArray(R"({"v": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "a.yaml"}}}})")
                               << QByteArray("v: !Transform\n  Name: AWS::Include\n  Parameters:\n    Location: a.yaml\n");
    QTest::newRow("in a list") << QByteArray(R"({"v": [{"Ref": "A"}, {"Fn::Join": [",", [{"Ref": "B"}]]}]})")
                               << QByteArray("v:\n  - !Ref A\n  - !Join [',', [!Ref B]]\n");
    QTest::newRow("long list goes block") << QByteArray(R"({"v": {"Fn::Join": ["", ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccccccccccc"]]}})")
                                          << QByteArray("v: !Join\n  - ''\n  - - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
                                                        "    - bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
                                                        "    - cccccccccccccccccccccccccccccccccc\n");
    QTest::newRow("Ref of a number stays long") << QByteArray(R"({"v": {"Ref": 5}})") << QByteArray("v:\n  Ref: 5\n");
    QTest::newRow("GetAtt string stays long") << QByteArray(R"({"v": {"Fn::GetAtt": "A.Arn"}})")
                                              << QByteArray("v:\n  Fn::GetAtt: A.Arn\n");
    QTest::newRow("two keys is a map") << QByteArray(R"({"v": {"Ref": "A", "Other": 1}})")
                                       << QByteArray("v:\n  Ref: A\n  Other: 1\n");
    QTest::newRow("unknown function") << QByteArray(R"({"v": {"Fn::Unknown": "x"}})")
                                      << QByteArray("v:\n  Fn::Unknown: x\n");
}

void TestTreeWriters::shortForms()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, yaml);
    const JsonTree tree = JsonTree::parse(json.toStdString());
    QCOMPARE(YamlTreeWriter::write(tree, styleOf(true, true)), yaml);
    ParsedTree parsed;
    const QString problem = yamlRoundTripProblem(tree, styleOf(true, true), &parsed);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString formProblem = shortFormProblem(parsed, styleOf(true, true), parsed.value, "");
    QVERIFY2(formProblem.isEmpty(), qPrintable(formProblem));
}

void TestTreeWriters::conditionFunctionOnlyWhereConditionsStand()
{
    const JsonTree tree = JsonTree::parse(R"({
        "Conditions": {
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "Alias": {"Condition": "IsProd"},
            "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "Alias"}]}]}
        },
        "Resources": {
            "Q": {"Type": "AWS::SQS::Queue", "Condition": "IsProd"},
            "P": {"Type": "X", "Properties": {"Statement": {"Condition": "NotAFunction"}}}
        }})");
    const QByteArray text = YamlTreeWriter::write(tree, styleOf(true, true));
    QVERIFY2(text.contains("Alias: !Condition IsProd\n"), text.constData());
    QVERIFY2(text.contains("Both: !And [!Condition IsProd, !Not [!Condition Alias]]\n"), text.constData());
    QVERIFY2(text.contains("    Condition: IsProd\n"), text.constData());
    QVERIFY2(text.contains("      Statement:\n        Condition: NotAFunction\n"), text.constData());
    QVERIFY2(yamlRoundTripProblem(tree, styleOf(true, true)).isEmpty(), text.constData());
}

void TestTreeWriters::longFormsWhenAsked()
{
    const JsonTree tree = JsonTree::parse(R"({"a": {"Ref": "X"}, "b": {"Fn::GetAtt": ["A", "Arn"]},
        "c": {"Fn::Join": ["", [{"Ref": "X"}, "-y"]]}})");
    const QByteArray text = YamlTreeWriter::write(tree, styleOf(false, true));
    QCOMPARE(text, QByteArray("a:\n  Ref: X\nb:\n  Fn::GetAtt:\n    - A\n    - Arn\nc:\n  Fn::Join:\n    - ''\n"
                              "    - - Ref: X\n      - -y\n"));
    ParsedTree parsed;
    QVERIFY(yamlRoundTripProblem(tree, styleOf(false, true), &parsed).isEmpty());
    QVERIFY(parsed.shortForms.empty());
    QCOMPARE(YamlTreeWriter::write(tree, styleOf(true, false)),
             QByteArray("a: !Ref X\nb: !GetAtt [A, Arn]\nc: !Join ['', [!Ref X, -y]]\n"));
}

void TestTreeWriters::tagsThatCannotBeShort()
{
    const JsonTree tree = JsonTree::parse(R"({
        "a": {"Fn::Base64": {"Fn::Join": ["", ["x", {"Ref": "Y"}]]}},
        "b": {"Fn::Sub": 5}, "c": {"Fn::Sub": null}, "d": {"Ref": ["list"]},
        "e": {"Fn::GetAtt": [{"Ref": "X"}, "Arn"]}, "f": {"Fn::GetAtt": ["A.B", "C"]},
        "g": {"Fn::GetAtt": ["A", "B", "C"]}, "h": {"Fn::GetAtt": {"Ref": "X"}},
        "i": {"Fn::Select": [0, {"Fn::Split": [",", {"Fn::ImportValue": {"Fn::Sub": "${S}-x"}}]}]}})");
    ParsedTree parsed;
    const QString problem = yamlRoundTripProblem(tree, styleOf(true, true), &parsed);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString formProblem = shortFormProblem(parsed, styleOf(true, true), parsed.value, "");
    QVERIFY2(formProblem.isEmpty(), qPrintable(formProblem));
}

void TestTreeWriters::blockLayout()
{
    const JsonTree tree = JsonTree::parse(R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue",
        "Properties": {"Tags": [{"Key": "a", "Value": "b"}, {"Key": "c", "Value": ["d", "e"]}],
        "Matrix": [["a", "b"], ["c"]], "Empty": {}, "None": null}}}})");
    QCOMPARE(YamlTreeWriter::write(tree, {}),
             QByteArray("Resources:\n"
                        "  Q:\n"
                        "    Type: AWS::SQS::Queue\n"
                        "    Properties:\n"
                        "      Tags:\n"
                        "        - Key: a\n"
                        "          Value: b\n"
                        "        - Key: c\n"
                        "          Value:\n"
                        "            - d\n"
                        "            - e\n"
                        "      Matrix:\n"
                        "        - - a\n"
                        "          - b\n"
                        "        - - c\n"
                        "      Empty: {}\n"
                        "      None: null\n"));
}

void TestTreeWriters::literalBlocks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("yaml");
    QTest::newRow("clip") << QStringLiteral("a\nb\n") << QByteArray("v: |\n  a\n  b\nw: 1\n");
    QTest::newRow("strip") << QStringLiteral("a\nb") << QByteArray("v: |-\n  a\n  b\nw: 1\n");
    QTest::newRow("keep") << QStringLiteral("a\nb\n\n") << QByteArray("v: |+\n  a\n  b\n\nw: 1\n");
    QTest::newRow("blank line") << QStringLiteral("a\n\nb\n") << QByteArray("v: |\n  a\n\n  b\nw: 1\n");
    QTest::newRow("indented first line") << QStringLiteral("  a\nb\n") << QByteArray("v: |2\n    a\n  b\nw: 1\n");
    QTest::newRow("windows line ends") << QStringLiteral("a\r\nb\r\n") << QByteArray("v: \"a\\r\\nb\\r\\n\"\nw: 1\n");
}

void TestTreeWriters::literalBlocks()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, yaml);
    const JsonTree tree = JsonTree::object({{"v", text.toStdString()}, {"w", 1}});
    QCOMPARE(YamlTreeWriter::write(tree, {}), yaml);
    QVERIFY(yamlRoundTripProblem(tree, {}).isEmpty());
    const JsonTree inList = JsonTree::object({{"l", JsonTree::array({text.toStdString(), "x"})}});
    const QString problem = yamlRoundTripProblem(inList, {});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTreeWriters::spacedMaps()
{
    const JsonTree tree = JsonTree::parse(
        R"({"A": 1, "A2": "x", "Resources": {"X": {"Type": "T"}, "Y": {"Type": "T"}}, "B": 2, "C": "a\nb", "D": 3})");
    QCOMPARE(YamlTreeWriter::write(tree, {}, {"", "/Resources"}),
             QByteArray("A: 1\nA2: x\n\nResources:\n  X:\n    Type: T\n\n  Y:\n    Type: T\n\nB: 2\n\nC: |-\n  a\n  b\n\nD: 3\n"));
    QVERIFY(yamlRoundTripProblem(tree, {}).isEmpty());
}

void TestTreeWriters::ambiguousStringsAreQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::newRow("date") << QStringLiteral("2012-10-17") << QStringLiteral("'2012-10-17'");
    QTest::newRow("yes") << QStringLiteral("yes") << QStringLiteral("'yes'");
    QTest::newRow("account id") << QStringLiteral("012345678912") << QStringLiteral("'012345678912'");
    QTest::newRow("version") << QStringLiteral("1.0") << QStringLiteral("'1.0'");
    QTest::newRow("time") << QStringLiteral("12:30") << QStringLiteral("'12:30'");
    QTest::newRow("cidr") << QStringLiteral("10.0.0.0/16") << QStringLiteral("10.0.0.0/16");
    QTest::newRow("ip") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.1");
    QTest::newRow("runtime") << QStringLiteral("python3.12") << QStringLiteral("python3.12");
    QTest::newRow("arn") << QStringLiteral("arn:aws:s3:::b/*") << QStringLiteral("arn:aws:s3:::b/*");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("it's");
    QTest::newRow("needs quotes with quote") << QStringLiteral("'x' y") << QStringLiteral("'''x'' y'");
    QTest::newRow("control") << QStringLiteral("a\u0001b") << QStringLiteral("\"a\\x01b\"");
}

void TestTreeWriters::ambiguousStringsAreQuoted()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    const JsonTree tree = JsonTree::object({{"v", text.toStdString()}});
    QCOMPARE(QString::fromUtf8(YamlTreeWriter::write(tree, {})), QStringLiteral("v: %1\n").arg(written));
}

void TestTreeWriters::jsonWriter()
{
    const JsonTree tree = JsonTree::parse(R"({"b": 1, "a": {"Ref": "X"}, "u": "日本 🚀", "e": {}, "l": [], "f": 1.0})");
    const QByteArray text = JsonTreeWriter::write(tree);
    QCOMPARE(text, QByteArray("{\n  \"b\": 1,\n  \"a\": {\n    \"Ref\": \"X\"\n  },\n  \"u\": \"日本 🚀\",\n"
                              "  \"e\": {},\n  \"l\": [],\n  \"f\": 1.0\n}\n"));
    QVERIFY(jsonRoundTripProblem(tree).isEmpty());
}

void TestTreeWriters::corpus()
{
    const QString root = QStringLiteral(TRIBUTARY_CORPUS_DIR);
    if (!QDir(root + QStringLiteral("/serverless-patterns")).exists())
        QSKIP("the corpus is not beside the checkout");
    int files = 0;
    int faithful = 0;
    QStringList failures;
    for (const QString folder : {QStringLiteral("serverless-patterns"), QStringLiteral("sam-translator")}) {
        QDirIterator it(root + QLatin1Char('/') + folder,
                        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            ParsedTree source;
            try {
                source = TreeFileReader::read(path);
            } catch (const TreeParseError&) {
                continue; // refused by the reader: its own test covers those
            }
            ++files;
            QString problem;
            for (const TemplateStyle& style : {styleOf(true, true), styleOf(true, false), styleOf(false, true)}) {
                ParsedTree parsed;
                problem = yamlRoundTripProblem(source.value, style, &parsed);
                if (problem.isEmpty())
                    problem = shortFormProblem(parsed, style, parsed.value, "");
                if (!problem.isEmpty())
                    break;
            }
            if (problem.isEmpty())
                problem = jsonRoundTripProblem(source.value);
            if (problem.isEmpty())
                ++faithful;
            else
                failures << QStringLiteral("%1: %2").arg(it.fileName(), problem);
        }
    }
    qInfo("tree round trip: %d of %d corpus files faithful in YAML (three styles) and JSON", faithful, files);
    QVERIFY(files > 300);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("\n\n"))));
}

QTEST_GUILESS_MAIN(TestTreeWriters)
#include "tst_treewriters.moc"
