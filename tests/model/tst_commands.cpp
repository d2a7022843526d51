// Every Document command: do, undo and redo with exact results and the signals that name each
// change; refused commands change nothing; merging, dropping, macros and the modified flag.

#include "model/Document.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/ConnectCommand.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/GroupResourcesCommand.h"
#include "model/commands/MoveResourcesCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/commands/RenameResourceCommand.h"
#include "model/commands/SetPropertyCommand.h"
#include "model/commands/UngroupCommand.h"
#include "tests/model/ModelTestSupport.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace tributary;
using namespace tributary::test;

namespace {

using Owner = Document::PropertyOwner;

#define RETURN_IF_FAILED()                                                                                         \
    do {                                                                                                           \
        if (QTest::currentTestFailed())                                                                            \
            return;                                                                                                \
    } while (false)

#define VERIFY_CONSISTENT(architecture)                                                                            \
    do {                                                                                                           \
        const QString inconsistency_ = ::tributary::test::inconsistencyOf(architecture);                          \
        QVERIFY2(inconsistency_.isEmpty(), qPrintable(inconsistency_));                                            \
    } while (false)

QStringList keysOf(const JsonTree& object)
{
    QStringList keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    return keys;
}

std::optional<JsonTree> propertyOf(const Document& document, const QString& id, const QString& pointer)
{
    const Resource* resource = document.architecture().resource(id);
    if (!resource)
        return std::nullopt;
    return JsonTreeEdit::valueAt(resource->properties, pointer);
}

QString text(const std::optional<JsonTree>& value)
{
    return value ? QString::fromStdString(value->dump()) : QStringLiteral("<absent>");
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void addResources();
    void addOneResource();
    void addRefused_data();
    void addRefused();
    void removeResources();
    void removeSeveralResources();
    void removeRefused();
    void connect();
    void connectAutoIdIsUnique();
    void connectRefused_data();
    void connectRefused();
    void disconnect();
    void disconnectSeveral();
    void disconnectRefused();
    void move();
    void moveThatChangesNothingDropsItself();
    void moveRefused();
    void setPropertyOnOneResource();
    void setPropertyKeepsKeyOrder();
    void setPropertyOnSeveralResources();
    void setPropertyOnConnection();
    void setPropertyCreatesParents();
    void setPropertyInList();
    void removeProperty();
    void repeatedEditsMerge();
    void mergeBackToTheStartDropsItself();
    void editThatChangesNothingDropsItself();
    void mergeNeedsTheSameEdit();
    void noMergeAcrossTheSavePoint();
    void setPropertyRefused_data();
    void setPropertyRefused();
    void rename();
    void renameRefused();
    void group();
    void groupWithoutLabel();
    void groupRefused();
    void ungroup();
    void ungroupRefused();
    void macroUndoesAsOneStep();
    void modifiedFlag();
    void resetArchitecture();
    void filePath();

private:
    Resource make(const QString& kind, const QString& id, QPointF position = {}) const;
    QString ruleId(const QString& sourceKind, const QString& targetKind, const QString& preferred = {}) const;
    Connection edge(const QString& id, const QString& source, const QString& target, const QString& rule) const;
    Architecture base() const;
    std::unique_ptr<Document> document() const;

    /** Pushes command; checks it, its text and signals; undoes; checks; redoes; checks again. */
    void roundTrip(Document& document, QUndoCommand* command, const QString& text,
                   const std::function<void(const Architecture&)>& checkDone, const QStringList& doneSignals,
                   const QStringList& undoneSignals);
    /** Pushes command and checks that it is refused, naming every one of mentions, and that nothing changed. */
    void expectRefused(Document& document, QUndoCommand* command, const QStringList& mentions);

    const Catalogue* m_catalogue = nullptr;
    QString m_queueToFunction;
    QString m_topicToQueue;
    QString m_functionToQueue;
};

void TestCommands::initTestCase()
{
    QString problem;
    m_catalogue = builtInCatalogue(&problem);
    QVERIFY2(m_catalogue, qPrintable(problem));
    for (const char* kind : {"queue", "function", "topic"})
        QVERIFY2(m_catalogue->kind(QString::fromLatin1(kind)), kind);
    m_queueToFunction = ruleId(QStringLiteral("queue"), QStringLiteral("function"));
    m_topicToQueue = ruleId(QStringLiteral("topic"), QStringLiteral("queue"));
    m_functionToQueue = ruleId(QStringLiteral("function"), QStringLiteral("queue"), QStringLiteral("Sends"));
    QVERIFY(!m_queueToFunction.isEmpty());
    QVERIFY(!m_topicToQueue.isEmpty());
    QVERIFY(!m_functionToQueue.isEmpty());
}

Resource TestCommands::make(const QString& kind, const QString& id, QPointF position) const
{
    const ResourceKind* found = m_catalogue->kind(kind);
    Q_ASSERT(found);
    return m_catalogue->makeResource(*found, id, position);
}

QString TestCommands::ruleId(const QString& sourceKind, const QString& targetKind, const QString& preferred) const
{
    const auto rules = m_catalogue->rulesBetween(sourceKind, targetKind);
    for (const ConnectionRule* rule : rules) {
        if (!preferred.isEmpty() && rule->id.contains(preferred))
            return rule->id;
    }
    return rules.empty() ? QString() : rules.front()->id;
}

Connection TestCommands::edge(const QString& id, const QString& source, const QString& target, const QString& rule) const
{
    Connection connection;
    connection.id = id;
    connection.source = source;
    connection.target = target;
    connection.rule = rule;
    return connection;
}

/*
 * Orders (queue), Worker (function), Events (topic), Spare (queue);
 * OrdersToWorker, EventsToOrders, SpareToWorker, WorkerToSpare;
 * Group1 "Ingest" = [Orders, Spare], Group2 "Fan-out" = [Events].
 */
Architecture TestCommands::base() const
{
    Architecture architecture;
    Resource orders = make(QStringLiteral("queue"), QStringLiteral("Orders"), QPointF(0, 0));
    orders.properties = json(R"({"VisibilityTimeout": 30, "DelaySeconds": 0})");
    Resource worker = make(QStringLiteral("function"), QStringLiteral("Worker"), QPointF(200, 0));
    worker.properties = json(R"({
        "Runtime": "python3.12", "Handler": "index.handler", "MemorySize": 128, "Timeout": 3,
        "Environment": {"Variables": {"QUEUE_URL": {"Ref": "Orders"}}},
        "Layers": ["arn:aws:lambda:eu-west-1:123456789012:layer:a:1"]
    })");
    Resource events = make(QStringLiteral("topic"), QStringLiteral("Events"), QPointF(0, 200));
    Resource spare = make(QStringLiteral("queue"), QStringLiteral("Spare"), QPointF(200, 200));
    spare.attributes = json(R"({"DependsOn": "Orders", "DeletionPolicy": "Retain"})");
    for (Resource* r : {&orders, &worker, &events, &spare})
        architecture.insertResource(static_cast<int>(architecture.resources().size()), *r);

    Connection ordersToWorker = edge(QStringLiteral("OrdersToWorker"), QStringLiteral("Orders"), QStringLiteral("Worker"),
                                     m_queueToFunction);
    ordersToWorker.properties = json(R"({"BatchSize": 10})");
    architecture.insertConnection(0, ordersToWorker);
    architecture.insertConnection(1, edge(QStringLiteral("EventsToOrders"), QStringLiteral("Events"),
                                          QStringLiteral("Orders"), m_topicToQueue));
    architecture.insertConnection(2, edge(QStringLiteral("SpareToWorker"), QStringLiteral("Spare"),
                                          QStringLiteral("Worker"), m_queueToFunction));
    architecture.insertConnection(3, edge(QStringLiteral("WorkerToSpare"), QStringLiteral("Worker"),
                                          QStringLiteral("Spare"), m_functionToQueue));
    architecture.insertGroup(0, Group{QStringLiteral("Group1"), QStringLiteral("Ingest"),
                                      {QStringLiteral("Orders"), QStringLiteral("Spare")}});
    architecture.insertGroup(1, Group{QStringLiteral("Group2"), QStringLiteral("Fan-out"), {QStringLiteral("Events")}});
    architecture.templateSections() = json(R"({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Parameters": {"Stage": {"Type": "String", "Default": "dev"}},
        "Outputs": {"OrdersUrl": {"Value": {"Ref": "Orders"}}, "WorkerArn": {"Value": {"Fn::GetAtt": ["Worker", "Arn"]}}}
    })");
    return architecture;
}

