// Architecture: look-ups, index upkeep after edits in the middle, unique ids; LogicalId rules.

#include "model/Architecture.h"
#include "model/LogicalId.h"
#include "tests/model/ModelTestSupport.h"

#include <QSet>
#include <QTest>

using namespace tributary;
using tributary::test::connectionIds;
using tributary::test::json;
using tributary::test::resourceIds;

namespace {

Resource resource(const QString& id, const QString& kind = QStringLiteral("queue"))
{
    Resource r;
    r.id = id;
    r.kind = kind;
    r.cfnType = QStringLiteral("AWS::SQS::Queue");
    r.position = QPointF(10, 20);
    return r;
}

Connection connection(const QString& id, const QString& source, const QString& target)
{
    Connection c;
    c.id = id;
    c.source = source;
    c.target = target;
    c.rule = QStringLiteral("queueToFunction");
    return c;
}

#define VERIFY_CONSISTENT(architecture)                                                                            \
    do {                                                                                                           \
        const QString inconsistency_ = ::tributary::test::inconsistencyOf(architecture);                          \
        QVERIFY2(inconsistency_.isEmpty(), qPrintable(inconsistency_));                                            \
    } while (false)

} // namespace

class TestArchitecture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyArchitecture();
    void resourceIndicesFollowInsertsAndRemovals();
    void removedIdsAreForgotten();
    void setResourceIdUpdatesTheIndex();
    void connectionIndicesFollowInsertsAndRemovals();
    void groupsAndMembership();
    void connectionsOfAResource();
    void isNameTaken();
    void uniqueResourceId_data();
    void uniqueResourceId();
    void uniqueResourceIdCounts();
    void uniqueConnectionAndGroupIds();
    void equalityIsExactAndOrdered();
    void copiesKeepWorkingIndices();
    void logicalIdProblems_data();
    void logicalIdProblems();
    void makeUnique_data();
    void makeUnique();
};

void TestArchitecture::emptyArchitecture()
{
    const Architecture architecture;
    QVERIFY(architecture.resources().empty());
    QVERIFY(architecture.connections().empty());
    QVERIFY(architecture.groups().empty());
    QVERIFY(architecture.templateSections().is_object());
    QVERIFY(architecture.templateSections().empty());
    QCOMPARE(architecture.resource(QStringLiteral("A")), nullptr);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("A")), -1);
    QCOMPARE(architecture.connection(QStringLiteral("A")), nullptr);
    QCOMPARE(architecture.connectionIndex(QStringLiteral("A")), -1);
    QCOMPARE(architecture.group(QStringLiteral("A")), nullptr);
    QCOMPARE(architecture.groupIndex(QStringLiteral("A")), -1);
    QCOMPARE(architecture.groupOf(QStringLiteral("A")), nullptr);
    QVERIFY(architecture.connectionsOf(QStringLiteral("A")).isEmpty());
    QVERIFY(!architecture.isNameTaken(QStringLiteral("A")));
    QVERIFY(architecture == Architecture());
}

void TestArchitecture::resourceIndicesFollowInsertsAndRemovals()
{
    Architecture architecture;
    architecture.insertResource(0, resource(QStringLiteral("B")));
    architecture.insertResource(0, resource(QStringLiteral("A")));
    architecture.insertResource(2, resource(QStringLiteral("D")));
    architecture.insertResource(2, resource(QStringLiteral("C")));
    QCOMPARE(resourceIds(architecture), QStringList({"A", "B", "C", "D"}));
    VERIFY_CONSISTENT(architecture);

    architecture.insertResource(1, resource(QStringLiteral("X"), QStringLiteral("function")));
    QCOMPARE(resourceIds(architecture), QStringList({"A", "X", "B", "C", "D"}));
    VERIFY_CONSISTENT(architecture);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("D")), 4);
    QCOMPARE(architecture.resource(QStringLiteral("X"))->kind, QStringLiteral("function"));

    const Resource taken = architecture.takeResource(2);
    QCOMPARE(taken.id, QStringLiteral("B"));
    QCOMPARE(resourceIds(architecture), QStringList({"A", "X", "C", "D"}));
    VERIFY_CONSISTENT(architecture);

    architecture.takeResource(0);
    architecture.takeResource(2);
    QCOMPARE(resourceIds(architecture), QStringList({"X", "C"}));
    VERIFY_CONSISTENT(architecture);

    architecture.insertResource(2, resource(QStringLiteral("B")));
    architecture.insertResource(1, resource(QStringLiteral("A")));
    QCOMPARE(resourceIds(architecture), QStringList({"X", "A", "C", "B"}));
    VERIFY_CONSISTENT(architecture);

    architecture.resourceAt(1).properties = json(R"({"k": 1})");
    QVERIFY(architecture.resource(QStringLiteral("A"))->properties == json(R"({"k": 1})"));
}

