// RenameResourceCommand: every form of reference is rewritten, nothing else is, undo is exact,
// and invalid new ids are refused with nothing changed.

#include "model/Document.h"
#include "model/LogicalId.h"
#include "model/References.h"
#include "model/commands/RenameResourceCommand.h"
#include "tests/model/ModelTestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace tributary;
using namespace tributary::test;

namespace {

#define VERIFY_CONSISTENT(architecture)                                                                            \
    do {                                                                                                           \
        const QString inconsistency_ = ::tributary::test::inconsistencyOf(architecture);                          \
        QVERIFY2(inconsistency_.isEmpty(), qPrintable(inconsistency_));                                            \
    } while (false)

/**
 * The consumer's Properties, written with the id X for the renamed resource: every reference form,
 * and look-alikes that must not change (XY, plain strings, ${!X}, a shadowing Fn::Sub variable).
 */
QByteArray consumerProperties(const char* x)
{
    QByteArray text = R"({
        "Runtime": "python3.12",
        "Handler": "X.handler",
        "Environment": {"Variables": {
            "REF": {"Ref": "X"},
            "GETATT": {"Fn::GetAtt": ["X", "Arn"]},
            "GETATT_DOTTED": {"Fn::GetAtt": "X.Arn"},
            "GETATT_DOTTED_NESTED": {"Fn::GetAtt": "X.Endpoint.Address"},
            "SUB": {"Fn::Sub": "arn:${X}/${X.Arn}/${XY}/${!X}/${AWS::Region}/${X}"},
            "SUB_SHADOWED": {"Fn::Sub": ["${X}-${X.Arn}", {"X": "shadow"}]},
            "SUB_VARIABLE": {"Fn::Sub": ["${Y}", {"Y": {"Ref": "X"}}]},
            "SUB_BOTH": {"Fn::Sub": ["${X}/${Z}", {"Z": {"Fn::GetAtt": ["X", "QueueName"]}}]},
            "JOIN": {"Fn::Join": ["", [{"Ref": "X"}, "-", {"Ref": "XY"}]]},
            "IF": {"Fn::If": ["IsProd", {"Ref": "X"}, {"Ref": "AWS::NoValue"}]},
            "OTHER_REF": {"Ref": "XY"},
            "PREFIX_REF": {"Ref": "XX"},
            "OTHER_GETATT": {"Fn::GetAtt": ["XY", "Arn"]},
            "OTHER_DOTTED": {"Fn::GetAtt": "XY.Arn"},
            "SHORT_DOTTED": {"Fn::GetAtt": "X"},
            "PLAIN": "X",
            "PLAIN_SUBLIKE": "${X}"
        }},
        "Events": {"FromQueue": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": ["X", "Arn"]}, "BatchSize": 5}}},
        "Policies": [{"SQSSendMessagePolicy": {"QueueName": {"Fn::GetAtt": ["X", "QueueName"]}}}]
    })";
    text.replace("\"X\"", QByteArray("\"") + x + "\"");
    text.replace("\"X.", QByteArray("\"") + x + ".");
    text.replace("${X}", QByteArray("${") + x + "}");
    text.replace("${X.", QByteArray("${") + x + ".");
    return text;
}

} // namespace

class TestRename : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyReferenceForm();
    void renameTwiceAndUndoBoth();
    void selfReference();
    void longestValidId();
    void refused_data();
    void refused();
    void referencesHelpers_data();
    void referencesHelpers();
    void subStringRewrite_data();
    void subStringRewrite();

private:
    Resource make(const QString& kind, const QString& id) const;
    Architecture before() const;
    Architecture expectedAfter() const;

    const Catalogue* m_catalogue = nullptr;
    QString m_queueToFunction;
};

void TestRename::initTestCase()
{
    QString problem;
    m_catalogue = builtInCatalogue(&problem);
    QVERIFY2(m_catalogue, qPrintable(problem));
    const auto rules = m_catalogue->rulesBetween(QStringLiteral("queue"), QStringLiteral("function"));
    QVERIFY(!rules.empty());
    m_queueToFunction = rules.front()->id;
}