std::unique_ptr<Document> TestCommands::document() const
{
    auto document = std::make_unique<Document>(*m_catalogue);
    document->resetArchitecture(base());
    return document;
}

void TestCommands::roundTrip(Document& document, QUndoCommand* command, const QString& text,
                             const std::function<void(const Architecture&)>& checkDone,
                             const QStringList& doneSignals, const QStringList& undoneSignals)
{
    DocumentSignals recorder(&document);
    RETURN_IF_FAILED();
    const Architecture before = document.architecture();
    const int count = document.undoStack()->count();

    const QString problem = document.push(command);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(document.undoStack()->count(), count + 1);
    QCOMPARE(document.undoStack()->index(), count + 1);
    QCOMPARE(command->text(), text);
    QCOMPARE(document.undoStack()->undoText(), text);
    QCOMPARE(recorder.take(), sorted(doneSignals));
    VERIFY_CONSISTENT(document.architecture());
    checkDone(document.architecture());
    RETURN_IF_FAILED();
    const Architecture done = document.architecture();

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
    VERIFY_CONSISTENT(document.architecture());
    QCOMPARE(recorder.take(), sorted(undoneSignals));
    QCOMPARE(document.undoStack()->redoText(), text);

    document.undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), done);
    VERIFY_CONSISTENT(document.architecture());
    QCOMPARE(recorder.take(), sorted(doneSignals));
    checkDone(document.architecture());
    RETURN_IF_FAILED();

    // Once more, to show that a second undo/redo cycle is as exact as the first.
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
    document.undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), done);
}

void TestCommands::expectRefused(Document& document, QUndoCommand* command, const QStringList& mentions)
{
    DocumentSignals recorder(&document);
    RETURN_IF_FAILED();
    QSignalSpy modified(&document, &Document::modifiedChanged);
    const Architecture before = document.architecture();
    const int count = document.undoStack()->count();
    const int index = document.undoStack()->index();

    const QString problem = document.push(command);
    QVERIFY2(!problem.isEmpty(), "the command was not refused");
    for (const QString& mention : mentions)
        QVERIFY2(problem.contains(mention), qPrintable(QStringLiteral("'%1' does not mention '%2'").arg(problem, mention)));
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
    QCOMPARE(document.undoStack()->count(), count);
    QCOMPARE(document.undoStack()->index(), index);
    QCOMPARE(recorder.take(), QStringList());
    QCOMPARE(modified.count(), 0);
}

// ---- AddResourcesCommand ------------------------------------------------------------------------

void TestCommands::addResources()
{
    auto doc = document();
    std::vector<Resource> resources = {make(QStringLiteral("queue"), QStringLiteral("Audit"), QPointF(400, 0)),
                                       make(QStringLiteral("function"), QStringLiteral("Archiver"), QPointF(600, 0))};
    resources[1].attributes = json(R"({"DependsOn": ["Audit"], "Metadata": {"k": 1}})");
    std::vector<Connection> connections = {
        edge(QStringLiteral("AuditToArchiver"), QStringLiteral("Audit"), QStringLiteral("Archiver"), m_queueToFunction),
        edge(QStringLiteral("EventsToAudit"), QStringLiteral("Events"), QStringLiteral("Audit"), m_topicToQueue),
    };
    const std::vector<Resource> added = resources;
    const std::vector<Connection> addedConnections = connections;
    roundTrip(
        *doc, new AddResourcesCommand(doc.get(), resources, connections), QStringLiteral("Add 2 resources"),
        [&](const Architecture& a) {
            QCOMPARE(resourceIds(a), QStringList({"Orders", "Worker", "Events", "Spare", "Audit", "Archiver"}));
            QVERIFY(a.resources()[4] == added[0]);
            QVERIFY(a.resources()[5] == added[1]);
            QCOMPARE(connectionIds(a), QStringList({"OrdersToWorker", "EventsToOrders", "SpareToWorker",
                                                    "WorkerToSpare", "AuditToArchiver", "EventsToAudit"}));
            QVERIFY(a.connections()[4] == addedConnections[0]);
            QVERIFY(a.connections()[5] == addedConnections[1]);
            QCOMPARE(a.groupOf(QStringLiteral("Audit")), nullptr);
            QVERIFY(a.templateSections() == base().templateSections());
        },
        {"resourceAdded(Audit)", "resourceAdded(Archiver)", "connectionAdded(AuditToArchiver)",
         "connectionAdded(EventsToAudit)"},
        {"resourceRemoved(Audit)", "resourceRemoved(Archiver)", "connectionRemoved(AuditToArchiver)",
         "connectionRemoved(EventsToAudit)"});
}

void TestCommands::addOneResource()
{
    auto doc = document();
    roundTrip(
        *doc, new AddResourcesCommand(doc.get(), {make(QStringLiteral("topic"), QStringLiteral("Alerts"))}),
        QStringLiteral("Add Alerts"),
        [](const Architecture& a) {
            QCOMPARE(a.resources().size(), std::size_t(5));
            QCOMPARE(a.resources().back().id, QStringLiteral("Alerts"));
            QCOMPARE(a.resources().back().kind, QStringLiteral("topic"));
            QCOMPARE(a.resourceIndex(QStringLiteral("Alerts")), 4);
        },
        {"resourceAdded(Alerts)"}, {"resourceRemoved(Alerts)"});
}

void TestCommands::addRefused_data()
{
    QTest::addColumn<QString>("mention");
    for (const char* name : {"nothing", "invalid id", "empty id", "id of a resource", "id of a parameter",
                             "same id twice", "unknown kind", "properties not a map", "attributes not a map",
                             "connection to a missing resource", "connection with an unknown rule",
                             "connection id already used", "connection id twice", "connection of wrong kinds",
                             "connection with an invalid id", "connection to itself"}) {
        static const QHash<QString, QString> mentions = {
            {"nothing", "nothing"},
            {"invalid id", "My-Queue"},
            {"empty id", "empty"},
            {"id of a resource", "Orders"},
            {"id of a parameter", "Stage"},
            {"same id twice", "Twin"},
            {"unknown kind", "spaceship"},
            {"properties not a map", "Audit"},
            {"attributes not a map", "Audit"},
            {"connection to a missing resource", "Ghost"},
            {"connection with an unknown rule", "noSuchRule"},
            {"connection id already used", "OrdersToWorker"},
            {"connection id twice", "AuditLink"},
            {"connection of wrong kinds", "Audit"},
            {"connection with an invalid id", "bad-id"},
            {"connection to itself", "Audit"},
        };
        QTest::newRow(name) << mentions.value(QString::fromLatin1(name));
    }
}