void TestArchitecture::removedIdsAreForgotten()
{
    Architecture architecture;
    for (const char* id : {"A", "B", "C"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    architecture.takeResource(2);
    QCOMPARE(architecture.resource(QStringLiteral("C")), nullptr);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("C")), -1);
    QVERIFY(!architecture.isNameTaken(QStringLiteral("C")));
    architecture.takeResource(0);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("A")), -1);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("B")), 0);
    architecture.takeResource(0);
    QVERIFY(architecture.resources().empty());
    QCOMPARE(architecture.resourceIndex(QStringLiteral("B")), -1);
    QVERIFY(architecture == Architecture());
}

void TestArchitecture::setResourceIdUpdatesTheIndex()
{
    Architecture architecture;
    for (const char* id : {"A", "B", "C"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    architecture.setResourceId(1, QStringLiteral("Renamed"));
    QCOMPARE(resourceIds(architecture), QStringList({"A", "Renamed", "C"}));
    QCOMPARE(architecture.resourceIndex(QStringLiteral("B")), -1);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("Renamed")), 1);
    VERIFY_CONSISTENT(architecture);
    architecture.takeResource(0);
    QCOMPARE(architecture.resourceIndex(QStringLiteral("Renamed")), 0);
    VERIFY_CONSISTENT(architecture);
}