Resource TestRename::make(const QString& kind, const QString& id) const
{
    const ResourceKind* found = m_catalogue->kind(kind);
    Q_ASSERT(found);
    return m_catalogue->makeResource(*found, id, QPointF(id.size() * 10, 5));
}

/*
 * X (queue) is renamed. XY and XX are queues whose ids start with X. Consumer refers to X in
 * every way; First/Second depend on it; Connector and ListConnector are SAM connectors; the
 * connections X->Consumer and XY->Consumer carry references; Outputs refer to X; group G holds X.
 */
Architecture TestRename::before() const
{
    Architecture architecture;
    Resource x = make(QStringLiteral("queue"), QStringLiteral("X"));
    x.properties = json(R"({"QueueName": "x-queue", "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["XY", "Arn"]}, "maxReceiveCount": 3}})");
    x.attributes = json(R"({"DeletionPolicy": "Retain"})");
    Resource xy = make(QStringLiteral("queue"), QStringLiteral("XY"));
    Resource xx = make(QStringLiteral("queue"), QStringLiteral("XX"));
    Resource consumer = make(QStringLiteral("function"), QStringLiteral("Consumer"));
    consumer.properties = JsonTree::parse(consumerProperties("X").toStdString());
    consumer.attributes = json(R"({"DependsOn": "X", "Metadata": {"Self": {"Ref": "X"}, "NotARef": {"Ref": "X", "Note": "X"}}, "Condition": "X"})");
    Resource first = make(QStringLiteral("queue"), QStringLiteral("First"));
    first.attributes = json(R"({"DependsOn": ["XY", "X", "XX"]})");
    Resource second = make(QStringLiteral("queue"), QStringLiteral("Second"));
    second.attributes = json(R"({"DependsOn": "XY"})");
    Resource connector = make(QStringLiteral("generic"), QStringLiteral("Connector"));
    connector.cfnType = QStringLiteral("AWS::Serverless::Connector");
    connector.properties = json(R"({"Source": {"Id": "Consumer"}, "Destination": {"Id": "X"}, "Permissions": ["Write"]})");
    Resource reverse = make(QStringLiteral("generic"), QStringLiteral("ReverseConnector"));
    reverse.cfnType = QStringLiteral("AWS::Serverless::Connector");
    reverse.properties = json(R"({"Source": {"Id": "X"}, "Destination": [{"Id": "Consumer"}, {"Id": "XY"}], "Permissions": ["Read"]})");
    Resource list = make(QStringLiteral("generic"), QStringLiteral("ListConnector"));
    list.cfnType = QStringLiteral("AWS::Serverless::Connector");
    list.properties = json(R"({"Source": {"Id": "XX"}, "Destination": [{"Id": "XY"}, {"Id": "X"}], "Permissions": ["Read"]})");
    for (Resource* r : {&x, &xy, &xx, &consumer, &first, &second, &connector, &reverse, &list})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), *r);

    Connection fromX;
    fromX.id = QStringLiteral("XToConsumer");
    fromX.source = QStringLiteral("X");
    fromX.target = QStringLiteral("Consumer");
    fromX.rule = m_queueToFunction;
    fromX.properties = json(R"({"BatchSize": 10, "FilterCriteria": {"Filters": [{"Pattern": {"Fn::Sub": "{\"q\": \"${X}\"}"}}]}})");
    Connection fromXY = fromX;
    fromXY.id = QStringLiteral("XYToConsumer");
    fromXY.source = QStringLiteral("XY");
    fromXY.properties = json(R"({"Note": {"Ref": "X"}, "Other": {"Ref": "XY"}})");
    Connection untouched = fromX;
    untouched.id = QStringLiteral("XXToConsumer");
    untouched.source = QStringLiteral("XX");
    untouched.properties = json(R"({"BatchSize": 1})");
    architecture.insertConnection(0, fromX);
    architecture.insertConnection(1, fromXY);
    architecture.insertConnection(2, untouched);

    architecture.insertGroup(0, Group{QStringLiteral("G"), QStringLiteral("Queues"),
                                      {QStringLiteral("XY"), QStringLiteral("X"), QStringLiteral("XX")}});
    architecture.insertGroup(1, Group{QStringLiteral("H"), QStringLiteral("Code"), {QStringLiteral("Consumer")}});

    architecture.templateSections() = json(R"({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Parameters": {"Stage": {"Type": "String", "Default": "dev"}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
        "Outputs": {
            "X": {"Value": "X"},
            "QueueUrl": {"Value": {"Ref": "X"}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-${X.QueueName}"}}},
            "QueueArn": {"Value": {"Fn::GetAtt": ["X", "Arn"]}},
            "OtherUrl": {"Value": {"Ref": "XY"}}
        }
    })");
    return architecture;
}