void TestCommands::addRefused()
{
    QFETCH(QString, mention);
    const QString row = QString::fromLatin1(QTest::currentDataTag());
    auto doc = document();
    std::vector<Resource> resources = {make(QStringLiteral("queue"), QStringLiteral("Audit"))};
    std::vector<Connection> connections;
    if (row == QLatin1String("nothing"))
        resources.clear();
    else if (row == QLatin1String("invalid id"))
        resources.push_back(make(QStringLiteral("queue"), QStringLiteral("My-Queue")));
    else if (row == QLatin1String("empty id"))
        resources.push_back(make(QStringLiteral("queue"), QString()));
    else if (row == QLatin1String("id of a resource"))
        resources.push_back(make(QStringLiteral("topic"), QStringLiteral("Orders")));
    else if (row == QLatin1String("id of a parameter"))
        resources.push_back(make(QStringLiteral("topic"), QStringLiteral("Stage")));
    else if (row == QLatin1String("same id twice"))
        resources = {make(QStringLiteral("queue"), QStringLiteral("Twin")), make(QStringLiteral("topic"), QStringLiteral("Twin"))};
    else if (row == QLatin1String("unknown kind"))
        resources.front().kind = QStringLiteral("spaceship");
    else if (row == QLatin1String("properties not a map"))
        resources.front().properties = json("[1, 2]");
    else if (row == QLatin1String("attributes not a map"))
        resources.front().attributes = json("\"DependsOn\"");
    else if (row == QLatin1String("connection to a missing resource"))
        connections.push_back(edge(QStringLiteral("AuditLink"), QStringLiteral("Audit"), QStringLiteral("Ghost"), m_queueToFunction));
    else if (row == QLatin1String("connection with an unknown rule"))
        connections.push_back(edge(QStringLiteral("AuditLink"), QStringLiteral("Audit"), QStringLiteral("Worker"), QStringLiteral("noSuchRule")));
    else if (row == QLatin1String("connection id already used"))
        connections.push_back(edge(QStringLiteral("OrdersToWorker"), QStringLiteral("Audit"), QStringLiteral("Worker"), m_queueToFunction));
    else if (row == QLatin1String("connection id twice"))
        connections = {edge(QStringLiteral("AuditLink"), QStringLiteral("Audit"), QStringLiteral("Worker"), m_queueToFunction),
                       edge(QStringLiteral("AuditLink"), QStringLiteral("Events"), QStringLiteral("Audit"), m_topicToQueue)};
    else if (row == QLatin1String("connection of wrong kinds"))
        connections.push_back(edge(QStringLiteral("AuditLink"), QStringLiteral("Audit"), QStringLiteral("Events"), m_queueToFunction));
    else if (row == QLatin1String("connection with an invalid id"))
        connections.push_back(edge(QStringLiteral("bad-id"), QStringLiteral("Audit"), QStringLiteral("Worker"), m_queueToFunction));
    else if (row == QLatin1String("connection to itself"))
        connections.push_back(edge(QStringLiteral("AuditLink"), QStringLiteral("Audit"), QStringLiteral("Audit"), m_queueToFunction));
    else
        QFAIL("unknown row");
    QStringList mentions = {mention};
    if (row == QLatin1String("connection of wrong kinds"))
        mentions.append(QStringLiteral("Events"));
    expectRefused(*doc, new AddResourcesCommand(doc.get(), resources, connections), mentions);
}

// ---- RemoveResourcesCommand ---------------------------------------------------------------------

void TestCommands::removeResources()
{
    auto doc = document();
    roundTrip(
        *doc, new RemoveResourcesCommand(doc.get(), {QStringLiteral("Orders")}), QStringLiteral("Delete Orders"),
        [](const Architecture& a) {
            QCOMPARE(resourceIds(a), QStringList({"Worker", "Events", "Spare"}));
            QCOMPARE(connectionIds(a), QStringList({"SpareToWorker", "WorkerToSpare"}));
            QCOMPARE(a.group(QStringLiteral("Group1"))->members, QStringList({"Spare"}));
            QCOMPARE(a.group(QStringLiteral("Group2"))->members, QStringList({"Events"}));
            // References to the removed resource are left for validation to report.
            QVERIFY(a.templateSections() == json(R"({
                "AWSTemplateFormatVersion": "2010-09-09",
                "Transform": "AWS::Serverless-2016-10-31",
                "Parameters": {"Stage": {"Type": "String", "Default": "dev"}},
                "Outputs": {"OrdersUrl": {"Value": {"Ref": "Orders"}}, "WorkerArn": {"Value": {"Fn::GetAtt": ["Worker", "Arn"]}}}
            })"));
        },
        {"groupChanged(Group1)", "connectionRemoved(OrdersToWorker)", "connectionRemoved(EventsToOrders)",
         "resourceRemoved(Orders)"},
        {"groupChanged(Group1)", "connectionAdded(OrdersToWorker)", "connectionAdded(EventsToOrders)",
         "resourceAdded(Orders)"});
}

void TestCommands::removeSeveralResources()
{
    auto doc = document();
    // Out of order and with a duplicate: the command removes each once and undo restores the order.
    roundTrip(
        *doc,
        new RemoveResourcesCommand(doc.get(), {QStringLiteral("Spare"), QStringLiteral("Events"), QStringLiteral("Spare")}),
        QStringLiteral("Delete 2 resources"),
        [](const Architecture& a) {
            QCOMPARE(resourceIds(a), QStringList({"Orders", "Worker"}));
            QCOMPARE(connectionIds(a), QStringList({"OrdersToWorker"}));
            QCOMPARE(a.group(QStringLiteral("Group1"))->members, QStringList({"Orders"}));
            QCOMPARE(a.group(QStringLiteral("Group2")), nullptr); // left empty, so it goes
            QCOMPARE(a.groups().size(), std::size_t(1));
        },
        {"groupChanged(Group1)", "groupRemoved(Group2)", "connectionRemoved(EventsToOrders)",
         "connectionRemoved(SpareToWorker)", "connectionRemoved(WorkerToSpare)", "resourceRemoved(Events)",
         "resourceRemoved(Spare)"},
        {"groupChanged(Group1)", "groupAdded(Group2)", "connectionAdded(EventsToOrders)",
         "connectionAdded(SpareToWorker)", "connectionAdded(WorkerToSpare)", "resourceAdded(Events)",
         "resourceAdded(Spare)"});

    // Everything at once.
    auto all = document();
    roundTrip(
        *all,
        new RemoveResourcesCommand(all.get(), {QStringLiteral("Worker"), QStringLiteral("Spare"), QStringLiteral("Orders"),
                                               QStringLiteral("Events")}),
        QStringLiteral("Delete 4 resources"),
        [](const Architecture& a) {
            QVERIFY(a.resources().empty());
            QVERIFY(a.connections().empty());
            QVERIFY(a.groups().empty());
        },
        {"groupRemoved(Group1)", "groupRemoved(Group2)", "connectionRemoved(OrdersToWorker)",
         "connectionRemoved(EventsToOrders)", "connectionRemoved(SpareToWorker)", "connectionRemoved(WorkerToSpare)",
         "resourceRemoved(Orders)", "resourceRemoved(Worker)", "resourceRemoved(Events)", "resourceRemoved(Spare)"},
        {"groupAdded(Group1)", "groupAdded(Group2)", "connectionAdded(OrdersToWorker)",
         "connectionAdded(EventsToOrders)", "connectionAdded(SpareToWorker)", "connectionAdded(WorkerToSpare)",
         "resourceAdded(Orders)", "resourceAdded(Worker)", "resourceAdded(Events)", "resourceAdded(Spare)"});
}

void TestCommands::removeRefused()
{
    auto doc = document();
    expectRefused(*doc, new RemoveResourcesCommand(doc.get(), {}), {QStringLiteral("nothing")});
    expectRefused(*doc, new RemoveResourcesCommand(doc.get(), {QStringLiteral("Ghost")}), {QStringLiteral("Ghost")});
    expectRefused(*doc, new RemoveResourcesCommand(doc.get(), {QStringLiteral("Orders"), QStringLiteral("Ghost")}),
                  {QStringLiteral("Ghost")});
    // A connection id is not a resource id.
    expectRefused(*doc, new RemoveResourcesCommand(doc.get(), {QStringLiteral("OrdersToWorker")}),
                  {QStringLiteral("OrdersToWorker")});
}

// ---- ConnectCommand ------------------------------------------------------------------------------