void TestArchitecture::connectionIndicesFollowInsertsAndRemovals()
{
    Architecture architecture;
    for (const char* id : {"A", "B", "C"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    architecture.insertConnection(0, connection(QStringLiteral("c2"), QStringLiteral("B"), QStringLiteral("C")));
    architecture.insertConnection(0, connection(QStringLiteral("c1"), QStringLiteral("A"), QStringLiteral("B")));
    architecture.insertConnection(2, connection(QStringLiteral("c4"), QStringLiteral("C"), QStringLiteral("A")));
    architecture.insertConnection(2, connection(QStringLiteral("c3"), QStringLiteral("A"), QStringLiteral("C")));
    QCOMPARE(connectionIds(architecture), QStringList({"c1", "c2", "c3", "c4"}));
    VERIFY_CONSISTENT(architecture);

    const Connection taken = architecture.takeConnection(1);
    QCOMPARE(taken.id, QStringLiteral("c2"));
    QCOMPARE(architecture.connection(QStringLiteral("c2")), nullptr);
    QCOMPARE(architecture.connectionIndex(QStringLiteral("c2")), -1);
    QCOMPARE(connectionIds(architecture), QStringList({"c1", "c3", "c4"}));
    VERIFY_CONSISTENT(architecture);

    architecture.insertConnection(1, taken);
    QCOMPARE(connectionIds(architecture), QStringList({"c1", "c2", "c3", "c4"}));
    VERIFY_CONSISTENT(architecture);
    architecture.connectionAt(3).properties = json(R"({"BatchSize": 5})");
    QVERIFY(architecture.connection(QStringLiteral("c4"))->properties == json(R"({"BatchSize": 5})"));

    architecture.takeConnection(3);
    architecture.takeConnection(0);
    QCOMPARE(connectionIds(architecture), QStringList({"c2", "c3"}));
    QCOMPARE(architecture.connectionIndex(QStringLiteral("c4")), -1);
    QCOMPARE(architecture.connectionIndex(QStringLiteral("c1")), -1);
    VERIFY_CONSISTENT(architecture);
}

void TestArchitecture::groupsAndMembership()
{
    Architecture architecture;
    for (const char* id : {"A", "B", "C"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    architecture.insertGroup(0, Group{QStringLiteral("G2"), QStringLiteral("Second"), {QStringLiteral("C")}});
    architecture.insertGroup(0, Group{QStringLiteral("G1"), QStringLiteral("First"), {QStringLiteral("A"), QStringLiteral("B")}});
    QCOMPARE(architecture.groupIndex(QStringLiteral("G1")), 0);
    QCOMPARE(architecture.groupIndex(QStringLiteral("G2")), 1);
    QCOMPARE(architecture.group(QStringLiteral("G2"))->label, QStringLiteral("Second"));
    QCOMPARE(architecture.groupOf(QStringLiteral("B"))->id, QStringLiteral("G1"));
    QCOMPARE(architecture.groupOf(QStringLiteral("C"))->id, QStringLiteral("G2"));
    QCOMPARE(architecture.groupOf(QStringLiteral("Z")), nullptr);
    architecture.groupAt(0).members.removeAll(QStringLiteral("B"));
    QCOMPARE(architecture.groupOf(QStringLiteral("B")), nullptr);
    const Group taken = architecture.takeGroup(0);
    QCOMPARE(taken.id, QStringLiteral("G1"));
    QCOMPARE(architecture.groupIndex(QStringLiteral("G2")), 0);
    QCOMPARE(architecture.groupOf(QStringLiteral("A")), nullptr);
    VERIFY_CONSISTENT(architecture);
}

void TestArchitecture::connectionsOfAResource()
{
    Architecture architecture;
    for (const char* id : {"A", "B", "C", "D"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    architecture.insertConnection(0, connection(QStringLiteral("c1"), QStringLiteral("A"), QStringLiteral("B")));
    architecture.insertConnection(1, connection(QStringLiteral("c2"), QStringLiteral("C"), QStringLiteral("A")));
    architecture.insertConnection(2, connection(QStringLiteral("c3"), QStringLiteral("B"), QStringLiteral("C")));
    architecture.insertConnection(3, connection(QStringLiteral("c4"), QStringLiteral("A"), QStringLiteral("C")));
    QCOMPARE(architecture.connectionsOf(QStringLiteral("A")), QStringList({"c1", "c2", "c4"}));
    QCOMPARE(architecture.connectionsOf(QStringLiteral("C")), QStringList({"c2", "c3", "c4"}));
    QCOMPARE(architecture.connectionsOf(QStringLiteral("D")), QStringList());
    QCOMPARE(architecture.connectionsOf(QStringLiteral("Nope")), QStringList());
}

void TestArchitecture::isNameTaken()
{
    Architecture architecture;
    architecture.insertResource(0, resource(QStringLiteral("Orders")));
    architecture.templateSections() = json(R"({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {"Stage": {"Type": "String"}, "Memory": {"Type": "Number"}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
        "Outputs": {"OrdersUrl": {"Value": {"Ref": "Orders"}}}
    })");
    QVERIFY(architecture.isNameTaken(QStringLiteral("Orders")));
    QVERIFY(architecture.isNameTaken(QStringLiteral("Stage")));
    QVERIFY(architecture.isNameTaken(QStringLiteral("Memory")));
    QVERIFY(!architecture.isNameTaken(QStringLiteral("orders")));
    QVERIFY(!architecture.isNameTaken(QStringLiteral("Order")));
    QVERIFY(!architecture.isNameTaken(QStringLiteral("Parameters")));
    QVERIFY(!architecture.isNameTaken(QStringLiteral("Type")));
    QVERIFY(!architecture.isNameTaken(QString()));
    QCOMPARE(architecture.uniqueResourceId(QStringLiteral("Stage")), QStringLiteral("Stage2"));
    QCOMPARE(architecture.uniqueResourceId(QStringLiteral("Orders")), QStringLiteral("Orders2"));

    // Parameters that are not a map name nothing.
    architecture.templateSections()["Parameters"] = JsonTree::array({"Stage"});
    QVERIFY(!architecture.isNameTaken(QStringLiteral("Stage")));
    architecture.templateSections().erase("Parameters");
    QVERIFY(!architecture.isNameTaken(QStringLiteral("Memory")));
}

void TestArchitecture::uniqueResourceId_data()
{
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");

    QTest::newRow("free") << QStringList() << "Queue" << "Queue";
    QTest::newRow("taken once") << QStringList({"Queue"}) << "Queue" << "Queue2";
    QTest::newRow("taken twice") << QStringList({"Queue", "Queue2"}) << "Queue" << "Queue3";
    QTest::newRow("gap is reused") << QStringList({"Queue", "Queue3"}) << "Queue" << "Queue2";
    QTest::newRow("numbered base counts on") << QStringList({"Queue", "Queue2"}) << "Queue2" << "Queue3";
    QTest::newRow("free numbered base kept") << QStringList({"Queue"}) << "Queue7" << "Queue7";
    QTest::newRow("bad characters dropped") << QStringList() << "My-Queue_1.fifo" << "MyQueue1fifo";
    QTest::newRow("spaces dropped") << QStringList() << "Order queue" << "Orderqueue";
    QTest::newRow("non-ASCII dropped") << QStringList() << "Überweisung" << "berweisung";
    QTest::newRow("dropped then numbered") << QStringList({"MyQueue"}) << "My Queue" << "MyQueue2";
    QTest::newRow("nothing left") << QStringList() << "--" << "Resource";
    QTest::newRow("empty base") << QStringList() << "" << "Resource";
    QTest::newRow("nothing left, taken") << QStringList({"Resource"}) << "!!" << "Resource2";
    QTest::newRow("digits only, free") << QStringList() << "42" << "42";
}

void TestArchitecture::uniqueResourceId()
{
    QFETCH(QStringList, taken);
    QFETCH(QString, base);
    QFETCH(QString, expected);

    Architecture architecture;
    for (const QString& id : std::as_const(taken))
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(id));
    const QString unique = architecture.uniqueResourceId(base);
    QCOMPARE(unique, expected);
    QVERIFY2(LogicalId::problemWith(unique).isEmpty(), qPrintable(LogicalId::problemWith(unique)));
    QVERIFY(!architecture.isNameTaken(unique));
}

void TestArchitecture::uniqueResourceIdCounts()
{
    // Queue, Queue2, Queue3 … as resources are added one after another.
    Architecture architecture;
    QStringList made;
    for (int i = 0; i < 12; ++i) {
        const QString id = architecture.uniqueResourceId(QStringLiteral("Queue"));
        made.append(id);
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(id));
    }
    QCOMPARE(made.mid(0, 4), QStringList({"Queue", "Queue2", "Queue3", "Queue4"}));
    QCOMPARE(made.last(), QStringLiteral("Queue12"));
    QCOMPARE(QSet<QString>(made.begin(), made.end()).size(), made.size());

    // A very long base stays within the limit even with a number appended.
    const QString longBase(400, QLatin1Char('a'));
    const QString first = architecture.uniqueResourceId(longBase);
    QVERIFY(first.size() <= LogicalId::maximumLength);
    architecture.insertResource(0, resource(first));
    const QString second = architecture.uniqueResourceId(longBase);
    QVERIFY(second != first);
    QVERIFY(second.size() <= LogicalId::maximumLength);
    QVERIFY(LogicalId::problemWith(second).isEmpty());
}

void TestArchitecture::uniqueConnectionAndGroupIds()
{
    Architecture architecture;
    for (const char* id : {"A", "B"})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), resource(QString::fromLatin1(id)));
    QCOMPARE(architecture.uniqueConnectionId(QStringLiteral("AToB")), QStringLiteral("AToB"));
    architecture.insertConnection(0, connection(QStringLiteral("AToB"), QStringLiteral("A"), QStringLiteral("B")));
    QCOMPARE(architecture.uniqueConnectionId(QStringLiteral("AToB")), QStringLiteral("AToB2"));
    // Connection ids and resource ids are separate name spaces.
    QCOMPARE(architecture.uniqueConnectionId(QStringLiteral("A")), QStringLiteral("A"));
    QCOMPARE(architecture.uniqueResourceId(QStringLiteral("AToB")), QStringLiteral("AToB"));

    QCOMPARE(architecture.uniqueGroupId(), QStringLiteral("Group1"));
    architecture.insertGroup(0, Group{QStringLiteral("Group1"), QStringLiteral("x"), {}});
    QCOMPARE(architecture.uniqueGroupId(), QStringLiteral("Group2"));
    architecture.insertGroup(1, Group{QStringLiteral("Group2"), QStringLiteral("y"), {}});
    QCOMPARE(architecture.uniqueGroupId(), QStringLiteral("Group3"));
    architecture.takeGroup(0);
    QCOMPARE(architecture.uniqueGroupId(), QStringLiteral("Group1"));
}

void TestArchitecture::equalityIsExactAndOrdered()
{
    Architecture a;
    a.insertResource(0, resource(QStringLiteral("A")));
    a.insertResource(1, resource(QStringLiteral("B")));
    a.templateSections() = json(R"({"Parameters": {"P": {"Type": "String"}}, "Outputs": {}})");

    Architecture same;
    same.insertResource(0, resource(QStringLiteral("B")));
    same.insertResource(0, resource(QStringLiteral("A")));
    same.templateSections() = json(R"({"Parameters": {"P": {"Type": "String"}}, "Outputs": {}})");
    QVERIFY(a == same);
    QVERIFY(!(a != same));

    Architecture reordered;
    reordered.insertResource(0, resource(QStringLiteral("B")));
    reordered.insertResource(1, resource(QStringLiteral("A")));
    reordered.templateSections() = a.templateSections();
    QVERIFY(a != reordered);

    Architecture sectionsReordered = same;
    sectionsReordered.templateSections() = json(R"({"Outputs": {}, "Parameters": {"P": {"Type": "String"}}})");
    QVERIFY(a != sectionsReordered);

    Architecture moved = same;
    moved.resourceAt(0).position = QPointF(11, 20);
    QVERIFY(a != moved);

    Architecture attributed = same;
    attributed.resourceAt(1).attributes = json(R"({"DependsOn": "A"})");
    QVERIFY(a != attributed);

    Architecture connected = same;
    connected.insertConnection(0, connection(QStringLiteral("c"), QStringLiteral("A"), QStringLiteral("B")));
    QVERIFY(a != connected);
    Architecture connectedToo = same;
    connectedToo.insertConnection(0, connection(QStringLiteral("c"), QStringLiteral("A"), QStringLiteral("B")));
    QVERIFY(connected == connectedToo);
    connectedToo.connectionAt(0).rule = QStringLiteral("other");
    QVERIFY(connected != connectedToo);

    Architecture grouped = same;
    grouped.insertGroup(0, Group{QStringLiteral("G"), QStringLiteral("G"), {QStringLiteral("A")}});
    QVERIFY(a != grouped);
}

void TestArchitecture::copiesKeepWorkingIndices()
{
    Architecture original;
    for (const char* id : {"A", "B", "C"})
        original.insertResource(static_cast<int>(original.resources().size()), resource(QString::fromLatin1(id)));
    Architecture copy = original;
    copy.takeResource(0);
    VERIFY_CONSISTENT(copy);
    VERIFY_CONSISTENT(original);
    QCOMPARE(original.resourceIndex(QStringLiteral("A")), 0);
    QCOMPARE(copy.resourceIndex(QStringLiteral("A")), -1);
    QCOMPARE(copy.resource(QStringLiteral("B")), &copy.resources()[0]);
    Architecture assigned;
    assigned = copy;
    VERIFY_CONSISTENT(assigned);
    QVERIFY(assigned == copy);
}

void TestArchitecture::logicalIdProblems_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::newRow("letters") << "Orders" << true;
    QTest::newRow("letters and digits") << "Orders2Queue" << true;
    QTest::newRow("one letter") << "A" << true;
    QTest::newRow("digits only") << "123" << true;
    QTest::newRow("255 characters") << QString(255, QLatin1Char('a')) << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("hyphen") << "My-Queue" << false;
    QTest::newRow("underscore") << "My_Queue" << false;
    QTest::newRow("space") << "My Queue" << false;
    QTest::newRow("dot") << "Queue.fifo" << false;
    QTest::newRow("umlaut") << "Über" << false;
    QTest::newRow("fullwidth digit") << QStringLiteral("Queue\uFF11") << false;
    QTest::newRow("256 characters") << QString(256, QLatin1Char('a')) << false;
    QTest::newRow("1000 characters") << QString(1000, QLatin1Char('b')) << false;
}

