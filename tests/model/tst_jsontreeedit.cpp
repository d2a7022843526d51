// JsonTreeEdit: reading, checking, and exactly undoable edits of order-preserving JSON trees.

#include "model/tree/JsonTreeEdit.h"
#include "tests/model/ModelTestSupport.h"

#include <QTest>

using namespace tributary;
using tributary::test::json;

namespace {

/** A stand-in in the data tables for "no value" (remove / absent). */
const QString absent = QStringLiteral("<absent>");

std::optional<JsonTree> optionalJson(const QString& text)
{
    if (text == absent)
        return std::nullopt;
    return JsonTree::parse(text.toStdString());
}

QString describe(const std::optional<JsonTree>& value)
{
    return value ? QString::fromStdString(value->dump()) : absent;
}

const char* const sample = R"({
    "Runtime": "python3.12",
    "Handler": "index.handler",
    "Timeout": 3,
    "Environment": {"Variables": {"A": "1", "B": {"Ref": "Queue"}}},
    "Layers": ["l0", "l1", "l2"],
    "Nothing": null,
    "Matrix": [[1, 2], {"k": "v"}],
    "a/b": "slash",
    "m~n": "tilde",
    "": "empty key"
})";

} // namespace

class TestJsonTreeEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueAt_data();
    void valueAt();
    void problemSetting_data();
    void problemSetting();
    void applyAndRestore_data();
    void applyAndRestore();
    void previousDescribesTheEdit();
    void restoreInReverseOrderUndoesASeries();
    void reapplyAfterRestoreGivesTheSameResult();
    void keyOrderIsPartOfEquality();
};

void TestJsonTreeEdit::valueAt_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("expected");

    QTest::newRow("top-level key") << "/Timeout" << "3";
    QTest::newRow("string") << "/Runtime" << "\"python3.12\"";
    QTest::newRow("nested object") << "/Environment/Variables" << R"({"A":"1","B":{"Ref":"Queue"}})";
    QTest::newRow("deep") << "/Environment/Variables/B/Ref" << "\"Queue\"";
    QTest::newRow("list item") << "/Layers/1" << "\"l1\"";
    QTest::newRow("list in list") << "/Matrix/0/1" << "2";
    QTest::newRow("object in list") << "/Matrix/1/k" << "\"v\"";
    QTest::newRow("null value is a value") << "/Nothing" << "null";
    QTest::newRow("escaped slash") << "/a~1b" << "\"slash\"";
    QTest::newRow("escaped tilde") << "/m~0n" << "\"tilde\"";
    QTest::newRow("empty key") << "/" << "\"empty key\"";
    QTest::newRow("whole tree") << "" << QString::fromStdString(json(sample).dump());
    QTest::newRow("missing key") << "/Memory" << absent;
    QTest::newRow("missing nested") << "/Environment/Variables/C" << absent;
    QTest::newRow("missing parent") << "/Tracing/Mode" << absent;
    QTest::newRow("through a scalar") << "/Timeout/Seconds" << absent;
    QTest::newRow("through a string") << "/Runtime/0" << absent;
    QTest::newRow("through null") << "/Nothing/x" << absent;
    QTest::newRow("list index out of range") << "/Layers/3" << absent;
    QTest::newRow("list end marker") << "/Layers/-" << absent;
    QTest::newRow("list index not a number") << "/Layers/first" << absent;
    QTest::newRow("list index with leading zero") << "/Layers/01" << absent;
    QTest::newRow("negative list index") << "/Layers/-1" << absent;
    QTest::newRow("huge list index") << "/Layers/99999999999999999999999" << absent;
    QTest::newRow("not a pointer") << "Timeout" << absent;
    QTest::newRow("bad escape") << "/a~2b" << absent;
}

void TestJsonTreeEdit::valueAt()
{
    QFETCH(QString, pointer);
    QFETCH(QString, expected);
    const JsonTree tree = json(sample);
    const std::optional<JsonTree> value = JsonTreeEdit::valueAt(tree, pointer);
    QCOMPARE(describe(value), expected);
}

