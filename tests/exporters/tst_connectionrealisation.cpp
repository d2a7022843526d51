// Connections drawn in the editor reach the template: every drawable catalogue rule writes parts
// that the reader derives back as the same edge (and cfn-lint accepts), disconnecting and deleting
// remove exactly those parts, and edge property edits follow into the template.

#include "exporters/TemplateReader.h"
#include "exporters/TemplateWriter.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/AddResourcesCommand.h"
#include "model/commands/ConnectCommand.h"
#include "model/commands/DisconnectCommand.h"
#include "model/commands/RemoveResourcesCommand.h"
#include "model/commands/RenameResourceCommand.h"
#include "model/commands/SetPropertyCommand.h"
#include "model/validation/CfnLintRunner.h"
#include "tests/model/ModelTestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

const Catalogue& catalogue()
{
    return Catalogue::builtIn();
}

bool save(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/** Writes the document's architecture and reads it back, as saving and reopening does. */
Architecture reopened(const Architecture& architecture, const QString& path)
{
    if (!save(path, TemplateWriter::write(architecture)))
        return {};
    return TemplateReader::read(path, catalogue(), nullptr);
}

const Connection* findEdge(const Architecture& architecture, const QString& rule, const QString& source,
                           const QString& target)
{
    for (const Connection& connection : architecture.connections()) {
        if (connection.rule == rule && connection.source == source && connection.target == target)
            return &connection;
    }
    return nullptr;
}

Architecture templateWith(const QByteArray& yaml, QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("in.yaml"));
    save(path, yaml);
    return TemplateReader::read(path, catalogue(), nullptr);
}

/** A document holding a new resource of each end's kind, ready for an edge of the rule. */
void placeEnds(Document& document, const ConnectionRule& rule, QString* source, QString* target)
{
    const ResourceKind* from = catalogue().kind(rule.sourceKind);
    const ResourceKind* to = catalogue().kind(rule.targetKind);
    *source = QStringLiteral("Source") + from->id.left(1).toUpper() + from->id.mid(1);
    *target = QStringLiteral("Target") + to->id.left(1).toUpper() + to->id.mid(1);
    document.push(new AddResourcesCommand(&document, {catalogue().makeResource(*from, *source, QPointF(0, 0)),
                                                      catalogue().makeResource(*to, *target, QPointF(240, 0))}));
}

} // namespace

class TestConnectionRealisation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawnEdgeIsReadBack_data();
    void drawnEdgeIsReadBack();
    void drawnEdgesPassCfnLint();
    void disconnectRemovesExactlyItsParts();
    void removingAListItemMovesTheOtherEdgesParts();
    void deletingAnEndRemovesThePartsOnTheOtherEnd();
    void edgePropertyEditReachesTheTemplate();
    void unwritablePartRefusesTheConnection();
    void renameKeepsParts();
};

void TestConnectionRealisation::drawnEdgeIsReadBack_data()
{
    QTest::addColumn<QString>("ruleId");
    for (const ConnectionRule& rule : catalogue().rules()) {
        if (rule.isDrawable() && !rule.writes.empty())
            QTest::newRow(qPrintable(rule.id)) << rule.id;
    }
}

void TestConnectionRealisation::drawnEdgeIsReadBack()
{
    QFETCH(QString, ruleId);
    const ConnectionRule& rule = *catalogue().rule(ruleId);
    Document document(catalogue());
    QString source;
    QString target;
    placeEnds(document, rule, &source, &target);
    const Architecture bare = document.architecture();
    const Connection connection = catalogue().makeConnection(rule, source, target);
    const QString problem = document.push(new ConnectCommand(&document, connection));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Connection& made = document.architecture().connections().back();
    QCOMPARE(made.parts.size(), rule.writes.size());

    QTemporaryDir dir;
    const Architecture again = reopened(document.architecture(), dir.filePath(QStringLiteral("t.yaml")));
    const Connection* derived = findEdge(again, ruleId, source, target);
    QStringList found;
    for (const Connection& c : again.connections())
        found << QStringLiteral("%1 %2→%3").arg(c.rule, c.source, c.target);
    QVERIFY2(derived, qPrintable(QStringLiteral("read back as: %1").arg(found.join(QStringLiteral(", ")))));
    QCOMPARE(again.carrierIds(), document.architecture().carrierIds());

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), bare);
}