void TestArchitecture::logicalIdProblems()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    const QString problem = LogicalId::problemWith(id);
    if (valid) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        return;
    }
    QVERIFY(!problem.isEmpty());
    if (id.isEmpty()) {
        QVERIFY2(problem.contains(QLatin1String("empty")), qPrintable(problem));
    } else if (id.size() > LogicalId::maximumLength) {
        QVERIFY2(problem.contains(QString::number(id.size())), qPrintable(problem));
        QVERIFY2(problem.contains(QString::number(LogicalId::maximumLength)), qPrintable(problem));
        QVERIFY2(problem.contains(id.left(20)), qPrintable(problem));
    } else {
        QVERIFY2(problem.contains(QLatin1Char('\'') + id + QLatin1Char('\'')), qPrintable(problem));
    }
}

void TestArchitecture::makeUnique_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");

    QTest::newRow("free") << "Topic" << QStringList() << "Topic";
    QTest::newRow("next") << "Topic" << QStringList({"Topic", "Topic2", "Topic3"}) << "Topic4";
    QTest::newRow("trailing digits stripped") << "Topic10" << QStringList({"Topic10"}) << "Topic2";
    QTest::newRow("truncated to leave room for a number") << QString(300, QLatin1Char('x')) << QStringList()
                                                          << QString(LogicalId::maximumLength - 6, QLatin1Char('x'));
}

void TestArchitecture::makeUnique()
{
    QFETCH(QString, base);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);
    QCOMPARE(LogicalId::makeUnique(base, [&taken](const QString& id) { return taken.contains(id); }), expected);
}

QTEST_GUILESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