void TestCommands::connect()
{
    auto doc = document();
    Connection connection = edge(QString(), QStringLiteral("Events"), QStringLiteral("Spare"), m_topicToQueue);
    connection.properties = json(R"({"RawMessageDelivery": true})");
    auto* command = new ConnectCommand(doc.get(), connection);
    QCOMPARE(command->connection().id, QStringLiteral("EventsToSpare"));
    roundTrip(
        *doc, command, QStringLiteral("Connect Events to Spare"),
        [this](const Architecture& a) {
            QCOMPARE(connectionIds(a), QStringList({"OrdersToWorker", "EventsToOrders", "SpareToWorker",
                                                    "WorkerToSpare", "EventsToSpare"}));
            const Connection* made = a.connection(QStringLiteral("EventsToSpare"));
            QVERIFY(made);
            QCOMPARE(made->source, QStringLiteral("Events"));
            QCOMPARE(made->target, QStringLiteral("Spare"));
            QCOMPARE(made->rule, m_topicToQueue);
            QVERIFY(made->properties == json(R"({"RawMessageDelivery": true})"));
            QCOMPARE(a.connectionsOf(QStringLiteral("Spare")),
                     QStringList({"SpareToWorker", "WorkerToSpare", "EventsToSpare"}));
            // The rule's template parts: a subscription with the edge's properties and a queue policy.
            const Resource* subscription = a.resource(QStringLiteral("EventsToSpare"));
            QVERIFY(subscription);
            QCOMPARE(subscription->cfnType, QStringLiteral("AWS::SNS::Subscription"));
            QVERIFY(subscription->properties == json(R"({"TopicArn": {"Ref": "Events"}, "Protocol": "sqs",
                "Endpoint": {"Fn::GetAtt": ["Spare", "Arn"]}, "RawMessageDelivery": true})"));
            QCOMPARE(a.resource(QStringLiteral("EventsToSpareQueuePolicy"))->cfnType, QStringLiteral("AWS::SQS::QueuePolicy"));
            QVERIFY(made->parts == json(R"([{"resource": "EventsToSpare"}, {"resource": "EventsToSpareQueuePolicy"}])"));
        },
        {"connectionAdded(EventsToSpare)", "resourceAdded(EventsToSpare)", "resourceAdded(EventsToSpareQueuePolicy)"},
        {"connectionRemoved(EventsToSpare)", "resourceRemoved(EventsToSpare)", "resourceRemoved(EventsToSpareQueuePolicy)"});

    // With an id of its own.
    auto named = document();
    roundTrip(
        *named, new ConnectCommand(named.get(), edge(QStringLiteral("Fanout"), QStringLiteral("Events"),
                                                     QStringLiteral("Spare"), m_topicToQueue)),
        QStringLiteral("Connect Events to Spare"),
        [](const Architecture& a) { QVERIFY(a.connection(QStringLiteral("Fanout"))); },
        {"connectionAdded(Fanout)", "resourceAdded(Fanout)", "resourceAdded(FanoutQueuePolicy)"},
        {"connectionRemoved(Fanout)", "resourceRemoved(Fanout)", "resourceRemoved(FanoutQueuePolicy)"});
}

void TestCommands::connectAutoIdIsUnique()
{
    const auto rules = m_catalogue->rulesBetween(QStringLiteral("function"), QStringLiteral("queue"));
    QVERIFY2(rules.size() >= 2, "the catalogue should have several function-to-queue rules");
    auto doc = document();
    auto* first = new ConnectCommand(doc.get(), edge(QString(), QStringLiteral("Worker"), QStringLiteral("Orders"), rules[0]->id));
    QCOMPARE(first->connection().id, QStringLiteral("WorkerToOrders"));
    QCOMPARE(doc->push(first), QString());
    auto* second = new ConnectCommand(doc.get(), edge(QString(), QStringLiteral("Worker"), QStringLiteral("Orders"), rules[1]->id));
    QCOMPARE(second->connection().id, QStringLiteral("WorkerToOrders2"));
    QCOMPARE(doc->push(second), QString());
    QCOMPARE(doc->architecture().connection(QStringLiteral("WorkerToOrders2"))->rule, rules[1]->id);
    QCOMPARE(doc->undoStack()->count(), 2);
    doc->undoStack()->setIndex(0);
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), base());
}

void TestCommands::connectRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("unknown rule") << "" << "Orders" << "Worker" << "noSuchRule" << QStringList({"noSuchRule"});
    QTest::newRow("wrong kinds") << "" << "Orders" << "Worker" << "topic>queue" << QStringList({"Orders", "Worker"});
    QTest::newRow("reversed ends") << "" << "Worker" << "Orders" << "queue>function" << QStringList({"Orders", "Worker"});
    QTest::newRow("missing source") << "" << "Ghost" << "Worker" << "queue>function" << QStringList({"Ghost"});
    QTest::newRow("missing target") << "" << "Orders" << "Ghost" << "queue>function" << QStringList({"Ghost"});
    QTest::newRow("empty source") << "Link" << "" << "Worker" << "queue>function" << QStringList({"source"});
    QTest::newRow("self-loop") << "" << "Orders" << "Orders" << "queue>function" << QStringList({"Orders", "itself"});
    QTest::newRow("self-loop with a rule of that kind") << "Loop" << "Orders" << "Orders" << "queue>queue"
                                                        << QStringList({"Orders", "itself"});
    QTest::newRow("duplicate id") << "OrdersToWorker" << "Spare" << "Worker" << "queue>function"
                                  << QStringList({"OrdersToWorker"});
    QTest::newRow("invalid id") << "bad-id" << "Spare" << "Worker" << "queue>function" << QStringList({"bad-id"});
}

void TestCommands::connectRefused()
{
    QFETCH(QString, id);
    QFETCH(QString, source);
    QFETCH(QString, target);
    QFETCH(QString, rule);
    QFETCH(QStringList, mentions);
    if (rule.contains(QLatin1Char('>'))) {
        const QStringList kinds = rule.split(QLatin1Char('>'));
        const QString found = ruleId(kinds[0], kinds[1]);
        if (found.isEmpty())
            QSKIP("the catalogue has no rule between these kinds");
        rule = found;
    }
    auto doc = document();
    expectRefused(*doc, new ConnectCommand(doc.get(), edge(id, source, target, rule)), mentions);
}

// ---- DisconnectCommand --------------------------------------------------------------------------

void TestCommands::disconnect()
{
    auto doc = document();
    roundTrip(
        *doc, new DisconnectCommand(doc.get(), {QStringLiteral("EventsToOrders")}),
        QStringLiteral("Disconnect Events from Orders"),
        [](const Architecture& a) {
            QCOMPARE(connectionIds(a), QStringList({"OrdersToWorker", "SpareToWorker", "WorkerToSpare"}));
            QCOMPARE(a.connectionIndex(QStringLiteral("WorkerToSpare")), 2);
            QCOMPARE(resourceIds(a), QStringList({"Orders", "Worker", "Events", "Spare"}));
        },
        {"connectionRemoved(EventsToOrders)"}, {"connectionAdded(EventsToOrders)"});
}

void TestCommands::disconnectSeveral()
{
    auto doc = document();
    roundTrip(
        *doc,
        new DisconnectCommand(doc.get(), {QStringLiteral("WorkerToSpare"), QStringLiteral("OrdersToWorker"),
                                          QStringLiteral("WorkerToSpare")}),
        QStringLiteral("Delete 2 connections"),
        [](const Architecture& a) {
            QCOMPARE(connectionIds(a), QStringList({"EventsToOrders", "SpareToWorker"}));
        },
        {"connectionRemoved(WorkerToSpare)", "connectionRemoved(OrdersToWorker)"},
        {"connectionAdded(WorkerToSpare)", "connectionAdded(OrdersToWorker)"});
}

void TestCommands::disconnectRefused()
{
    auto doc = document();
    expectRefused(*doc, new DisconnectCommand(doc.get(), {}), {});
    expectRefused(*doc, new DisconnectCommand(doc.get(), {QStringLiteral("Ghost")}), {QStringLiteral("Ghost")});
    expectRefused(*doc, new DisconnectCommand(doc.get(), {QStringLiteral("OrdersToWorker"), QStringLiteral("Ghost")}),
                  {QStringLiteral("Ghost")});
    // A resource id is not a connection id.
    expectRefused(*doc, new DisconnectCommand(doc.get(), {QStringLiteral("Orders")}), {QStringLiteral("Orders")});
}

// ---- MoveResourcesCommand -----------------------------------------------------------------------