void TestJsonTreeEdit::problemSetting_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("settable");

    QTest::newRow("existing key") << "/Timeout" << true;
    QTest::newRow("new key") << "/MemorySize" << true;
    QTest::newRow("new key in existing object") << "/Environment/Variables/C" << true;
    QTest::newRow("missing parents") << "/Tracing/Config/Mode" << true;
    QTest::newRow("replace list item") << "/Layers/2" << true;
    QTest::newRow("list append marker") << "/Layers/-" << true;
    QTest::newRow("list index equal to size appends") << "/Layers/3" << true;
    QTest::newRow("key inside a list item") << "/Matrix/1/k2" << true;
    QTest::newRow("item of a nested list") << "/Matrix/0/-" << true;
    QTest::newRow("escaped key") << "/a~1b" << true;
    QTest::newRow("empty key") << "/" << true;

    QTest::newRow("empty pointer") << "" << false;
    QTest::newRow("no leading slash") << "Timeout" << false;
    QTest::newRow("bad escape") << "/a~2b" << false;
    QTest::newRow("through a number") << "/Timeout/Seconds" << false;
    QTest::newRow("through a string") << "/Runtime/Major" << false;
    QTest::newRow("through null") << "/Nothing/x" << false;
    QTest::newRow("deep through a scalar") << "/Environment/Variables/A/x/y" << false;
    QTest::newRow("list index beyond the end") << "/Layers/4" << false;
    QTest::newRow("list index not a number") << "/Layers/first" << false;
    QTest::newRow("list index with leading zero") << "/Layers/01" << false;
    QTest::newRow("negative list index") << "/Layers/-1" << false;
    QTest::newRow("huge list index") << "/Layers/99999999999999999999999" << false;
    QTest::newRow("append marker in the middle") << "/Layers/-/x" << false;
    QTest::newRow("append marker under missing parents") << "/Missing/-/x" << false;
    QTest::newRow("index equal to size in the middle") << "/Layers/3/x" << false;
    QTest::newRow("bad index in a nested list") << "/Matrix/0/7" << false;
}

void TestJsonTreeEdit::problemSetting()
{
    QFETCH(QString, pointer);
    QFETCH(bool, settable);
    const JsonTree tree = json(sample);
    const QString problem = JsonTreeEdit::problemSetting(tree, pointer);
    if (settable) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY2(!problem.isEmpty(), qPrintable(pointer));
        QVERIFY2(problem.contains(QLatin1Char('\'') + pointer + QLatin1Char('\'')),
                 qPrintable(QStringLiteral("the problem does not quote the pointer: ") + problem));
    }
    QVERIFY(tree == json(sample));
}

