// Property test: thousands of random commands from a fixed seed, then undo all gives back the
// starting architecture exactly and redo all gives the final one, passing checkpoints on the way.

#include "model/Document.h"
#include "model/LogicalId.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/ConnectCommand.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/GroupResourcesCommand.h"
#include "model/commands/MoveResourcesCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/commands/RenameResourceCommand.h"
#include "model/commands/SetPropertyCommand.h"
#include "model/commands/UngroupCommand.h"
#include "model/tree/ParsedTree.h"
#include "tests/model/ModelTestSupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <map>
#include <random>

using namespace tributary;
using namespace tributary::test;

namespace {

using Owner = Document::PropertyOwner;

enum class Outcome { Pushed, Merged, Dropped, Refused };

/** What happened to the commands of one kind. */
struct Tally
{
    int pushed = 0;
    int merged = 0;
    int dropped = 0;
    int refused = 0;
    /** Commands pushed inside macros, and how many of those were refused. */
    int inMacro = 0;
    int refusedInMacro = 0;
};

/** Every JSON pointer inside value (objects and lists), parents before children. */
void collectPointers(const JsonTree& value, const std::string& at, std::vector<std::string>& pointers)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string child = ParsedTree::childPointer(at, it.key());
            pointers.push_back(child);
            collectPointers(it.value(), child, pointers);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string child = ParsedTree::childPointer(at, i);
            pointers.push_back(child);
            collectPointers(value[i], child, pointers);
        }
    }
}

/** Makes random commands against a document; every choice comes from one seeded generator. */
class RandomSession
{
public:
    RandomSession(Document& document, const Catalogue& catalogue, std::uint32_t seed)
        : m_document(document)
        , m_catalogue(catalogue)
        , m_random(seed)
    {
    }

    /** One top-level step: a single command, or now and then a macro of two to four. */
    void step()
    {
        if (chance(12)) {
            ++m_macros;
            m_document.beginMacro(QStringLiteral("Macro %1").arg(m_macros));
            const int size = uniform(2, 4);
            for (int i = 0; i < size; ++i) {
                auto [name, command] = randomCommand();
                if (!command)
                    continue;
                ++m_tallies[name].inMacro;
                if (!m_document.push(command).isEmpty())
                    ++m_tallies[name].refusedInMacro;
            }
            m_document.endMacro();
            return;
        }
        auto [name, command] = randomCommand();
        if (!command) {
            ++m_skipped;
            return;
        }
        const Architecture before = m_document.architecture();
        const int count = m_document.undoStack()->count();
        const QString problem = m_document.push(command);
        Tally& tally = m_tallies[name];
        if (!problem.isEmpty()) {
            ++tally.refused;
            if (m_document.architecture() != before || m_document.undoStack()->count() != count)
                m_failures.append(QStringLiteral("a refused %1 changed the document: %2").arg(name, problem));
        } else if (m_document.undoStack()->count() == count + 1) {
            ++tally.pushed;
        } else if (m_document.architecture() != before) {
            ++tally.merged;
        } else {
            ++tally.dropped;
        }
        m_lastWasSetProperty = name == QLatin1String("set property") && problem.isEmpty();
    }

    const std::map<QString, Tally>& tallies() const { return m_tallies; }
    int macros() const { return m_macros; }
    int skipped() const { return m_skipped; }
    const QStringList& failures() const { return m_failures; }

private:
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    /** True once in n. */
    bool chance(int n) { return uniform(1, n) == 1; }
    template<typename T>
    const T& pick(const std::vector<T>& items) { return items[static_cast<std::size_t>(uniform(0, int(items.size()) - 1))]; }
    QString pick(const QStringList& items) { return items.at(uniform(0, int(items.size()) - 1)); }

    const Architecture& architecture() const { return m_document.architecture(); }

    QStringList resourceIds() const
    {
        QStringList ids;
        for (const Resource& r : architecture().resources())
            ids.append(r.id);
        return ids;
    }

    QStringList connectionIds() const
    {
        QStringList ids;
        for (const Connection& c : architecture().connections())
            ids.append(c.id);
        return ids;
    }

    /** Up to n different items of list, in random order. */
    QStringList sample(QStringList list, int n)
    {
        std::shuffle(list.begin(), list.end(), m_random);
        return list.mid(0, n);
    }