void TestCommands::move()
{
    auto doc = document();
    roundTrip(
        *doc,
        new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(50.5, 60)},
                                             {QStringLiteral("Worker"), QPointF(-70, 80.25)}}),
        QStringLiteral("Move 2 resources"),
        [](const Architecture& a) {
            QCOMPARE(a.resource(QStringLiteral("Orders"))->position, QPointF(50.5, 60));
            QCOMPARE(a.resource(QStringLiteral("Worker"))->position, QPointF(-70, 80.25));
            QCOMPARE(a.resource(QStringLiteral("Events"))->position, QPointF(0, 200));
        },
        {"resourceMoved(Orders)", "resourceMoved(Worker)"}, {"resourceMoved(Orders)", "resourceMoved(Worker)"});

    auto one = document();
    roundTrip(
        *one, new MoveResourcesCommand(one.get(), {{QStringLiteral("Spare"), QPointF(1, 2)}}), QStringLiteral("Move Spare"),
        [](const Architecture& a) { QCOMPARE(a.resource(QStringLiteral("Spare"))->position, QPointF(1, 2)); },
        {"resourceMoved(Spare)"}, {"resourceMoved(Spare)"});
}

void TestCommands::moveThatChangesNothingDropsItself()
{
    auto doc = document();
    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Worker"), QPointF(200, 100)}})), QString());
    QCOMPARE(doc->undoStack()->count(), 1);
    const Architecture before = doc->architecture();
    QSignalSpy modified(doc.get(), &Document::modifiedChanged);

    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(0, 0)},
                                                           {QStringLiteral("Worker"), QPointF(200, 100)}})),
             QString());
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Move Worker"));
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), before);
    QCOMPARE(modified.count(), 0);

    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), base());
}

void TestCommands::moveRefused()
{
    auto doc = document();
    expectRefused(*doc, new MoveResourcesCommand(doc.get(), {}), {QStringLiteral("nothing")});
    expectRefused(*doc, new MoveResourcesCommand(doc.get(), {{QStringLiteral("Ghost"), QPointF(1, 1)}}),
                  {QStringLiteral("Ghost")});
    expectRefused(*doc,
                  new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(1, 1)},
                                                       {QStringLiteral("Ghost"), QPointF(1, 1)}}),
                  {QStringLiteral("Ghost")});
}

// ---- SetPropertyCommand -------------------------------------------------------------------------

void TestCommands::setPropertyOnOneResource()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Orders")},
                               QStringLiteral("/MessageRetentionPeriod"), JsonTree(1209600)),
        QStringLiteral("Set MessageRetentionPeriod of Orders"),
        [this, doc = doc.get()](const Architecture& a) {
            QCOMPARE(text(propertyOf(*doc, QStringLiteral("Orders"), QStringLiteral("/MessageRetentionPeriod"))),
                     QStringLiteral("1209600"));
            QCOMPARE(keysOf(a.resource(QStringLiteral("Orders"))->properties),
                     QStringList({"VisibilityTimeout", "DelaySeconds", "MessageRetentionPeriod"}));
            QVERIFY(a.resource(QStringLiteral("Spare"))->properties == base().resource(QStringLiteral("Spare"))->properties);
        },
        {"resourcePropertyChanged(Orders, /MessageRetentionPeriod)"},
        {"resourcePropertyChanged(Orders, /MessageRetentionPeriod)"});
}

void TestCommands::setPropertyKeepsKeyOrder()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")}, QStringLiteral("/MemorySize"),
                               JsonTree(1024)),
        QStringLiteral("Set MemorySize of Worker"),
        [](const Architecture& a) {
            const JsonTree& properties = a.resource(QStringLiteral("Worker"))->properties;
            QCOMPARE(keysOf(properties), QStringList({"Runtime", "Handler", "MemorySize", "Timeout", "Environment", "Layers"}));
            QVERIFY(properties["MemorySize"] == JsonTree(1024));
        },
        {"resourcePropertyChanged(Worker, /MemorySize)"}, {"resourcePropertyChanged(Worker, /MemorySize)"});
}

void TestCommands::setPropertyOnSeveralResources()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Orders"), QStringLiteral("Spare")},
                               QStringLiteral("/DelaySeconds"), JsonTree(5)),
        QStringLiteral("Set DelaySeconds of 2 resources"),
        [doc = doc.get()](const Architecture&) {
            QCOMPARE(text(propertyOf(*doc, QStringLiteral("Orders"), QStringLiteral("/DelaySeconds"))), QStringLiteral("5"));
            QCOMPARE(text(propertyOf(*doc, QStringLiteral("Spare"), QStringLiteral("/DelaySeconds"))), QStringLiteral("5"));
            QCOMPARE(keysOf(doc->architecture().resource(QStringLiteral("Orders"))->properties),
                     QStringList({"VisibilityTimeout", "DelaySeconds"}));
        },
        {"resourcePropertyChanged(Orders, /DelaySeconds)", "resourcePropertyChanged(Spare, /DelaySeconds)"},
        {"resourcePropertyChanged(Orders, /DelaySeconds)", "resourcePropertyChanged(Spare, /DelaySeconds)"});
}

void TestCommands::setPropertyOnConnection()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Connection, {QStringLiteral("OrdersToWorker")},
                               QStringLiteral("/BatchSize"), JsonTree(5)),
        QStringLiteral("Set BatchSize of OrdersToWorker"),
        [this](const Architecture& a) {
            QVERIFY(a.connection(QStringLiteral("OrdersToWorker"))->properties == json(R"({"BatchSize": 5})"));
            QVERIFY(a.resource(QStringLiteral("Orders"))->properties == base().resource(QStringLiteral("Orders"))->properties);
        },
        {"connectionPropertyChanged(OrdersToWorker, /BatchSize)"},
        {"connectionPropertyChanged(OrdersToWorker, /BatchSize)"});

    auto several = document();
    roundTrip(
        *several,
        new SetPropertyCommand(several.get(), Owner::Connection,
                               {QStringLiteral("OrdersToWorker"), QStringLiteral("SpareToWorker")},
                               QStringLiteral("/FilterCriteria/Filters"), json(R"([{"Pattern": "{}"}])")),
        QStringLiteral("Set FilterCriteria/Filters of 2 connections"),
        [](const Architecture& a) {
            QVERIFY(a.connection(QStringLiteral("OrdersToWorker"))->properties
                    == json(R"({"BatchSize": 10, "FilterCriteria": {"Filters": [{"Pattern": "{}"}]}})"));
            QVERIFY(a.connection(QStringLiteral("SpareToWorker"))->properties
                    == json(R"({"FilterCriteria": {"Filters": [{"Pattern": "{}"}]}})"));
        },
        {"connectionPropertyChanged(OrdersToWorker, /FilterCriteria/Filters)",
         "connectionPropertyChanged(SpareToWorker, /FilterCriteria/Filters)"},
        {"connectionPropertyChanged(OrdersToWorker, /FilterCriteria/Filters)",
         "connectionPropertyChanged(SpareToWorker, /FilterCriteria/Filters)"});
}

void TestCommands::setPropertyCreatesParents()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                               QStringLiteral("/DeadLetterQueue/TargetArn"), json(R"({"Fn::GetAtt": ["Spare", "Arn"]})")),
        QStringLiteral("Set DeadLetterQueue/TargetArn of Worker"),
        [](const Architecture& a) {
            const JsonTree& properties = a.resource(QStringLiteral("Worker"))->properties;
            QCOMPARE(keysOf(properties).last(), QStringLiteral("DeadLetterQueue"));
            QVERIFY(properties["DeadLetterQueue"] == json(R"({"TargetArn": {"Fn::GetAtt": ["Spare", "Arn"]}})"));
        },
        {"resourcePropertyChanged(Worker, /DeadLetterQueue/TargetArn)"},
        {"resourcePropertyChanged(Worker, /DeadLetterQueue/TargetArn)"});

    // Inside an existing object: only the new key goes, its parent stays on undo.
    auto nested = document();
    roundTrip(
        *nested,
        new SetPropertyCommand(nested.get(), Owner::Resource, {QStringLiteral("Worker")},
                               QStringLiteral("/Environment/Variables/STAGE"), json(R"({"Ref": "Stage"})")),
        QStringLiteral("Set Environment/Variables/STAGE of Worker"),
        [](const Architecture& a) {
            QVERIFY(a.resource(QStringLiteral("Worker"))->properties["Environment"]
                    == json(R"({"Variables": {"QUEUE_URL": {"Ref": "Orders"}, "STAGE": {"Ref": "Stage"}}})"));
        },
        {"resourcePropertyChanged(Worker, /Environment/Variables/STAGE)"},
        {"resourcePropertyChanged(Worker, /Environment/Variables/STAGE)"});
}