void TestJsonTreeEdit::applyAndRestore_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("after");

    const QString abc = QStringLiteral(R"({"a": 1, "b": 2, "c": 3})");
    QTest::newRow("replace key in the middle") << abc << "/b" << "20" << R"({"a": 1, "b": 20, "c": 3})";
    QTest::newRow("replace first key") << abc << "/a" << "\"x\"" << R"({"a": "x", "b": 2, "c": 3})";
    QTest::newRow("replace last key") << abc << "/c" << "[1]" << R"({"a": 1, "b": 2, "c": [1]})";
    QTest::newRow("replace with same value") << abc << "/b" << "2" << abc;
    QTest::newRow("replace with object") << abc << "/b" << R"({"z": 1, "y": 2})"
                                         << R"({"a": 1, "b": {"z": 1, "y": 2}, "c": 3})";
    QTest::newRow("replace number with float") << abc << "/b" << "2.5" << R"({"a": 1, "b": 2.5, "c": 3})";
    QTest::newRow("add new key goes last") << abc << "/aa" << "0" << R"({"a": 1, "b": 2, "c": 3, "aa": 0})";
    QTest::newRow("add to empty") << "{}" << "/Timeout" << "3" << R"({"Timeout": 3})";
    QTest::newRow("add null") << abc << "/n" << "null" << R"({"a": 1, "b": 2, "c": 3, "n": null})";
    QTest::newRow("remove key from the middle") << abc << "/b" << absent << R"({"a": 1, "c": 3})";
    QTest::newRow("remove first key") << abc << "/a" << absent << R"({"b": 2, "c": 3})";
    QTest::newRow("remove last key") << abc << "/c" << absent << R"({"a": 1, "b": 2})";
    QTest::newRow("remove missing key") << abc << "/d" << absent << abc;
    QTest::newRow("remove under missing parent") << abc << "/x/y/z" << absent << abc;
    QTest::newRow("remove null value") << R"({"a": null, "b": 2})" << "/a" << absent << R"({"b": 2})";
    QTest::newRow("create missing parents")
        << "{}" << "/Environment/Variables/X" << "\"1\"" << R"({"Environment": {"Variables": {"X": "1"}}})";
    QTest::newRow("create one missing parent")
        << R"({"Environment": {"Other": true}, "z": 0})" << "/Environment/Variables/X" << "\"1\""
        << R"({"Environment": {"Other": true, "Variables": {"X": "1"}}, "z": 0})";
    QTest::newRow("create a list for index 0")
        << R"({"k": 1})" << "/Tags/0/Key" << "\"team\"" << R"({"k": 1, "Tags": [{"Key": "team"}]})";
    QTest::newRow("create a list for an append")
        << R"({"k": 1})" << "/Policies/-" << "\"AWSLambdaRole\"" << R"({"k": 1, "Policies": ["AWSLambdaRole"]})";
    QTest::newRow("create nested lists and objects")
        << R"({})" << "/A/0/B/0" << "1" << R"({"A": [{"B": [1]}]})";
    QTest::newRow("create parents under a list item")
        << R"({"L": [{"a": 1}, {"b": 2}]})" << "/L/1/c/d" << "true" << R"({"L": [{"a": 1}, {"b": 2, "c": {"d": true}}]})";
    QTest::newRow("nested replace keeps order")
        << R"({"E": {"V": {"A": 1, "B": 2, "C": 3}}, "z": 0})" << "/E/V/B" << "\"two\""
        << R"({"E": {"V": {"A": 1, "B": "two", "C": 3}}, "z": 0})";
    QTest::newRow("nested remove keeps order")
        << R"({"E": {"V": {"A": 1, "B": 2, "C": 3}}, "z": 0})" << "/E/V/A" << absent
        << R"({"E": {"V": {"B": 2, "C": 3}}, "z": 0})";
    QTest::newRow("list replace") << R"({"L": ["a", "b", "c"]})" << "/L/1" << "\"B\"" << R"({"L": ["a", "B", "c"]})";
    QTest::newRow("list append with -") << R"({"L": ["a", "b"]})" << "/L/-" << "\"c\"" << R"({"L": ["a", "b", "c"]})";
    QTest::newRow("list append to empty list") << R"({"L": []})" << "/L/-" << "{}" << R"({"L": [{}]})";
    QTest::newRow("list append with index equal to size")
        << R"({"L": ["a", "b"]})" << "/L/2" << "\"c\"" << R"({"L": ["a", "b", "c"]})";
    QTest::newRow("list remove first") << R"({"L": ["a", "b", "c"]})" << "/L/0" << absent << R"({"L": ["b", "c"]})";
    QTest::newRow("list remove middle") << R"({"L": ["a", "b", "c"]})" << "/L/1" << absent << R"({"L": ["a", "c"]})";
    QTest::newRow("list remove last") << R"({"L": ["a", "b", "c"]})" << "/L/2" << absent << R"({"L": ["a", "b"]})";
    QTest::newRow("list remove only item") << R"({"L": [1]})" << "/L/0" << absent << R"({"L": []})";
    QTest::newRow("list remove with - changes nothing") << R"({"L": [1]})" << "/L/-" << absent << R"({"L": [1]})";
    QTest::newRow("nested list replace")
        << R"({"M": [[1, 2], [3, 4]]})" << "/M/1/0" << "30" << R"({"M": [[1, 2], [30, 4]]})";
    QTest::newRow("key in list item")
        << R"({"L": [{"a": 1, "b": 2}]})" << "/L/0/a" << absent << R"({"L": [{"b": 2}]})";
    QTest::newRow("escaped key") << R"({"a/b": 1, "c": 2})" << "/a~1b" << "5" << R"({"a/b": 5, "c": 2})";
    QTest::newRow("empty key") << R"({"x": 1})" << "/" << "2" << R"({"x": 1, "": 2})";
}