    QPointF randomPosition() { return QPointF(uniform(-2000, 2000) / 2.0, uniform(-2000, 2000) / 4.0); }

    /** An id some reference may name: mostly an existing resource, sometimes a removed or made-up one. */
    std::string referencedId()
    {
        const QStringList ids = resourceIds();
        if (ids.isEmpty() || chance(8))
            return chance(2) ? "Ghost" : "Stage";
        return pick(ids).toStdString();
    }

    JsonTree randomValue(int depth = 0)
    {
        switch (uniform(0, depth > 1 ? 5 : 11)) {
        case 0:
            return uniform(-5, 1000);
        case 1:
            return "text" + std::to_string(uniform(0, 99));
        case 2:
            return chance(2);
        case 3:
            return nullptr;
        case 4:
            return uniform(0, 100) / 8.0;
        case 5:
            return JsonTree{{"Ref", referencedId()}};
        case 6:
            return JsonTree{{"Fn::GetAtt", JsonTree::array({referencedId(), "Arn"})}};
        case 7:
            return JsonTree{{"Fn::GetAtt", referencedId() + ".Arn"}};
        case 8:
            return JsonTree{{"Fn::Sub", "${" + referencedId() + "}-${" + referencedId() + ".Arn}-${!Literal}"}};
        case 9: {
            JsonTree list = JsonTree::array();
            for (int i = uniform(0, 3); i > 0; --i)
                list.push_back(randomValue(depth + 1));
            return list;
        }
        default: {
            JsonTree object = JsonTree::object();
            for (int i = uniform(0, 3); i > 0; --i)
                object["K" + std::to_string(uniform(0, 5))] = randomValue(depth + 1);
            return object;
        }
        }
    }

    std::pair<QString, QUndoCommand*> randomCommand()
    {
        const int resources = static_cast<int>(architecture().resources().size());
        // Keep the graph between about 6 and 40 resources: add more when small, remove more when big.
        const int addWeight = resources < 6 ? 30 : (resources > 40 ? 2 : 8);
        const int removeWeight = resources < 6 ? 1 : (resources > 40 ? 20 : 5);
        const std::vector<std::pair<int, int>> weights = {
            {0, addWeight}, {1, removeWeight}, {2, 12}, {3, 5}, {4, 10}, {5, 30}, {6, 8}, {7, 4}, {8, 3}};
        int total = 0;
        for (const auto& w : weights)
            total += w.second;
        int roll = uniform(1, total);
        int choice = 0;
        for (const auto& [which, weight] : weights) {
            if (roll <= weight) {
                choice = which;
                break;
            }
            roll -= weight;
        }
        switch (choice) {
        case 0:
            return {QStringLiteral("add"), makeAdd()};
        case 1:
            return {QStringLiteral("remove"), makeRemove()};
        case 2:
            return {QStringLiteral("connect"), makeConnect()};
        case 3:
            return {QStringLiteral("disconnect"), makeDisconnect()};
        case 4:
            return {QStringLiteral("move"), makeMove()};
        case 5:
            return {QStringLiteral("set property"), makeSetProperty()};
        case 6:
            return {QStringLiteral("rename"), makeRename()};
        case 7:
            return {QStringLiteral("group"), makeGroup()};
        default:
            return {QStringLiteral("ungroup"), makeUngroup()};
        }
    }