void TestCommands::setPropertyInList()
{
    auto doc = document();
    const QString layer = QStringLiteral("arn:aws:lambda:eu-west-1:123456789012:layer:b:2");
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")}, QStringLiteral("/Layers/-"),
                               JsonTree(layer.toStdString())),
        QStringLiteral("Set Layers/- of Worker"),
        [&layer](const Architecture& a) {
            const JsonTree& layers = a.resource(QStringLiteral("Worker"))->properties["Layers"];
            QCOMPARE(layers.size(), std::size_t(2));
            QCOMPARE(QString::fromStdString(layers[1].get<std::string>()), layer);
        },
        {"resourcePropertyChanged(Worker, /Layers/-)"}, {"resourcePropertyChanged(Worker, /Layers/-)"});

    // List edits never merge: two appends are two undo steps.
    auto twice = document();
    for (int i = 0; i < 2; ++i)
        QCOMPARE(twice->push(new SetPropertyCommand(twice.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                    QStringLiteral("/Layers/-"), JsonTree(i))),
                 QString());
    QCOMPARE(twice->undoStack()->count(), 2);
    QVERIFY(twice->architecture().resource(QStringLiteral("Worker"))->properties["Layers"]
            == json(R"(["arn:aws:lambda:eu-west-1:123456789012:layer:a:1", 0, 1])"));
    // Nor do two replacements of the same list item.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(twice->push(new SetPropertyCommand(twice.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                    QStringLiteral("/Layers/0"), JsonTree(10 + i))),
                 QString());
    QCOMPARE(twice->undoStack()->count(), 4);
    // Removing the first item, then undoing everything.
    QCOMPARE(twice->push(new SetPropertyCommand(twice.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                QStringLiteral("/Layers/0"), std::nullopt)),
             QString());
    QVERIFY(twice->architecture().resource(QStringLiteral("Worker"))->properties["Layers"] == json("[0, 1]"));
    twice->undoStack()->setIndex(0);
    TRIBUTARY_COMPARE_ARCHITECTURE(twice->architecture(), base());
}

void TestCommands::removeProperty()
{
    auto doc = document();
    roundTrip(
        *doc,
        new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")}, QStringLiteral("/Handler"),
                               std::nullopt),
        QStringLiteral("Remove Handler of Worker"),
        [](const Architecture& a) {
            QCOMPARE(keysOf(a.resource(QStringLiteral("Worker"))->properties),
                     QStringList({"Runtime", "MemorySize", "Timeout", "Environment", "Layers"}));
        },
        {"resourcePropertyChanged(Worker, /Handler)"}, {"resourcePropertyChanged(Worker, /Handler)"});

    auto several = document();
    roundTrip(
        *several,
        new SetPropertyCommand(several.get(), Owner::Resource, {QStringLiteral("Orders"), QStringLiteral("Worker")},
                               QStringLiteral("/Environment"), std::nullopt),
        QStringLiteral("Remove Environment of 2 resources"),
        [this](const Architecture& a) {
            QVERIFY(!a.resource(QStringLiteral("Worker"))->properties.contains("Environment"));
            QVERIFY(a.resource(QStringLiteral("Orders"))->properties == base().resource(QStringLiteral("Orders"))->properties);
        },
        {"resourcePropertyChanged(Orders, /Environment)", "resourcePropertyChanged(Worker, /Environment)"},
        {"resourcePropertyChanged(Orders, /Environment)", "resourcePropertyChanged(Worker, /Environment)"});
}

void TestCommands::repeatedEditsMerge()
{
    auto doc = document();
    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(5, 5)}})), QString());
    const Architecture before = doc->architecture();
    for (int timeout : {10, 20, 30}) {
        QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                  QStringLiteral("/Timeout"), JsonTree(timeout))),
                 QString());
    }
    QCOMPARE(doc->undoStack()->count(), 2);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set Timeout of Worker"));
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Worker"), QStringLiteral("/Timeout"))), QStringLiteral("30"));
    const Architecture after = doc->architecture();

    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), before);
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Worker"), QStringLiteral("/Timeout"))), QStringLiteral("3"));
    doc->undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), after);

    // Merged edits that created parents still take them away in one undo.
    auto created = document();
    for (const char* value : {"\"a\"", "\"b\""})
        QCOMPARE(created->push(new SetPropertyCommand(created.get(), Owner::Resource, {QStringLiteral("Orders")},
                                                      QStringLiteral("/Tags/Team/Name"), json(value))),
                 QString());
    QCOMPARE(created->undoStack()->count(), 1);
    QCOMPARE(text(propertyOf(*created, QStringLiteral("Orders"), QStringLiteral("/Tags/Team/Name"))), QStringLiteral("\"b\""));
    created->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(created->architecture(), base());

    // Merged removals of the same property in several resources.
    auto removed = document();
    for (int i = 0; i < 2; ++i)
        QCOMPARE(removed->push(new SetPropertyCommand(removed.get(), Owner::Resource,
                                                      {QStringLiteral("Orders"), QStringLiteral("Spare")},
                                                      QStringLiteral("/VisibilityTimeout"), std::nullopt)),
                 QString());
    QCOMPARE(removed->undoStack()->count(), 1);
    removed->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(removed->architecture(), base());
}

void TestCommands::mergeBackToTheStartDropsItself()
{
    auto doc = document();
    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(5, 5)}})), QString());
    const Architecture before = doc->architecture();
    for (int timeout : {10, 20, 3})
        QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                  QStringLiteral("/Timeout"), JsonTree(timeout))),
                 QString());
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), before);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Move Orders"));
}

void TestCommands::editThatChangesNothingDropsItself()
{
    auto doc = document();
    QSignalSpy modified(doc.get(), &Document::modifiedChanged);
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                              QStringLiteral("/Timeout"), JsonTree(3))),
             QString());
    QCOMPARE(doc->undoStack()->count(), 0);
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                              QStringLiteral("/NoSuchProperty"), std::nullopt)),
             QString());
    QCOMPARE(doc->undoStack()->count(), 0);
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                              QStringLiteral("/Missing/Parent"), std::nullopt)),
             QString());
    QCOMPARE(doc->undoStack()->count(), 0);
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource,
                                              {QStringLiteral("Orders"), QStringLiteral("Spare")},
                                              QStringLiteral("/Environment"), std::nullopt)),
             QString());
    QCOMPARE(doc->undoStack()->count(), 0);
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), base());
    QVERIFY(!doc->isModified());
    QCOMPARE(modified.count(), 0);

    // One of several changes: the edit is kept.
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource,
                                              {QStringLiteral("Orders"), QStringLiteral("Spare")},
                                              QStringLiteral("/VisibilityTimeout"), JsonTree(30))),
             QString());
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Spare"), QStringLiteral("/VisibilityTimeout"))), QStringLiteral("30"));
    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), base());
}