void TestConnectionRealisation::drawnEdgesPassCfnLint()
{
    if (!CfnLintRunner::isAvailable())
        QSKIP("cfn-lint is not on PATH");
    QTemporaryDir dir;
    QStringList files;
    for (const ConnectionRule& rule : catalogue().rules()) {
        if (!rule.isDrawable() || rule.writes.empty())
            continue;
        Document document(catalogue());
        QString source;
        QString target;
        placeEnds(document, rule, &source, &target);
        QVERIFY(document.push(new ConnectCommand(&document, catalogue().makeConnection(rule, source, target))).isEmpty());
        Architecture architecture = document.architecture();
        architecture.templateSections()["Transform"] = "AWS::Serverless-2016-10-31";
        const QString path = dir.filePath(rule.id + QStringLiteral(".yaml"));
        QVERIFY(save(path, TemplateWriter::write(architecture)));
        files << path;
    }
    QProcess lint;
    lint.start(CfnLintRunner::executable(), QStringList{QStringLiteral("-f"), QStringLiteral("parseable")} + files);
    QVERIFY(lint.waitForFinished(300000));
    const QStringList lines = QString::fromUtf8(lint.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList errors;
    for (const QString& line : lines) {
        // parseable: file:line:col:line:col:RULE:message
        const QStringList fields = line.split(QLatin1Char(':'));
        if (fields.size() > 5 && fields[5].startsWith(QLatin1Char('E')))
            errors << line.mid(dir.path().size() + 1);
    }
    qInfo("cfn-lint on %lld templates of one drawn edge each: %lld findings, %lld errors", static_cast<long long>(files.size()),
          static_cast<long long>(lines.size()), static_cast<long long>(errors.size()));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestConnectionRealisation::disconnectRemovesExactlyItsParts()
{
    Document document(catalogue());
    document.resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"), catalogue(), nullptr));
    const Architecture before = document.architecture();
    const Connection* sends = findEdge(before, QStringLiteral("functionSendsToQueue"), QStringLiteral("AcceptOrder"),
                                       QStringLiteral("OrdersQueue"));
    QVERIFY(sends);
    QVERIFY(document.push(new DisconnectCommand(&document, {sends->id})).isEmpty());
    const Resource* accept = document.architecture().resource(QStringLiteral("AcceptOrder"));
    QVERIFY(accept->properties["Policies"] == json("[]"));
    QVERIFY(!accept->properties["Environment"]["Variables"].contains("ORDERS_QUEUE_URL"));
    QVERIFY(accept->properties.contains("Events"));
    QCOMPARE(document.architecture().resources().size(), before.resources().size());

    QTemporaryDir dir;
    const Architecture again = reopened(document.architecture(), dir.filePath(QStringLiteral("t.yaml")));
    QVERIFY(!findEdge(again, QStringLiteral("functionSendsToQueue"), QStringLiteral("AcceptOrder"), QStringLiteral("OrdersQueue")));
    QCOMPARE(again.connections().size(), before.connections().size() - 1);

    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
}

void TestConnectionRealisation::removingAListItemMovesTheOtherEdgesParts()
{
    Document document(catalogue());
    const ResourceKind& function = *catalogue().kind(QStringLiteral("function"));
    const ResourceKind& queue = *catalogue().kind(QStringLiteral("queue"));
    document.push(new AddResourcesCommand(&document, {catalogue().makeResource(function, QStringLiteral("Fn"), {}),
                                                      catalogue().makeResource(queue, QStringLiteral("A"), {}),
                                                      catalogue().makeResource(queue, QStringLiteral("B"), {})}));
    for (const char* target : {"A", "B"})
        QVERIFY(document.push(new ConnectCommand(&document, Connection{QString(), QStringLiteral("Fn"), QString::fromLatin1(target),
                                                                      QStringLiteral("functionSendsToQueue")})).isEmpty());
    const Architecture both = document.architecture();
    const Connection& toB = both.connections()[1];
    QVERIFY(toB.parts[0] == json(R"({"resource": "Fn", "path": "/Policies/1"})"));
    QVERIFY(document.push(new DisconnectCommand(&document, {both.connections()[0].id})).isEmpty());
    const Connection& left = document.architecture().connections()[0];
    QVERIFY2(left.parts[0] == json(R"({"resource": "Fn", "path": "/Policies/0"})"), qPrintable(dumpOf(left.parts)));
    QVERIFY(document.architecture().resource(QStringLiteral("Fn"))->properties["Policies"][0]["SQSSendMessagePolicy"]
            == json(R"({"QueueName": {"Fn::GetAtt": ["B", "QueueName"]}})"));
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), both);
}