    QUndoCommand* makeAdd()
    {
        std::vector<Resource> resources;
        QStringList batch;
        const int n = uniform(1, 3);
        for (int i = 0; i < n; ++i) {
            const ResourceKind& kind = pick(m_catalogue.kinds());
            QString base = kind.id;
            base[0] = base[0].toUpper();
            if (chance(3))
                base += QStringLiteral("-%1").arg(uniform(0, 9));
            const QString id = LogicalId::makeUnique(base, [&](const QString& candidate) {
                return architecture().isNameTaken(candidate) || batch.contains(candidate);
            });
            batch.append(id);
            Resource resource = m_catalogue.makeResource(kind, id, randomPosition());
            if (kind.generic)
                resource.cfnType = QStringLiteral("AWS::SSM::Parameter");
            if (chance(3))
                resource.properties["Description"] = randomValue();
            if (chance(4))
                resource.attributes["DependsOn"] = chance(2) ? JsonTree(referencedId())
                                                             : JsonTree::array({referencedId(), referencedId()});
            resources.push_back(std::move(resource));
        }
        if (chance(20))
            resources.back().id = chance(2) ? QStringLiteral("Bad-Id") : pick(resourceIds() + QStringList({"Stage"}));
        std::vector<Connection> connections;
        if (chance(3)) {
            // Connect a new resource to an existing one (or two new ones) where a rule allows it.
            const Resource& added = pick(resources);
            const QStringList others = resourceIds() + batch;
            for (int attempt = 0; attempt < 10 && connections.empty(); ++attempt) {
                const QString other = pick(others);
                const Resource* existing = architecture().resource(other);
                QString otherKind = existing ? existing->kind : QString();
                for (const Resource& r : resources) {
                    if (r.id == other)
                        otherKind = r.kind;
                }
                if (other == added.id || otherKind.isEmpty())
                    continue;
                const bool outward = chance(2);
                const auto rules = outward ? m_catalogue.rulesBetween(added.kind, otherKind)
                                           : m_catalogue.rulesBetween(otherKind, added.kind);
                if (rules.empty())
                    continue;
                Connection connection;
                connection.source = outward ? added.id : other;
                connection.target = outward ? other : added.id;
                connection.rule = pick(rules)->id;
                connection.id = architecture().uniqueConnectionId(QStringLiteral("New%1").arg(++m_counter));
                connections.push_back(connection);
            }
        }
        return new AddResourcesCommand(&m_document, resources, connections);
    }

    QUndoCommand* makeRemove()
    {
        QStringList ids = sample(resourceIds(), uniform(1, 2));
        if (chance(25))
            ids.append(QStringLiteral("Ghost"));
        return new RemoveResourcesCommand(&m_document, ids);
    }

    QUndoCommand* makeConnect()
    {
        const auto& resources = architecture().resources();
        if (resources.size() < 2)
            return nullptr;
        Connection connection;
        if (chance(30)) {
            // Deliberately wrong: a self-loop or a rule of other kinds.
            const Resource& r = pick(resources);
            connection.source = r.id;
            connection.target = chance(2) ? r.id : pick(resources).id;
            connection.rule = pick(m_catalogue.rules()).id;
        } else {
            for (int attempt = 0; attempt < 40 && connection.rule.isEmpty(); ++attempt) {
                const Resource& source = pick(resources);
                const Resource& target = pick(resources);
                if (source.id == target.id)
                    continue;
                const auto rules = m_catalogue.rulesBetween(source.kind, target.kind);
                if (rules.empty())
                    continue;
                connection.source = source.id;
                connection.target = target.id;
                connection.rule = pick(rules)->id;
            }
            if (connection.rule.isEmpty())
                return nullptr;
        }
        if (chance(3))
            connection.id = chance(10) && !architecture().connections().empty()
                ? pick(architecture().connections()).id
                : architecture().uniqueConnectionId(QStringLiteral("Link%1").arg(++m_counter));
        if (chance(3))
            connection.properties["BatchSize"] = uniform(1, 100);
        return new ConnectCommand(&m_document, connection);
    }

    QUndoCommand* makeDisconnect()
    {
        QStringList ids = sample(connectionIds(), uniform(1, 2));
        if (ids.isEmpty() || chance(25))
            ids.append(QStringLiteral("Ghost"));
        return new DisconnectCommand(&m_document, ids);
    }

    QUndoCommand* makeMove()
    {
        std::vector<std::pair<QString, QPointF>> moves;
        for (const QString& id : sample(resourceIds(), uniform(1, 3))) {
            const QPointF current = architecture().resource(id)->position;
            moves.emplace_back(id, chance(6) ? current : randomPosition());
        }
        if (chance(30))
            moves.emplace_back(QStringLiteral("Ghost"), QPointF());
        return new MoveResourcesCommand(&m_document, moves);
    }