Architecture TestRename::expectedAfter() const
{
    Architecture architecture = before();
    architecture.setResourceId(0, QStringLiteral("Orders"));
    architecture.resourceAt(3).properties = JsonTree::parse(consumerProperties("Orders").toStdString());
    // The hand-written truth for the look-alikes consumerProperties() rewrites too eagerly.
    JsonTree& variables = architecture.resourceAt(3).properties["Environment"]["Variables"];
    variables["SUB"] = json(R"({"Fn::Sub": "arn:${Orders}/${Orders.Arn}/${XY}/${!X}/${AWS::Region}/${Orders}"})");
    variables["SUB_SHADOWED"] = json(R"({"Fn::Sub": ["${X}-${X.Arn}", {"X": "shadow"}]})");
    variables["SUB_BOTH"] = json(R"({"Fn::Sub": ["${Orders}/${Z}", {"Z": {"Fn::GetAtt": ["Orders", "QueueName"]}}]})");
    variables["PLAIN"] = "X";
    variables["PLAIN_SUBLIKE"] = "${X}";
    variables["SHORT_DOTTED"] = json(R"({"Fn::GetAtt": "X"})");
    architecture.resourceAt(3).properties["Handler"] = "X.handler";
    architecture.resourceAt(3).attributes = json(R"({"DependsOn": "Orders", "Metadata": {"Self": {"Ref": "Orders"}, "NotARef": {"Ref": "X", "Note": "X"}}, "Condition": "X"})");
    architecture.resourceAt(4).attributes = json(R"({"DependsOn": ["XY", "Orders", "XX"]})");
    architecture.resourceAt(6).properties = json(R"({"Source": {"Id": "Consumer"}, "Destination": {"Id": "Orders"}, "Permissions": ["Write"]})");
    architecture.resourceAt(7).properties = json(R"({"Source": {"Id": "Orders"}, "Destination": [{"Id": "Consumer"}, {"Id": "XY"}], "Permissions": ["Read"]})");
    architecture.resourceAt(8).properties = json(R"({"Source": {"Id": "XX"}, "Destination": [{"Id": "XY"}, {"Id": "Orders"}], "Permissions": ["Read"]})");
    architecture.connectionAt(0).source = QStringLiteral("Orders");
    architecture.connectionAt(0).properties = json(R"({"BatchSize": 10, "FilterCriteria": {"Filters": [{"Pattern": {"Fn::Sub": "{\"q\": \"${Orders}\"}"}}]}})");
    architecture.connectionAt(1).properties = json(R"({"Note": {"Ref": "Orders"}, "Other": {"Ref": "XY"}})");
    architecture.groupAt(0).members = QStringList({"XY", "Orders", "XX"});
    architecture.templateSections()["Outputs"] = json(R"({
        "X": {"Value": "X"},
        "QueueUrl": {"Value": {"Ref": "Orders"}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-${Orders.QueueName}"}}},
        "QueueArn": {"Value": {"Fn::GetAtt": ["Orders", "Arn"]}},
        "OtherUrl": {"Value": {"Ref": "XY"}}
    })");
    return architecture;
}