void TestJsonTreeEdit::applyAndRestore()
{
    QFETCH(QString, before);
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, after);

    const JsonTree original = JsonTree::parse(before.toStdString());
    const JsonTree expected = JsonTree::parse(after.toStdString());
    QVERIFY2(JsonTreeEdit::problemSetting(original, pointer).isEmpty(),
             qPrintable(JsonTreeEdit::problemSetting(original, pointer)));

    JsonTree tree = original;
    const JsonTreeEdit::Previous previous = JsonTreeEdit::apply(tree, pointer, optionalJson(value));
    QCOMPARE(QString::fromStdString(tree.dump()), QString::fromStdString(expected.dump()));
    QVERIFY(tree == expected);
    if (value != absent && !pointer.endsWith(QLatin1String("/-")))
        QCOMPARE(describe(JsonTreeEdit::valueAt(tree, pointer)), describe(optionalJson(value)));

    JsonTreeEdit::restore(tree, pointer, previous);
    QCOMPARE(QString::fromStdString(tree.dump()), QString::fromStdString(original.dump()));
    QVERIFY(tree == original);
}

void TestJsonTreeEdit::previousDescribesTheEdit()
{
    {
        JsonTree tree = json(R"({"a": 1, "b": 2, "c": 3})");
        const auto previous = JsonTreeEdit::apply(tree, QStringLiteral("/b"), JsonTree(7));
        QCOMPARE(describe(previous.value), QStringLiteral("2"));
        QCOMPARE(previous.index, std::size_t(1));
        QCOMPARE(previous.createdParents, 0);
        QVERIFY(!previous.inList);
        QVERIFY(!previous.removedFromList);
    }
    {
        JsonTree tree = json(R"({"a": 1})");
        const auto previous = JsonTreeEdit::apply(tree, QStringLiteral("/x/y/z"), JsonTree(7));
        QVERIFY(!previous.value);
        QCOMPARE(previous.createdParents, 2);
        QVERIFY(!previous.inList);
    }
    {
        JsonTree tree = json(R"({"L": [1, 2, 3]})");
        const auto previous = JsonTreeEdit::apply(tree, QStringLiteral("/L/1"), std::nullopt);
        QCOMPARE(describe(previous.value), QStringLiteral("2"));
        QCOMPARE(previous.index, std::size_t(1));
        QVERIFY(previous.inList);
        QVERIFY(previous.removedFromList);
    }
    {
        JsonTree tree = json(R"({"L": [1, 2, 3]})");
        const auto previous = JsonTreeEdit::apply(tree, QStringLiteral("/L/-"), JsonTree(4));
        QVERIFY(!previous.value);
        QCOMPARE(previous.index, std::size_t(3));
        QVERIFY(previous.inList);
        QVERIFY(!previous.removedFromList);
    }
}