    QUndoCommand* makeSetProperty()
    {
        // Often the same property of the same elements again, so that edits merge.
        if (m_lastWasSetProperty && chance(4)) {
            const bool stillThere = std::all_of(m_lastIds.begin(), m_lastIds.end(), [this](const QString& id) {
                return m_lastOwner == Owner::Resource ? architecture().resource(id) != nullptr
                                                      : architecture().connection(id) != nullptr;
            });
            if (stillThere) {
                std::optional<JsonTree> value;
                if (m_lastWasRemoval == false)
                    value = chance(4) ? JsonTreeEdit::valueAt(propertiesOf(m_lastOwner, m_lastIds.front()), m_lastPointer)
                                      : std::optional<JsonTree>(randomValue());
                if (value || m_lastWasRemoval)
                    return new SetPropertyCommand(&m_document, m_lastOwner, m_lastIds, m_lastPointer, value);
            }
        }
        const bool onConnections = !architecture().connections().empty() && chance(4);
        const Owner owner = onConnections ? Owner::Connection : Owner::Resource;
        const QStringList all = onConnections ? connectionIds() : resourceIds();
        if (all.isEmpty())
            return nullptr;
        QStringList ids = sample(all, chance(3) ? uniform(2, 3) : 1);
        if (chance(40))
            ids.append(QStringLiteral("Ghost"));

        QString pointer;
        std::vector<std::string> existing;
        collectPointers(propertiesOf(owner, ids.front()), "", existing);
        if (!existing.empty() && chance(2)) {
            pointer = QString::fromStdString(pick(existing));
            if (chance(6))
                pointer += chance(2) ? QStringLiteral("/-") : QStringLiteral("/Deeper");
        } else {
            static const QStringList fresh = {
                "/Description",        "/Timeout",          "/Environment/Variables/V%1", "/Tags/-",
                "/Tags/0/Key",         "/Meta/0/Deep",      "/Layers/-",                  "/Layers/0",
                "/Nested/A/B/C",       "/Items/%1",         "/BatchSize",                 "/FilterCriteria/Filters/-",
                "/Weird~1Key",         "/Tilde~0Key/x",     "/",                          "/Description/Through",
            };
            pointer = pick(fresh);
            if (pointer.contains(QLatin1String("%1")))
                pointer = pointer.arg(uniform(0, 3));
        }
        std::optional<JsonTree> value;
        const bool removal = chance(4);
        if (!removal)
            value = randomValue();
        m_lastOwner = owner;
        m_lastIds = ids;
        m_lastPointer = pointer;
        m_lastWasRemoval = removal;
        return new SetPropertyCommand(&m_document, owner, ids, pointer, value);
    }

    QUndoCommand* makeRename()
    {
        const QStringList ids = resourceIds();
        if (ids.isEmpty())
            return nullptr;
        const QString oldId = pick(ids);
        QString newId;
        switch (uniform(0, 12)) {
        case 0:
            newId = pick(ids);
            break;
        case 1:
            newId = QStringLiteral("Stage");
            break;
        case 2:
            newId = oldId + QStringLiteral("-x");
            break;
        default: {
            // Names that start like existing ones, so that reference rewriting must tell them apart.
            const QString base = chance(2) ? oldId + QLatin1Char('X') : QStringLiteral("R%1").arg(++m_counter);
            newId = architecture().uniqueResourceId(base.left(40));
        }
        }
        return new RenameResourceCommand(&m_document, oldId, newId);
    }

    QUndoCommand* makeGroup()
    {
        QStringList ids = sample(resourceIds(), uniform(1, 3));
        if (ids.isEmpty() || chance(30))
            ids.append(QStringLiteral("Ghost"));
        return new GroupResourcesCommand(&m_document, ids, chance(3) ? QString() : QStringLiteral("Tier %1").arg(uniform(1, 9)));
    }

    QUndoCommand* makeUngroup()
    {
        const auto& groups = architecture().groups();
        if (groups.empty() || chance(20))
            return new UngroupCommand(&m_document, QStringLiteral("Ghost"));
        return new UngroupCommand(&m_document, pick(groups).id);
    }

    const JsonTree& propertiesOf(Owner owner, const QString& id) const
    {
        static const JsonTree none = JsonTree::object();
        if (owner == Owner::Resource) {
            const Resource* r = architecture().resource(id);
            return r ? r->properties : none;
        }
        const Connection* c = architecture().connection(id);
        return c ? c->properties : none;
    }