void TestRename::everyReferenceForm()
{
    Document document(*m_catalogue);
    document.resetArchitecture(before());
    const Architecture original = document.architecture();
    const Architecture expected = expectedAfter();
    QVERIFY(original != expected);
    DocumentSignals recorder(&document);

    auto* command = new RenameResourceCommand(&document, QStringLiteral("X"), QStringLiteral("Orders"));
    QCOMPARE(command->text(), QStringLiteral("Rename X to Orders"));
    QCOMPARE(document.push(command), QString());
    QCOMPARE(document.undoStack()->count(), 1);
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), expected);
    VERIFY_CONSISTENT(document.architecture());
    QCOMPARE(document.architecture().resource(QStringLiteral("X")), nullptr);
    QCOMPARE(document.architecture().resourceIndex(QStringLiteral("Orders")), 0);
    QCOMPARE(document.architecture().connectionsOf(QStringLiteral("Orders")), QStringList({"XToConsumer"}));
    QCOMPARE(document.architecture().groupOf(QStringLiteral("Orders"))->id, QStringLiteral("G"));
    const QStringList changed = {"resourceRenamed(X, Orders)",
                                 "resourcePropertyChanged(Consumer, )",
                                 "resourcePropertyChanged(First, )",
                                 "resourcePropertyChanged(Connector, )",
                                 "resourcePropertyChanged(ReverseConnector, )",
                                 "resourcePropertyChanged(ListConnector, )",
                                 "connectionPropertyChanged(XToConsumer, )",
                                 "connectionPropertyChanged(XYToConsumer, )",
                                 "templateSectionChanged()"};
    QCOMPARE(recorder.take(), sorted(changed));

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    VERIFY_CONSISTENT(document.architecture());
    QCOMPARE(document.architecture().resource(QStringLiteral("Orders")), nullptr);
    QStringList unchanged = changed;
    unchanged[0] = QStringLiteral("resourceRenamed(Orders, X)");
    QCOMPARE(recorder.take(), sorted(unchanged));

    document.undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), expected);
    VERIFY_CONSISTENT(document.architecture());
    QCOMPARE(recorder.take(), sorted(changed));

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
}

void TestRename::renameTwiceAndUndoBoth()
{
    Document document(*m_catalogue);
    document.resetArchitecture(before());
    const Architecture original = document.architecture();
    QCOMPARE(document.push(new RenameResourceCommand(&document, QStringLiteral("X"), QStringLiteral("Orders"))), QString());
    const Architecture once = document.architecture();
    // Back to the old id, then on to an id that starts like another.
    QCOMPARE(document.push(new RenameResourceCommand(&document, QStringLiteral("Orders"), QStringLiteral("X"))), QString());
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    QCOMPARE(document.push(new RenameResourceCommand(&document, QStringLiteral("XY"), QStringLiteral("X2"))), QString());
    const Architecture third = document.architecture();
    QCOMPARE(third.resource(QStringLiteral("X2"))->kind, QStringLiteral("queue"));
    QVERIFY(third.resource(QStringLiteral("X"))->properties["RedrivePolicy"]["deadLetterTargetArn"]
            == json(R"({"Fn::GetAtt": ["X2", "Arn"]})"));
    QVERIFY(third.resource(QStringLiteral("Second"))->attributes == json(R"({"DependsOn": "X2"})"));
    // X itself is not touched by renaming XY.
    QVERIFY(third.resource(QStringLiteral("Consumer"))->properties["Environment"]["Variables"]["REF"]
            == json(R"({"Ref": "X"})"));
    QCOMPARE(third.resource(QStringLiteral("Consumer"))->properties["Environment"]["Variables"]["SUB"]["Fn::Sub"]
                 .get<std::string>(),
             std::string("arn:${X}/${X.Arn}/${X2}/${!X}/${AWS::Region}/${X}"));
    QCOMPARE(document.undoStack()->count(), 3);

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), once);
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    document.undoStack()->setIndex(3);
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), third);
    VERIFY_CONSISTENT(document.architecture());
}

void TestRename::selfReference()
{
    // A resource whose own properties and attributes name it (odd, but a template may hold it).
    Document document(*m_catalogue);
    Architecture architecture;
    Resource self = make(QStringLiteral("queue"), QStringLiteral("Loop"));
    self.properties = json(R"({"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Loop", "Arn"]}}, "QueueName": {"Fn::Sub": "${Loop}-q"}})");
    self.attributes = json(R"({"Metadata": {"Self": {"Ref": "Loop"}}})");
    Resource other = make(QStringLiteral("queue"), QStringLiteral("Other"));
    other.attributes = json(R"({"DependsOn": "Loop"})");
    architecture.insertResource(0, self);
    architecture.insertResource(1, other);
    document.resetArchitecture(architecture);

    QCOMPARE(document.push(new RenameResourceCommand(&document, QStringLiteral("Loop"), QStringLiteral("Cycle"))), QString());
    const Resource* renamed = document.architecture().resource(QStringLiteral("Cycle"));
    QVERIFY(renamed);
    QVERIFY(renamed->properties
            == json(R"({"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Cycle", "Arn"]}}, "QueueName": {"Fn::Sub": "${Cycle}-q"}})"));
    QVERIFY(renamed->attributes == json(R"({"Metadata": {"Self": {"Ref": "Cycle"}}})"));
    const Architecture after = document.architecture();

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), architecture);
    VERIFY_CONSISTENT(document.architecture());
    document.undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), after);
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), architecture);
}