void TestCommands::mergeNeedsTheSameEdit()
{
    const auto pushSet = [](Document& doc, Owner owner, const QStringList& ids, const char* pointer,
                            std::optional<JsonTree> value) {
        return doc.push(new SetPropertyCommand(&doc, owner, ids, QString::fromLatin1(pointer), std::move(value)));
    };
    const QStringList worker = {QStringLiteral("Worker")};

    // Set, then remove: two steps.
    auto doc = document();
    QCOMPARE(pushSet(*doc, Owner::Resource, worker, "/Timeout", JsonTree(10)), QString());
    QCOMPARE(pushSet(*doc, Owner::Resource, worker, "/Timeout", std::nullopt), QString());
    QCOMPARE(doc->undoStack()->count(), 2);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Remove Timeout of Worker"));
    doc->undoStack()->undo();
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Worker"), QStringLiteral("/Timeout"))), QStringLiteral("10"));
    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), base());

    // Remove, then set: two steps, and the property comes back where it was.
    auto removeFirst = document();
    QCOMPARE(pushSet(*removeFirst, Owner::Resource, worker, "/Timeout", std::nullopt), QString());
    QCOMPARE(pushSet(*removeFirst, Owner::Resource, worker, "/Timeout", JsonTree(3)), QString());
    QCOMPARE(removeFirst->undoStack()->count(), 2);
    QCOMPARE(keysOf(removeFirst->architecture().resource(QStringLiteral("Worker"))->properties).last(),
             QStringLiteral("Timeout"));
    removeFirst->undoStack()->setIndex(0);
    TRIBUTARY_COMPARE_ARCHITECTURE(removeFirst->architecture(), base());

    // Different pointer, different ids, different owner: no merge.
    auto other = document();
    QCOMPARE(pushSet(*other, Owner::Resource, worker, "/Timeout", JsonTree(10)), QString());
    QCOMPARE(pushSet(*other, Owner::Resource, worker, "/MemorySize", JsonTree(256)), QString());
    QCOMPARE(pushSet(*other, Owner::Resource, {QStringLiteral("Worker"), QStringLiteral("Orders")}, "/MemorySize",
                     JsonTree(512)),
             QString());
    QCOMPARE(pushSet(*other, Owner::Resource, {QStringLiteral("Orders"), QStringLiteral("Worker")}, "/MemorySize",
                     JsonTree(1024)),
             QString());
    QCOMPARE(pushSet(*other, Owner::Connection, {QStringLiteral("OrdersToWorker")}, "/MemorySize", JsonTree(1)), QString());
    QCOMPARE(pushSet(*other, Owner::Connection, {QStringLiteral("OrdersToWorker")}, "/MemorySize", JsonTree(2)), QString());
    QCOMPARE(other->undoStack()->count(), 5);
    other->undoStack()->setIndex(0);
    TRIBUTARY_COMPARE_ARCHITECTURE(other->architecture(), base());
}

void TestCommands::noMergeAcrossTheSavePoint()
{
    auto doc = document();
    const auto setTimeout = [&doc](int timeout) {
        return doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Worker")},
                                                QStringLiteral("/Timeout"), JsonTree(timeout)));
    };
    QCOMPARE(setTimeout(10), QString());
    doc->markSaved();
    QVERIFY(!doc->isModified());
    QCOMPARE(setTimeout(20), QString());
    QVERIFY(doc->isModified());
    QCOMPARE(doc->undoStack()->count(), 2);
    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Worker"), QStringLiteral("/Timeout"))), QStringLiteral("10"));
}

void TestCommands::setPropertyRefused_data()
{
    QTest::addColumn<bool>("onConnections");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("no ids") << false << QStringList() << "/Timeout" << QStringList({"resource"});
    QTest::newRow("missing resource") << false << QStringList({"Ghost"}) << "/Timeout" << QStringList({"Ghost"});
    QTest::newRow("one of several missing") << false << QStringList({"Worker", "Ghost"}) << "/Timeout"
                                            << QStringList({"Ghost"});
    QTest::newRow("resource id as connection") << true << QStringList({"Worker"}) << "/BatchSize"
                                               << QStringList({"Worker", "connection"});
    QTest::newRow("missing connection") << true << QStringList({"Ghost"}) << "/BatchSize" << QStringList({"Ghost"});
    QTest::newRow("no leading slash") << false << QStringList({"Worker"}) << "Timeout" << QStringList({"Timeout"});
    QTest::newRow("empty pointer") << false << QStringList({"Worker"}) << "" << QStringList();
    QTest::newRow("bad escape") << false << QStringList({"Worker"}) << "/a~2" << QStringList({"/a~2"});
    QTest::newRow("through a scalar") << false << QStringList({"Worker"}) << "/Timeout/Seconds"
                                      << QStringList({"/Timeout/Seconds"});
    QTest::newRow("through a scalar in one of several") << false << QStringList({"Orders", "Worker"})
                                                        << "/Runtime/Major" << QStringList({"/Runtime/Major"});
    QTest::newRow("list index beyond the end") << false << QStringList({"Worker"}) << "/Layers/5"
                                               << QStringList({"/Layers/5"});
    QTest::newRow("list index not a number") << false << QStringList({"Worker"}) << "/Layers/x"
                                             << QStringList({"/Layers/x"});
    QTest::newRow("connection pointer through a scalar") << true << QStringList({"OrdersToWorker"})
                                                         << "/BatchSize/x" << QStringList({"/BatchSize/x"});
}

void TestCommands::setPropertyRefused()
{
    QFETCH(bool, onConnections);
    QFETCH(QStringList, ids);
    QFETCH(QString, pointer);
    QFETCH(QStringList, mentions);
    auto doc = document();
    expectRefused(*doc,
                  new SetPropertyCommand(doc.get(), onConnections ? Owner::Connection : Owner::Resource, ids, pointer,
                                         JsonTree(1)),
                  mentions);
    RETURN_IF_FAILED();
    expectRefused(*doc,
                  new SetPropertyCommand(doc.get(), onConnections ? Owner::Connection : Owner::Resource, ids, pointer,
                                         std::nullopt),
                  mentions);
}

// ---- RenameResourceCommand ----------------------------------------------------------------------

void TestCommands::rename()
{
    auto doc = document();
    roundTrip(
        *doc, new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Inbox")),
        QStringLiteral("Rename Orders to Inbox"),
        [](const Architecture& a) {
            QCOMPARE(resourceIds(a), QStringList({"Inbox", "Worker", "Events", "Spare"}));
            QCOMPARE(a.resource(QStringLiteral("Orders")), nullptr);
            QCOMPARE(a.resourceIndex(QStringLiteral("Inbox")), 0);
            QCOMPARE(a.connection(QStringLiteral("OrdersToWorker"))->source, QStringLiteral("Inbox"));
            QCOMPARE(a.connection(QStringLiteral("EventsToOrders"))->target, QStringLiteral("Inbox"));
            QCOMPARE(a.group(QStringLiteral("Group1"))->members, QStringList({"Inbox", "Spare"}));
            QVERIFY(a.resource(QStringLiteral("Worker"))->properties["Environment"]
                    == json(R"({"Variables": {"QUEUE_URL": {"Ref": "Inbox"}}})"));
            QVERIFY(a.resource(QStringLiteral("Spare"))->attributes
                    == json(R"({"DependsOn": "Inbox", "DeletionPolicy": "Retain"})"));
            QVERIFY(a.templateSections()["Outputs"]["OrdersUrl"] == json(R"({"Value": {"Ref": "Inbox"}})"));
        },
        {"resourceRenamed(Orders, Inbox)", "resourcePropertyChanged(Worker, )", "resourcePropertyChanged(Spare, )",
         "templateSectionChanged()"},
        {"resourceRenamed(Inbox, Orders)", "resourcePropertyChanged(Worker, )", "resourcePropertyChanged(Spare, )",
         "templateSectionChanged()"});

    // A resource nothing refers to: only the id changes.
    auto plain = document();
    roundTrip(
        *plain, new RenameResourceCommand(plain.get(), QStringLiteral("Events"), QStringLiteral("Notifications")),
        QStringLiteral("Rename Events to Notifications"),
        [](const Architecture& a) {
            QCOMPARE(a.resources()[2].id, QStringLiteral("Notifications"));
            QCOMPARE(a.group(QStringLiteral("Group2"))->members, QStringList({"Notifications"}));
        },
        {"resourceRenamed(Events, Notifications)"}, {"resourceRenamed(Notifications, Events)"});
}

void TestCommands::renameRefused()
{
    auto doc = document();
    expectRefused(*doc, new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Worker")),
                  {QStringLiteral("Worker")});
    expectRefused(*doc, new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Stage")),
                  {QStringLiteral("Stage")});
    expectRefused(*doc, new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Or-ders")),
                  {QStringLiteral("Or-ders")});
    expectRefused(*doc, new RenameResourceCommand(doc.get(), QStringLiteral("Ghost"), QStringLiteral("Spirit")),
                  {QStringLiteral("Ghost")});
    expectRefused(*doc, new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Orders")),
                  {QStringLiteral("Orders")});
}

// ---- GroupResourcesCommand / UngroupCommand -----------------------------------------------------