void TestJsonTreeEdit::restoreInReverseOrderUndoesASeries()
{
    const JsonTree original = json(sample);
    JsonTree tree = original;
    const std::vector<std::pair<QString, std::optional<JsonTree>>> edits = {
        {QStringLiteral("/Handler"), std::nullopt},
        {QStringLiteral("/Environment/Variables/A"), JsonTree("one")},
        {QStringLiteral("/Environment/Variables/C"), json(R"({"Fn::Sub": "${X}"})")},
        {QStringLiteral("/Layers/0"), std::nullopt},
        {QStringLiteral("/Layers/-"), JsonTree("l3")},
        {QStringLiteral("/Layers/1"), JsonTree("L")},
        {QStringLiteral("/Tracing/Config/Mode"), JsonTree("Active")},
        {QStringLiteral("/Tracing/Config/Other"), JsonTree(1)},
        {QStringLiteral("/Runtime"), JsonTree("nodejs22.x")},
        {QStringLiteral("/Matrix/1/k"), std::nullopt},
        {QStringLiteral("/Matrix/1/k"), JsonTree("back")},
        {QStringLiteral("/Environment"), std::nullopt},
        {QStringLiteral("/Timeout"), std::nullopt},
        {QStringLiteral("/Timeout"), JsonTree(30)},
    };
    std::vector<JsonTreeEdit::Previous> previous;
    for (const auto& [pointer, value] : edits) {
        QVERIFY2(JsonTreeEdit::problemSetting(tree, pointer).isEmpty(), qPrintable(pointer));
        previous.push_back(JsonTreeEdit::apply(tree, pointer, value));
    }
    const JsonTree edited = tree;
    QVERIFY(edited != original);
    QCOMPARE(QString::fromStdString(edited.dump()),
             QString::fromStdString(json(R"({
                 "Runtime": "nodejs22.x",
                 "Layers": ["l1", "L", "l3"],
                 "Nothing": null,
                 "Matrix": [[1, 2], {"k": "back"}],
                 "a/b": "slash",
                 "m~n": "tilde",
                 "": "empty key",
                 "Tracing": {"Config": {"Mode": "Active", "Other": 1}},
                 "Timeout": 30
             })").dump()));
    for (std::size_t i = edits.size(); i-- > 0;)
        JsonTreeEdit::restore(tree, edits[i].first, previous[i]);
    QCOMPARE(QString::fromStdString(tree.dump()), QString::fromStdString(original.dump()));
    QVERIFY(tree == original);
}

void TestJsonTreeEdit::reapplyAfterRestoreGivesTheSameResult()
{
    // Redo after undo: applying the same edit again must give the same tree and the same Previous.
    const JsonTree original = json(R"({"a": 1, "L": [1, 2], "b": {"c": 2}})");
    const std::vector<std::pair<QString, std::optional<JsonTree>>> edits = {
        {QStringLiteral("/a"), std::nullopt},         {QStringLiteral("/L/0"), std::nullopt},
        {QStringLiteral("/L/-"), JsonTree(3)},        {QStringLiteral("/b/c"), JsonTree(5)},
        {QStringLiteral("/x/y"), JsonTree::array()},
    };
    for (const auto& [pointer, value] : edits) {
        JsonTree tree = original;
        const auto first = JsonTreeEdit::apply(tree, pointer, value);
        const JsonTree once = tree;
        JsonTreeEdit::restore(tree, pointer, first);
        QVERIFY2(tree == original, qPrintable(pointer));
        const auto second = JsonTreeEdit::apply(tree, pointer, value);
        QVERIFY2(tree == once, qPrintable(pointer));
        QCOMPARE(describe(second.value), describe(first.value));
        QCOMPARE(second.index, first.index);
        QCOMPARE(second.createdParents, first.createdParents);
        QCOMPARE(second.removedFromList, first.removedFromList);
        QCOMPARE(second.inList, first.inList);
        JsonTreeEdit::restore(tree, pointer, second);
        QVERIFY2(tree == original, qPrintable(pointer));
    }
}

void TestJsonTreeEdit::keyOrderIsPartOfEquality()
{
    // The exactness checks of every other test rely on this.
    QVERIFY(json(R"({"a": 1, "b": 2})") != json(R"({"b": 2, "a": 1})"));
    QVERIFY(json(R"({"a": {"x": 1, "y": 2}})") != json(R"({"a": {"y": 2, "x": 1}})"));
    QVERIFY(json(R"({"a": 1, "b": 2})") == json(R"({"a": 1, "b": 2})"));
}

QTEST_GUILESS_MAIN(TestJsonTreeEdit)
#include "tst_jsontreeedit.moc"