void TestRename::longestValidId()
{
    Document document(*m_catalogue);
    document.resetArchitecture(before());
    const Architecture original = document.architecture();
    const QString longest(LogicalId::maximumLength, QLatin1Char('Q'));
    QCOMPARE(longest.size(), 255);
    QCOMPARE(document.push(new RenameResourceCommand(&document, QStringLiteral("X"), longest)), QString());
    QCOMPARE(document.architecture().resources().front().id, longest);
    QCOMPARE(document.architecture().connection(QStringLiteral("XToConsumer"))->source, longest);
    QVERIFY(document.architecture().templateSections()["Outputs"]["QueueUrl"]["Value"]
            == JsonTree({{"Ref", longest.toStdString()}}));
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
}

void TestRename::refused_data()
{
    QTest::addColumn<QString>("oldId");
    QTest::addColumn<QString>("newId");
    QTest::addColumn<QString>("mention");

    QTest::newRow("empty") << "X" << "" << "empty";
    QTest::newRow("hyphen") << "X" << "My-Queue" << "My-Queue";
    QTest::newRow("underscore") << "X" << "My_Queue" << "My_Queue";
    QTest::newRow("space") << "X" << "My Queue" << "My Queue";
    QTest::newRow("non-ASCII") << "X" << "Über" << "Über";
    QTest::newRow("256 characters") << "X" << QString(256, QLatin1Char('Q')) << "256";
    QTest::newRow("used by another resource") << "X" << "XY" << "XY";
    QTest::newRow("used by a parameter") << "X" << "Stage" << "Stage";
    QTest::newRow("missing old id") << "Ghost" << "Spirit" << "Ghost";
    QTest::newRow("connection id is not a resource") << "XToConsumer" << "Link" << "XToConsumer";
    QTest::newRow("group id is not a resource") << "G" << "Grouped" << "'G'";
    QTest::newRow("same id") << "X" << "X" << "X";
}

void TestRename::refused()
{
    QFETCH(QString, oldId);
    QFETCH(QString, newId);
    QFETCH(QString, mention);
    Document document(*m_catalogue);
    document.resetArchitecture(before());
    const Architecture original = document.architecture();
    DocumentSignals recorder(&document);
    QSignalSpy modified(&document, &Document::modifiedChanged);

    const QString problem = document.push(new RenameResourceCommand(&document, oldId, newId));
    QVERIFY2(!problem.isEmpty(), "the rename was not refused");
    QVERIFY2(problem.contains(mention), qPrintable(QStringLiteral("'%1' does not mention '%2'").arg(problem, mention)));
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(recorder.take(), QStringList());
    QCOMPARE(modified.count(), 0);
    QVERIFY(!document.isModified());
}