void TestCommands::group()
{
    auto doc = document();
    auto* command = new GroupResourcesCommand(doc.get(), {QStringLiteral("Spare"), QStringLiteral("Events"),
                                                          QStringLiteral("Spare")},
                                              QStringLiteral("Pipeline"));
    QCOMPARE(command->groupId(), QStringLiteral("Group3"));
    roundTrip(
        *doc, command, QStringLiteral("Group 2 resources"),
        [](const Architecture& a) {
            QCOMPARE(a.groups().size(), std::size_t(2));
            const Group& made = a.groups()[1];
            QCOMPARE(made.id, QStringLiteral("Group3"));
            QCOMPARE(made.label, QStringLiteral("Pipeline"));
            QCOMPARE(made.members, QStringList({"Spare", "Events"}));
            QCOMPARE(a.group(QStringLiteral("Group1"))->members, QStringList({"Orders"}));
            QCOMPARE(a.group(QStringLiteral("Group2")), nullptr); // left empty, so it goes
            QCOMPARE(a.groupOf(QStringLiteral("Spare"))->id, QStringLiteral("Group3"));
            QCOMPARE(a.groupOf(QStringLiteral("Events"))->id, QStringLiteral("Group3"));
            QCOMPARE(a.groupOf(QStringLiteral("Worker")), nullptr);
        },
        {"groupChanged(Group1)", "groupRemoved(Group2)", "groupAdded(Group3)"},
        {"groupChanged(Group1)", "groupAdded(Group2)", "groupRemoved(Group3)"});
}

void TestCommands::groupWithoutLabel()
{
    auto doc = document();
    roundTrip(
        *doc, new GroupResourcesCommand(doc.get(), {QStringLiteral("Worker")}, QString()),
        QStringLiteral("Group 1 resources"),
        [](const Architecture& a) {
            QCOMPARE(a.groups().back().id, QStringLiteral("Group3"));
            QCOMPARE(a.groups().back().label, QStringLiteral("Group3"));
            QCOMPARE(a.groups().back().members, QStringList({"Worker"}));
            QCOMPARE(a.group(QStringLiteral("Group1"))->members, QStringList({"Orders", "Spare"}));
        },
        {"groupAdded(Group3)"}, {"groupRemoved(Group3)"});
}

void TestCommands::groupRefused()
{
    auto doc = document();
    expectRefused(*doc, new GroupResourcesCommand(doc.get(), {}, QStringLiteral("x")), {QStringLiteral("nothing")});
    expectRefused(*doc, new GroupResourcesCommand(doc.get(), {QStringLiteral("Orders"), QStringLiteral("Ghost")}, {}),
                  {QStringLiteral("Ghost")});
}

void TestCommands::ungroup()
{
    auto doc = document();
    roundTrip(
        *doc, new UngroupCommand(doc.get(), QStringLiteral("Group1")), QStringLiteral("Ungroup Ingest"),
        [](const Architecture& a) {
            QCOMPARE(a.groups().size(), std::size_t(1));
            QCOMPARE(a.groups()[0].id, QStringLiteral("Group2"));
            QCOMPARE(a.groupOf(QStringLiteral("Orders")), nullptr);
            QCOMPARE(resourceIds(a), QStringList({"Orders", "Worker", "Events", "Spare"}));
        },
        {"groupRemoved(Group1)"}, {"groupAdded(Group1)"});
}

void TestCommands::ungroupRefused()
{
    auto doc = document();
    expectRefused(*doc, new UngroupCommand(doc.get(), QStringLiteral("Ghost")), {QStringLiteral("Ghost")});
    expectRefused(*doc, new UngroupCommand(doc.get(), QStringLiteral("Ingest")), {QStringLiteral("Ingest")});
}

// ---- Macros, modified flag, reset ---------------------------------------------------------------

void TestCommands::macroUndoesAsOneStep()
{
    auto doc = document();
    QSignalSpy indexChanged(doc->undoStack(), &QUndoStack::indexChanged);
    const Architecture before = doc->architecture();
    doc->beginMacro(QStringLiteral("Wire up Audit"));
    QCOMPARE(doc->push(new AddResourcesCommand(doc.get(), {make(QStringLiteral("queue"), QStringLiteral("Audit"))})),
             QString());
    QCOMPARE(doc->push(new ConnectCommand(doc.get(), edge(QString(), QStringLiteral("Audit"), QStringLiteral("Worker"),
                                                          m_queueToFunction))),
             QString());
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Audit")},
                                              QStringLiteral("/DelaySeconds"), JsonTree(10))),
             QString());
    QCOMPARE(doc->push(new SetPropertyCommand(doc.get(), Owner::Resource, {QStringLiteral("Audit")},
                                              QStringLiteral("/DelaySeconds"), JsonTree(20))),
             QString());
    QVERIFY(!doc->push(new RemoveResourcesCommand(doc.get(), {QStringLiteral("Ghost")})).isEmpty());
    QCOMPARE(doc->push(new RenameResourceCommand(doc.get(), QStringLiteral("Orders"), QStringLiteral("Inbox"))), QString());
    QCOMPARE(doc->push(new GroupResourcesCommand(doc.get(), {QStringLiteral("Audit"), QStringLiteral("Inbox")}, {})),
             QString());
    doc->endMacro();

    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Wire up Audit"));
    const Architecture after = doc->architecture();
    QCOMPARE(text(propertyOf(*doc, QStringLiteral("Audit"), QStringLiteral("/DelaySeconds"))), QStringLiteral("20"));
    QCOMPARE(after.connection(QStringLiteral("AuditToWorker"))->target, QStringLiteral("Worker"));
    QCOMPARE(after.groups().back().members, QStringList({"Audit", "Inbox"}));
    VERIFY_CONSISTENT(after);

    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), before);
    QCOMPARE(doc->undoStack()->index(), 0);
    doc->undoStack()->redo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), after);
    doc->undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(doc->architecture(), before);
}

void TestCommands::modifiedFlag()
{
    auto doc = document();
    QSignalSpy modified(doc.get(), &Document::modifiedChanged);
    QVERIFY(!doc->isModified());

    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(9, 9)}})), QString());
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), true);

    QCOMPARE(doc->push(new MoveResourcesCommand(doc.get(), {{QStringLiteral("Orders"), QPointF(8, 8)}})), QString());
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 0);

    doc->markSaved();
    QVERIFY(!doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), false);

    doc->undoStack()->undo();
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), true);

    doc->undoStack()->redo();
    QVERIFY(!doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), false);

    // Undoing to the start is not the saved state.
    doc->undoStack()->setIndex(0);
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 1);
    modified.clear();

    // A refused command does not touch the flag.
    QVERIFY(!doc->push(new RemoveResourcesCommand(doc.get(), {QStringLiteral("Ghost")})).isEmpty());
    QVERIFY(doc->isModified());
    QCOMPARE(modified.count(), 0);
}

void TestCommands::resetArchitecture()
{
    Document doc(*m_catalogue);
    QVERIFY(doc.architecture() == Architecture());
    QVERIFY(!doc.isModified());
    DocumentSignals recorder(&doc);
    QSignalSpy modified(&doc, &Document::modifiedChanged);
    doc.resetArchitecture(base());
    QCOMPARE(recorder.take(), QStringList({"reset()"}));
    TRIBUTARY_COMPARE_ARCHITECTURE(doc.architecture(), base());
    VERIFY_CONSISTENT(doc.architecture());

    QCOMPARE(doc.push(new RemoveResourcesCommand(&doc, {QStringLiteral("Orders")})), QString());
    QVERIFY(doc.isModified());
    recorder.take();
    modified.clear();

    Architecture other;
    other.insertResource(0, make(QStringLiteral("topic"), QStringLiteral("Solo")));
    doc.resetArchitecture(other);
    QCOMPARE(recorder.take(), QStringList({"reset()"}));
    QVERIFY(doc.architecture() == other);
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.takeFirst().at(0).toBool(), false);
}

void TestCommands::filePath()
{
    Document doc(*m_catalogue);
    QSignalSpy changed(&doc, &Document::filePathChanged);
    QCOMPARE(doc.filePath(), QString());
    doc.setFilePath(QStringLiteral("/tmp/a.yaml"));
    QCOMPARE(doc.filePath(), QStringLiteral("/tmp/a.yaml"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).toString(), QStringLiteral("/tmp/a.yaml"));
    doc.setFilePath(QStringLiteral("/tmp/a.yaml"));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!doc.isModified());
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