    Document& m_document;
    const Catalogue& m_catalogue;
    std::mt19937 m_random;
    std::map<QString, Tally> m_tallies;
    int m_macros = 0;
    int m_skipped = 0;
    int m_counter = 0;
    QStringList m_failures;

    bool m_lastWasSetProperty = false;
    Owner m_lastOwner = Owner::Resource;
    QStringList m_lastIds;
    QString m_lastPointer;
    bool m_lastWasRemoval = false;
};

} // namespace

class TestUndoProperty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomCommandsUndoAndRedoExactly_data();
    void randomCommandsUndoAndRedoExactly();

private:
    Resource make(const QString& kind, const QString& id, QPointF position) const;
    void connectIfAllowed(Architecture& architecture, const QString& id, const QString& source, const QString& target) const;
    Architecture start() const;

    const Catalogue* m_catalogue = nullptr;
};

void TestUndoProperty::initTestCase()
{
    QString problem;
    m_catalogue = builtInCatalogue(&problem);
    QVERIFY2(m_catalogue, qPrintable(problem));
    for (const char* kind : {"queue", "function", "topic", "table", "bucket", "eventBus", "stateMachine"})
        QVERIFY2(m_catalogue->kind(QString::fromLatin1(kind)), kind);
}

Resource TestUndoProperty::make(const QString& kind, const QString& id, QPointF position) const
{
    return m_catalogue->makeResource(*m_catalogue->kind(kind), id, position);
}

void TestUndoProperty::connectIfAllowed(Architecture& architecture, const QString& id, const QString& source,
                                        const QString& target) const
{
    const auto rules = m_catalogue->rulesBetween(architecture.resource(source)->kind, architecture.resource(target)->kind);
    if (rules.empty())
        return;
    Connection connection;
    connection.id = id;
    connection.source = source;
    connection.target = target;
    connection.rule = rules.front()->id;
    architecture.insertConnection(static_cast<int>(architecture.connections().size()), connection);
}

Architecture TestUndoProperty::start() const
{
    Architecture architecture;
    std::vector<Resource> resources = {
        make(QStringLiteral("queue"), QStringLiteral("Orders"), QPointF(0, 0)),
        make(QStringLiteral("function"), QStringLiteral("Worker"), QPointF(200, 0)),
        make(QStringLiteral("topic"), QStringLiteral("Events"), QPointF(0, 200)),
        make(QStringLiteral("table"), QStringLiteral("Table"), QPointF(400, 0)),
        make(QStringLiteral("bucket"), QStringLiteral("Bucket"), QPointF(400, 200)),
        make(QStringLiteral("eventBus"), QStringLiteral("Bus"), QPointF(600, 0)),
        make(QStringLiteral("stateMachine"), QStringLiteral("Flow"), QPointF(600, 200)),
        make(QStringLiteral("generic"), QStringLiteral("Setting"), QPointF(800, 0)),
        make(QStringLiteral("generic"), QStringLiteral("Connector"), QPointF(800, 200)),
    };
    resources[1].properties["Environment"] = json(R"({"Variables": {
        "QUEUE_URL": {"Ref": "Orders"},
        "TABLE_ARN": {"Fn::GetAtt": ["Table", "Arn"]},
        "TOPIC": {"Fn::Sub": "${Events}/${Events.TopicName}/${!Events}"},
        "BUCKET": {"Fn::GetAtt": "Bucket.Arn"}
    }})");
    resources[1].attributes = json(R"({"DependsOn": ["Orders", "Table"], "Metadata": {"Owner": "team"}})");
    resources[4].attributes = json(R"({"DependsOn": "Worker", "DeletionPolicy": "Retain"})");
    resources[6].properties["DefinitionSubstitutions"] = json(R"({"WorkerArn": {"Fn::GetAtt": ["Worker", "Arn"]}, "Bus": {"Ref": "Bus"}})");
    resources[7].cfnType = QStringLiteral("AWS::SSM::Parameter");
    resources[7].properties = json(R"({"Type": "String", "Value": {"Fn::Sub": ["${Orders.Arn}|${W}", {"W": {"Ref": "Worker"}}]}})");
    resources[8].cfnType = QStringLiteral("AWS::Serverless::Connector");
    resources[8].properties = json(R"({"Source": {"Id": "Worker"}, "Destination": {"Id": "Table"}, "Permissions": ["Read", "Write"]})");
    for (Resource& resource : resources)
        architecture.insertResource(static_cast<int>(architecture.resources().size()), std::move(resource));

    connectIfAllowed(architecture, QStringLiteral("OrdersToWorker"), QStringLiteral("Orders"), QStringLiteral("Worker"));
    connectIfAllowed(architecture, QStringLiteral("EventsToOrders"), QStringLiteral("Events"), QStringLiteral("Orders"));
    connectIfAllowed(architecture, QStringLiteral("WorkerToTable"), QStringLiteral("Worker"), QStringLiteral("Table"));
    connectIfAllowed(architecture, QStringLiteral("BucketToWorker"), QStringLiteral("Bucket"), QStringLiteral("Worker"));
    connectIfAllowed(architecture, QStringLiteral("BusToFlow"), QStringLiteral("Bus"), QStringLiteral("Flow"));
    if (!architecture.connections().empty())
        architecture.connectionAt(0).properties = json(R"({"BatchSize": 10, "Note": {"Fn::Sub": "${Orders}"}})");

    architecture.insertGroup(0, Group{QStringLiteral("Group1"), QStringLiteral("Ingest"),
                                      {QStringLiteral("Orders"), QStringLiteral("Worker")}});
    architecture.templateSections() = json(R"({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Parameters": {"Stage": {"Type": "String", "Default": "dev"}, "Memory": {"Type": "Number", "Default": 128}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
        "Outputs": {
            "OrdersUrl": {"Value": {"Ref": "Orders"}},
            "WorkerArn": {"Value": {"Fn::GetAtt": ["Worker", "Arn"]}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-${Worker}"}}},
            "TableStream": {"Value": {"Fn::GetAtt": "Table.StreamArn"}},
            "Summary": {"Value": {"Fn::Sub": "${Orders}/${Worker.Arn}/${Stage}"}}
        }
    })");
    return architecture;
}