void TestConnectionRealisation::deletingAnEndRemovesThePartsOnTheOtherEnd()
{
    QTemporaryDir dir;
    Document document(catalogue());
    document.resetArchitecture(templateWith(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Rule:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: {source: [orders]}
      Targets:
        - Id: Fn
          Arn: !GetAtt Fn.Arn
  FnPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: events.amazonaws.com
      SourceArn: !GetAtt Rule.Arn
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
)", dir));
    const Architecture before = document.architecture();
    QVERIFY2(findEdge(before, QStringLiteral("eventRuleToFunction"), QStringLiteral("Rule"), QStringLiteral("Fn")),
             qPrintable(QString::number(before.connections().size())));
    QVERIFY(document.push(new RemoveResourcesCommand(&document, {QStringLiteral("Fn")})).isEmpty());
    const Architecture& after = document.architecture();
    QVERIFY(after.resource(QStringLiteral("Rule"))->properties["Targets"] == json("[]"));
    QVERIFY(!after.resource(QStringLiteral("FnPermission")));
    QCOMPARE(after.resources().size(), std::size_t(1));
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
}

void TestConnectionRealisation::edgePropertyEditReachesTheTemplate()
{
    Document document(catalogue());
    document.resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"), catalogue(), nullptr));
    const Architecture before = document.architecture();
    const Connection* polled = findEdge(before, QStringLiteral("queueToFunction"), QStringLiteral("OrdersQueue"),
                                        QStringLiteral("StoreOrders"));
    QVERIFY(polled);
    const QString id = polled->id;
    const auto batchSize = [&document] {
        return document.architecture().resource(QStringLiteral("StoreOrders"))->properties["Events"]["OrdersFromQueue"]["Properties"]
            .value("BatchSize", JsonTree());
    };
    QVERIFY(document.push(new SetPropertyCommand(&document, Document::PropertyOwner::Connection, {id},
                                                 QStringLiteral("/BatchSize"), JsonTree(25))).isEmpty());
    QVERIFY(batchSize() == JsonTree(25));
    QVERIFY(document.push(new SetPropertyCommand(&document, Document::PropertyOwner::Connection, {id},
                                                 QStringLiteral("/BatchSize"), JsonTree(50))).isEmpty());
    QCOMPARE(document.undoStack()->count(), 1); // merged
    QVERIFY(batchSize() == JsonTree(50));
    QVERIFY(document.push(new SetPropertyCommand(&document, Document::PropertyOwner::Connection, {id},
                                                 QStringLiteral("/FunctionResponseTypes/0"),
                                                 JsonTree("ReportBatchItemFailures"))).isEmpty());
    QVERIFY(document.architecture().resource(QStringLiteral("StoreOrders"))->properties["Events"]["OrdersFromQueue"]["Properties"]
                ["FunctionResponseTypes"] == json(R"(["ReportBatchItemFailures"])"));

    QTemporaryDir dir;
    const Architecture again = reopened(document.architecture(), dir.filePath(QStringLiteral("t.yaml")));
    const Connection* read = findEdge(again, QStringLiteral("queueToFunction"), QStringLiteral("OrdersQueue"),
                                      QStringLiteral("StoreOrders"));
    QVERIFY(read && read->properties.value("BatchSize", JsonTree()) == JsonTree(50));

    document.undoStack()->undo();
    document.undoStack()->undo();
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
    document.undoStack()->redo();
    QVERIFY(batchSize() == JsonTree(50));
}

void TestConnectionRealisation::unwritablePartRefusesTheConnection()
{
    QTemporaryDir dir;
    Document document(catalogue());
    document.resetArchitecture(templateWith(R"(Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      Policies: AWSLambdaBasicExecutionRole
  Queue:
    Type: AWS::SQS::Queue
)", dir));
    const Architecture before = document.architecture();
    const QString problem = document.push(new ConnectCommand(
        &document, Connection{QString(), QStringLiteral("Fn"), QStringLiteral("Queue"), QStringLiteral("functionSendsToQueue")}));
    QVERIFY2(problem.contains(QStringLiteral("/Policies/")), qPrintable(problem));
    TRIBUTARY_COMPARE_ARCHITECTURE(document.architecture(), before);
}

void TestConnectionRealisation::renameKeepsParts()
{
    Document document(catalogue());
    document.resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"), catalogue(), nullptr));
    QVERIFY(document.push(new RenameResourceCommand(&document, QStringLiteral("StoreOrders"), QStringLiteral("Store"))).isEmpty());
    int onStore = 0;
    for (const Connection& connection : document.architecture().connections()) {
        for (const JsonTree& part : connection.parts) {
            QVERIFY(part["resource"] != "StoreOrders");
            onStore += part["resource"] == "Store";
        }
    }
    QVERIFY(onStore >= 2);
}

QTEST_GUILESS_MAIN(TestConnectionRealisation)
#include "tst_connectionrealisation.moc"