void TestRename::referencesHelpers_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("changed");

    QTest::newRow("Ref") << R"({"Ref": "A"})" << R"({"Ref": "B"})" << true;
    QTest::newRow("Ref to another") << R"({"Ref": "AA"})" << R"({"Ref": "AA"})" << false;
    QTest::newRow("Ref with a sibling key is not a Ref") << R"({"Ref": "A", "x": 1})" << R"({"Ref": "A", "x": 1})" << false;
    QTest::newRow("GetAtt list") << R"({"Fn::GetAtt": ["A", "Arn"]})" << R"({"Fn::GetAtt": ["B", "Arn"]})" << true;
    QTest::newRow("GetAtt dotted") << R"({"Fn::GetAtt": "A.Arn"})" << R"({"Fn::GetAtt": "B.Arn"})" << true;
    QTest::newRow("GetAtt dotted other") << R"({"Fn::GetAtt": "AB.Arn"})" << R"({"Fn::GetAtt": "AB.Arn"})" << false;
    QTest::newRow("GetAtt attribute named like the id") << R"({"Fn::GetAtt": ["C", "A"]})" << R"({"Fn::GetAtt": ["C", "A"]})" << false;
    QTest::newRow("Sub string") << R"({"Fn::Sub": "${A}${A.Arn}${AB}${!A}"})" << R"({"Fn::Sub": "${B}${B.Arn}${AB}${!A}"})" << true;
    QTest::newRow("Sub shadowed") << R"({"Fn::Sub": ["${A}", {"A": {"Ref": "A"}}]})" << R"({"Fn::Sub": ["${A}", {"A": {"Ref": "B"}}]})" << true;
    QTest::newRow("Sub variable") << R"({"Fn::Sub": ["${V}${A}", {"V": {"Ref": "A"}}]})" << R"({"Fn::Sub": ["${V}${B}", {"V": {"Ref": "B"}}]})" << true;
    QTest::newRow("Sub without variables") << R"({"Fn::Sub": ["${A}"]})" << R"({"Fn::Sub": ["${B}"]})" << true;
    QTest::newRow("nested in lists and maps") << R"({"x": [{"y": {"Ref": "A"}}, "A", {"Ref": "C"}]})"
                                              << R"({"x": [{"y": {"Ref": "B"}}, "A", {"Ref": "C"}]})" << true;
    QTest::newRow("connector ends") << R"({"Source": {"Id": "A"}, "Destination": [{"Id": "A"}, {"Id": "C"}]})"
                                    << R"({"Source": {"Id": "B"}, "Destination": [{"Id": "B"}, {"Id": "C"}]})" << true;
    QTest::newRow("connector ends by Arn stay") << R"({"Source": {"Arn": "A"}})" << R"({"Source": {"Arn": "A"}})" << false;
    QTest::newRow("plain strings stay") << R"({"Name": "A", "List": ["A"], "Id": "A"})"
                                        << R"({"Name": "A", "List": ["A"], "Id": "A"})" << false;
    QTest::newRow("scalar") << R"("A")" << R"("A")" << false;
    QTest::newRow("keys named like the id stay") << R"({"A": {"Ref": "C"}})" << R"({"A": {"Ref": "C"}})" << false;
}

void TestRename::referencesHelpers()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, changed);
    JsonTree value = JsonTree::parse(before.toStdString());
    QCOMPARE(References::rename(value, "A", "B"), changed);
    QCOMPARE(QString::fromStdString(value.dump()), QString::fromStdString(JsonTree::parse(after.toStdString()).dump()));
}

void TestRename::subStringRewrite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("alone") << "${A}" << "${LongerName}";
    QTest::newRow("attribute") << "${A.Arn}" << "${LongerName.Arn}";
    QTest::newRow("nested attribute") << "${A.Endpoint.Address}" << "${LongerName.Endpoint.Address}";
    QTest::newRow("several") << "x${A}y${A}z${A.Arn}" << "x${LongerName}y${LongerName}z${LongerName.Arn}";
    QTest::newRow("prefix of another id") << "${AB}${BA}${A_}" << "${AB}${BA}${A_}";
    QTest::newRow("literal") << "${!A}${!A.Arn}" << "${!A}${!A.Arn}";
    QTest::newRow("pseudo parameter") << "${AWS::Region}" << "${AWS::Region}";
    QTest::newRow("without braces") << "$A A {A}" << "$A A {A}";
    QTest::newRow("unclosed") << "${A}${A" << "${LongerName}${A";
    QTest::newRow("empty") << "" << "";
}

void TestRename::subStringRewrite()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    std::string value = text.toStdString();
    QCOMPARE(References::renameInSubString(value, "A", "LongerName"), text != expected);
    QCOMPARE(QString::fromStdString(value), expected);
    // And back again with a shorter name.
    QCOMPARE(References::renameInSubString(value, "LongerName", "A"), text != expected);
    QCOMPARE(QString::fromStdString(value), text);
}

QTEST_GUILESS_MAIN(TestRename)
#include "tst_rename.moc"