void TestUndoProperty::randomCommandsUndoAndRedoExactly_data()
{
    QTest::addColumn<uint>("seed");
    QTest::addColumn<int>("commands");
    QTest::newRow("seed 20240611, 10000 commands") << 20240611u << 10000;
    QTest::newRow("seed 7, 3000 commands") << 7u << 3000;
}

void TestUndoProperty::randomCommandsUndoAndRedoExactly()
{
    QFETCH(uint, seed);
    QFETCH(int, commands);
    QElapsedTimer timer;
    timer.start();

    Document document(*m_catalogue);
    document.resetArchitecture(start());
    const Architecture original = document.architecture();
    QVERIFY(original.connections().size() >= 3);
    QVERIFY(inconsistencyOf(original).isEmpty());

    RandomSession session(document, *m_catalogue, seed);
    // Architectures at some undo-stack indices, to pass on the way back and forth.
    std::map<int, Architecture> checkpoints;
    for (int i = 0; i < commands; ++i) {
        session.step();
        QVERIFY2(session.failures().isEmpty(), qPrintable(session.failures().join(QLatin1Char('\n'))));
        const int index = document.undoStack()->index();
        // A merge changes the state at the top index, a dropped merge lowers it: forget what may have changed.
        checkpoints.erase(checkpoints.lower_bound(index), checkpoints.end());
        if (i % 97 == 0) {
            checkpoints[index] = document.architecture();
            const QString inconsistency = inconsistencyOf(document.architecture());
            QVERIFY2(inconsistency.isEmpty(), qPrintable(QStringLiteral("after step %1: %2").arg(i).arg(inconsistency)));
        }
    }
    const Architecture final = document.architecture();
    const int finalIndex = document.undoStack()->index();
    QCOMPARE(finalIndex, document.undoStack()->count());
    QVERIFY2(inconsistencyOf(final).isEmpty(), qPrintable(inconsistencyOf(final)));
    QVERIFY(final != original);

    int pushed = 0, merged = 0, dropped = 0, refused = 0, inMacro = 0, refusedInMacro = 0;
    QStringList perKind;
    for (const auto& [name, tally] : session.tallies()) {
        pushed += tally.pushed;
        merged += tally.merged;
        dropped += tally.dropped;
        refused += tally.refused;
        inMacro += tally.inMacro;
        refusedInMacro += tally.refusedInMacro;
        perKind.append(QStringLiteral("%1: %2 pushed, %3 merged, %4 dropped, %5 refused; %6 in macros (%7 refused)")
                           .arg(name)
                           .arg(tally.pushed)
                           .arg(tally.merged)
                           .arg(tally.dropped)
                           .arg(tally.refused)
                           .arg(tally.inMacro)
                           .arg(tally.refusedInMacro));
    }
    qInfo().noquote() << QStringLiteral("seed %1: %2 steps: %3 commands pushed, %4 merged into the previous one, "
                                        "%5 dropped as changing nothing, %6 refused; %7 macros holding %8 commands "
                                        "(%9 of them refused); %10 steps had nothing to act on")
                             .arg(seed)
                             .arg(commands)
                             .arg(pushed)
                             .arg(merged)
                             .arg(dropped)
                             .arg(refused)
                             .arg(session.macros())
                             .arg(inMacro)
                             .arg(refusedInMacro)
                             .arg(session.skipped());
    for (const QString& line : std::as_const(perKind))
        qInfo().noquote() << "  " << line;
    qInfo().noquote() << QStringLiteral("  final: %1 resources, %2 connections, %3 groups; %4 undo steps; %5 checkpoints")
                             .arg(final.resources().size())
                             .arg(final.connections().size())
                             .arg(final.groups().size())
                             .arg(finalIndex)
                             .arg(checkpoints.size());

    // The generator must have exercised every command, including merges, drops and refusals.
    for (const char* name : {"add", "remove", "connect", "disconnect", "move", "set property", "rename", "group", "ungroup"}) {
        const auto found = session.tallies().find(QString::fromLatin1(name));
        QVERIFY2(found != session.tallies().end() && found->second.pushed > 0, name);
        QVERIFY2(found->second.refused > 0, name);
    }
    QVERIFY(session.tallies().at(QStringLiteral("set property")).merged > 0);
    QVERIFY(session.tallies().at(QStringLiteral("set property")).dropped > 0);
    QVERIFY(session.tallies().at(QStringLiteral("move")).dropped > 0);
    QVERIFY(session.macros() > 0);
    QVERIFY(pushed > commands / 3);

    // Undo everything, one step at a time, passing the checkpoints.
    int passed = 0;
    for (int index = finalIndex; index > 0; --index) {
        document.undoStack()->undo();
        QCOMPARE(document.undoStack()->index(), index - 1);
        const auto checkpoint = checkpoints.find(index - 1);
        if (checkpoint != checkpoints.end()) {
            const QString difference = differenceBetween(document.architecture(), checkpoint->second);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(QStringLiteral("undoing to index %1: %2").arg(index - 1).arg(difference)));
            QVERIFY2(inconsistencyOf(document.architecture()).isEmpty(), qPrintable(inconsistencyOf(document.architecture())));
            ++passed;
        }
    }
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    QVERIFY(inconsistencyOf(document.architecture()).isEmpty());
    QVERIFY(!document.isModified());

    // Redo everything, passing the checkpoints again.
    for (int index = 0; index < finalIndex; ++index) {
        document.undoStack()->redo();
        QCOMPARE(document.undoStack()->index(), index + 1);
        const auto checkpoint = checkpoints.find(index + 1);
        if (checkpoint != checkpoints.end()) {
            const QString difference = differenceBetween(document.architecture(), checkpoint->second);
            QVERIFY2(difference.isEmpty(),
                     qPrintable(QStringLiteral("redoing to index %1: %2").arg(index + 1).arg(difference)));
            ++passed;
        }
    }
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), final);
    QVERIFY(inconsistencyOf(document.architecture()).isEmpty());
    QVERIFY(document.isModified());

    // And all the way back once more in one jump.
    document.undoStack()->setIndex(0);
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), original);
    document.undoStack()->setIndex(finalIndex);
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), final);
    qInfo().noquote() << QStringLiteral("  %1 checkpoints passed; %2 ms").arg(passed).arg(timer.elapsed());
}

QTEST_GUILESS_MAIN(TestUndoProperty)
#include "tst_undoproperty.moc"
