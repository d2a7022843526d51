#include "exporters/TemplateReader.h"
#include "exporters/TemplateWriter.h"
#include "model/MessageError.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/JsonTreeReader.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tributary;

#define COMPARE_TREE(actual, expected) \
    QCOMPARE(QString::fromStdString(JsonTree(actual).dump()), QString::fromStdString(JsonTree(expected).dump()))

namespace {

QString templatesDir()
{
    return QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/templates");
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool save(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString dumpOf(const JsonTree& tree)
{
    return QString::fromStdString(tree.dump()).left(1500);
}

/** The first difference between what was read and what was read back, in words; empty when none. */
QString differenceBetween(const Architecture& before, const Architecture& after)
{
    if (before.resources().size() != after.resources().size())
        return QStringLiteral("%1 resources, then %2").arg(before.resources().size()).arg(after.resources().size());
    for (std::size_t i = 0; i < before.resources().size(); ++i) {
        const Resource& a = before.resources()[i];
        const Resource& b = after.resources()[i];
        if (a.id != b.id || a.cfnType != b.cfnType || a.kind != b.kind)
            return QStringLiteral("resource #%1: %2 %3 %4, then %5 %6 %7")
                .arg(i).arg(a.id, a.cfnType, a.kind, b.id, b.cfnType, b.kind);
        if (a.properties != b.properties || a.properties.dump() != b.properties.dump())
            return QStringLiteral("%1: properties\n  %2\nthen\n  %3").arg(a.id, dumpOf(a.properties), dumpOf(b.properties));
        if (a.attributes != b.attributes || a.attributes.dump() != b.attributes.dump())
            return QStringLiteral("%1: attributes\n  %2\nthen\n  %3").arg(a.id, dumpOf(a.attributes), dumpOf(b.attributes));
        if (a.entryKeys != b.entryKeys)
            return QStringLiteral("%1: entry keys %2, then %3")
                .arg(a.id, a.entryKeys.join(QLatin1Char(',')), b.entryKeys.join(QLatin1Char(',')));
        if (a.position != b.position)
            return QStringLiteral("%1: position (%2, %3), then (%4, %5)")
                .arg(a.id).arg(a.position.x()).arg(a.position.y()).arg(b.position.x()).arg(b.position.y());
    }
    if (before.templateSections() != after.templateSections()
        || before.templateSections().dump() != after.templateSections().dump())
        return QStringLiteral("sections\n  %1\nthen\n  %2").arg(dumpOf(before.templateSections()), dumpOf(after.templateSections()));
    if (before.style() != after.style())
        return QStringLiteral("the style changed");
    if (before.connections() != after.connections())
        return QStringLiteral("connections: %1, then %2").arg(before.connections().size()).arg(after.connections().size());
    if (before.groups() != after.groups())
        return QStringLiteral("groups: %1, then %2").arg(before.groups().size()).arg(after.groups().size());
    if (before.settings() != after.settings())
        return QStringLiteral("settings\n  %1\nthen\n  %2").arg(dumpOf(before.settings()), dumpOf(after.settings()));
    return {};
}

Resource resource(const QString& id, const QString& type, const char* properties = "{}")
{
    Resource made;
    made.id = id;
    made.cfnType = type;
    made.kind = Catalogue::builtIn().kindForCfnType(type).id;
    made.properties = JsonTree::parse(properties);
    return made;
}

Architecture architectureWith(std::vector<Resource> resources, const char* sections = "{}")
{
    Architecture architecture;
    int index = 0;
    for (Resource& made : resources)
        architecture.insertResource(index++, std::move(made));
    architecture.templateSections() = JsonTree::parse(sections);
    return architecture;
}

std::vector<std::string> topLevelKeys(const JsonTree& tree)
{
    std::vector<std::string> keys;
    for (auto it = tree.begin(); it != tree.end(); ++it)
        keys.push_back(it.key());
    return keys;
}

QString joined(const std::vector<std::string>& keys)
{
    QStringList list;
    for (const std::string& key : keys)
        list << QString::fromStdString(key);
    return list.join(QLatin1Char(','));
}

} // namespace

class TestTemplateWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void resourcesGoWhereTheyUsuallyStand_data();
    void resourcesGoWhereTheyUsuallyStand();
    void resourcesMarkerIsHonoured();
    void metadataKeepsItsKeys();
    void metadataThatIsNotAMapIsKept();
    void fractionsInSettingsAreKeptAsTextForCfnLint();
    void entryKeysOrder();
    void newResourceKeyOrder();
    void layoutNumbers();
    void groupsShape();
    void composerGroupsAreRead();
    void malformedGroupsAreWarnedAndLeftOut();
    void formatConversion();
    void corpusRoundTrip();
};

void TestTemplateWriter::golden_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(templatesDir());
    const QStringList names = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 5);
    for (const QString& name : names)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestTemplateWriter::golden()
{
    QFETCH(QString, path);
    const QByteArray expected = contentsOf(path);
    QVERIFY(!expected.isEmpty());
    const Architecture architecture = TemplateReader::read(path, Catalogue::builtIn(), nullptr);
    const QByteArray written = TemplateWriter::write(architecture);
    if (written != expected) {
        QTemporaryDir dir;
        const QString actualPath = dir.filePath(QFileInfo(path).fileName());
        save(actualPath, written);
        dir.setAutoRemove(false);
        QFAIL(qPrintable(QStringLiteral("%1 is written otherwise; see diff -u %1 %2").arg(path, actualPath)));
    }
}

void TestTemplateWriter::resourcesGoWhereTheyUsuallyStand_data()
{
    QTest::addColumn<QByteArray>("sections");
    QTest::addColumn<QString>("order");
    QTest::newRow("none") << QByteArray("{}") << QStringLiteral("Metadata,Resources");
    QTest::newRow("header only") << QByteArray(R"({"AWSTemplateFormatVersion": "2010-09-09", "Description": "d"})")
                                 << QStringLiteral("AWSTemplateFormatVersion,Description,Metadata,Resources");
    QTest::newRow("usual") << QByteArray(R"({"AWSTemplateFormatVersion": "2010-09-09", "Transform": "T",
        "Parameters": {}, "Conditions": {}, "Globals": {}, "Outputs": {}})")
                           << QStringLiteral("AWSTemplateFormatVersion,Transform,Metadata,Parameters,Conditions,"
                                             "Globals,Resources,Outputs");
    QTest::newRow("metadata kept in place") << QByteArray(R"({"Parameters": {}, "Metadata": {"A": 1}, "Outputs": {}})")
                                            << QStringLiteral("Parameters,Metadata,Resources,Outputs");
    QTest::newRow("outputs first") << QByteArray(R"({"Outputs": {}, "Parameters": {}})")
                                   << QStringLiteral("Metadata,Resources,Outputs,Parameters");
}

void TestTemplateWriter::resourcesGoWhereTheyUsuallyStand()
{
    QFETCH(QByteArray, sections);
    QFETCH(QString, order);
    const Architecture architecture = architectureWith({resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"))},
                                                       sections.constData());
    QCOMPARE(joined(topLevelKeys(TemplateWriter::toTree(architecture))), order);
}

void TestTemplateWriter::resourcesMarkerIsHonoured()
{
    const Architecture architecture = architectureWith({resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"))},
                                                       R"({"Parameters": {}, "Resources": null, "Conditions": {}})");
    const JsonTree tree = TemplateWriter::toTree(architecture);
    QCOMPARE(joined(topLevelKeys(tree)), QStringLiteral("Metadata,Parameters,Resources,Conditions"));
    COMPARE_TREE(tree["Resources"]["Q"]["Type"], JsonTree("AWS::SQS::Queue"));
}

void TestTemplateWriter::metadataKeepsItsKeys()
{
    const Architecture architecture = architectureWith(
        {resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"))},
        R"({"Metadata": {"AWS::ServerlessRepo::Application": {"Name": "x"}, "cfn-lint": {"config": {}}}})");
    const JsonTree tree = TemplateWriter::toTree(architecture);
    QCOMPARE(joined(topLevelKeys(tree["Metadata"])), QStringLiteral("AWS::ServerlessRepo::Application,cfn-lint,Tributary"));
    COMPARE_TREE(tree["Metadata"]["Tributary"], JsonTree::parse(R"({"layout": {"Q": [0, 0]}})"));
}

void TestTemplateWriter::metadataThatIsNotAMapIsKept()
{
    const Architecture architecture = architectureWith({resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"))},
                                                       R"({"Metadata": "odd"})");
    const JsonTree tree = TemplateWriter::toTree(architecture);
    COMPARE_TREE(tree["Metadata"], JsonTree("odd"));
}

void TestTemplateWriter::fractionsInSettingsAreKeptAsTextForCfnLint()
{
    Architecture architecture = architectureWith({resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"))}, "{}");
    const JsonTree settings = JsonTree::parse(R"({"simulation": {
        "entries": [{"resource": "Q", "load": {"shape": "poisson", "ratePerSecond": 0.9},
                     "payload": {"detail": {"amount": 12.5, "code": "A1", "count": 3, "tiny": 0.00001}}}],
        "failures": [{"resource": "Q", "errorRate": 0.25, "addedLatencyMs": 2.0}]}})");
    architecture.setSettings(settings);
    const QByteArray text = TemplateWriter::write(architecture);
    QVERIFY2(!text.contains(": 0.9") && !text.contains(": 12.5") && !text.contains(": 0.25"), text.constData());
    QVERIFY2(text.contains("addedLatencyMs: 2\n"), text.constData());
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("fractions.yaml"));
    QVERIFY(save(path, text));
    const Architecture back = TemplateReader::read(path, Catalogue::builtIn(), nullptr);
    COMPARE_TREE(back.settings()["simulation"]["entries"][0]["load"]["ratePerSecond"], JsonTree(0.9));
    COMPARE_TREE(back.settings()["simulation"]["entries"][0]["payload"]["detail"],
                 JsonTree::parse(R"({"amount": 12.5, "code": "A1", "count": 3, "tiny": 0.00001})"));
    COMPARE_TREE(back.settings()["simulation"]["failures"][0]["errorRate"], JsonTree(0.25));
    if (QStandardPaths::findExecutable(QStringLiteral("cfn-lint")).isEmpty())
        QSKIP("cfn-lint is not on PATH");
    QProcess lint;
    lint.start(QStringLiteral("cfn-lint"), {path});
    QVERIFY(lint.waitForFinished(120000));
    QVERIFY2(!lint.readAllStandardOutput().contains("E4002"), "cfn-lint refuses a number under Metadata");
}

void TestTemplateWriter::entryKeysOrder()
{
    Resource queue = resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"), R"({"DelaySeconds": 5})");
    queue.entryKeys = QStringList{QStringLiteral("Properties"), QStringLiteral("DeletionPolicy"), QStringLiteral("Type")};
    queue.attributes = JsonTree::parse(R"({"DependsOn": "B", "Metadata": {"a": 1}})");
    Resource bucket = resource(QStringLiteral("B"), QStringLiteral("AWS::S3::Bucket"));
    bucket.entryKeys = QStringList{QStringLiteral("Type"), QStringLiteral("Properties")};
    const JsonTree tree = TemplateWriter::toTree(architectureWith({queue, bucket}));
    QCOMPARE(joined(topLevelKeys(tree["Resources"]["Q"])), QStringLiteral("Properties,Type,DependsOn,Metadata"));
    QCOMPARE(joined(topLevelKeys(tree["Resources"]["B"])), QStringLiteral("Type,Properties"));
    COMPARE_TREE(tree["Resources"]["B"]["Properties"], JsonTree::object());
}

void TestTemplateWriter::newResourceKeyOrder()
{
    Resource queue = resource(QStringLiteral("Q"), QStringLiteral("AWS::SQS::Queue"), R"({"DelaySeconds": 5})");
    queue.attributes = JsonTree::parse(R"({"Metadata": {"a": 1}, "DependsOn": ["B"], "DeletionPolicy": "Retain",
        "Condition": "IsProd"})");
    Resource bucket = resource(QStringLiteral("B"), QStringLiteral("AWS::S3::Bucket"));
    const JsonTree tree = TemplateWriter::toTree(architectureWith({queue, bucket}));
    QCOMPARE(joined(topLevelKeys(tree["Resources"]["Q"])),
             QStringLiteral("Type,Condition,DependsOn,Properties,Metadata,DeletionPolicy"));
    QCOMPARE(joined(topLevelKeys(tree["Resources"]["B"])), QStringLiteral("Type"));
}

void TestTemplateWriter::layoutNumbers()
{
    Resource a = resource(QStringLiteral("A"), QStringLiteral("AWS::SQS::Queue"));
    a.position = QPointF(120, -40);
    Resource b = resource(QStringLiteral("B"), QStringLiteral("AWS::SQS::Queue"));
    b.position = QPointF(12.5, 0.25);
    const Architecture architecture = architectureWith({a, b});
    const QByteArray text = TemplateWriter::write(architecture);
    QVERIFY2(text.contains("    layout:\n      A: [120, -40]\n      B: [12.5, 0.25]\n"), text.constData());
    const JsonTree layout = TemplateWriter::toTree(architecture)["Metadata"]["Tributary"]["layout"];
    QVERIFY(layout["A"][0].is_number_integer());
    QVERIFY(layout["B"][0].is_number_float());
}

void TestTemplateWriter::groupsShape()
{
    Architecture architecture = architectureWith({resource(QStringLiteral("A"), QStringLiteral("AWS::SQS::Queue")),
                                                  resource(QStringLiteral("B"), QStringLiteral("AWS::SNS::Topic"))});
    architecture.insertGroup(0, Group{QStringLiteral("Group1"), QStringLiteral("Messaging: core"),
                                      {QStringLiteral("A"), QStringLiteral("B")}});
    const JsonTree tree = TemplateWriter::toTree(architecture);
    COMPARE_TREE(tree["Metadata"]["Tributary"]["groups"],
             JsonTree::parse(R"([{"id": "Group1", "label": "Messaging: core", "members": ["A", "B"]}])"));
    const QByteArray text = TemplateWriter::write(architecture);
    QVERIFY2(text.contains("    groups:\n      - id: Group1\n        label: 'Messaging: core'\n        members:\n"
                           "          - A\n          - B\n"),
             text.constData());
    const ParsedTree parsed = YamlTreeReader::read(text, QStringLiteral("groups.yaml"));
    COMPARE_TREE(parsed.value, tree);
}

void TestTemplateWriter::composerGroupsAreRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("composer.yaml"));
    QVERIFY(save(path, "Metadata:\n  AWS::Composer::Groups:\n    Group:\n      Label: Ingest\n      Members: [Queue, Fn]\n"
                       "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Serverless::Function\n"));
    const Architecture architecture = TemplateReader::read(path, Catalogue::builtIn(), nullptr);
    QCOMPARE(architecture.groups().size(), std::size_t(1));
    QCOMPARE(architecture.groups()[0], (Group{QStringLiteral("Group"), QStringLiteral("Ingest"),
                                              {QStringLiteral("Queue"), QStringLiteral("Fn")}}));
    QVERIFY(architecture.templateSections()["Metadata"].contains("AWS::Composer::Groups"));
}

void TestTemplateWriter::malformedGroupsAreWarnedAndLeftOut()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("groups.yaml"));
    QVERIFY(save(path, "Metadata:\n  Tributary:\n    groups:\n      - id: G1\n        members: [Queue, Missing]\n"
                       "      - id: G2\n        members: [Queue]\n      - label: no id\n"
                       "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"));
    QStringList warnings;
    const Architecture architecture = TemplateReader::read(path, Catalogue::builtIn(), &warnings);
    QCOMPARE(architecture.groups().size(), std::size_t(2));
    QCOMPARE(architecture.groups()[0].members, QStringList{QStringLiteral("Queue")});
    QCOMPARE(architecture.groups()[0].label, QStringLiteral("G1"));
    QVERIFY(architecture.groups()[1].members.isEmpty());
    QCOMPARE(warnings.size(), 3);
    QVERIFY2(warnings[0].contains(QStringLiteral("'Missing'")), qPrintable(warnings[0]));
    QVERIFY(warnings[0].startsWith(path));
}

void TestTemplateWriter::formatConversion()
{
    const Architecture yaml = TemplateReader::read(templatesDir() + QStringLiteral("/sections.yaml"),
                                                   Catalogue::builtIn(), nullptr);
    const QByteArray json = TemplateWriter::write(yaml, TemplateStyle::Format::Json);
    QVERIFY(json.startsWith("{\n  \"AWSTemplateFormatVersion\""));
    COMPARE_TREE(JsonTreeReader::read(json, QStringLiteral("x.json")).value, TemplateWriter::toTree(yaml));

    const Architecture fromJson = TemplateReader::read(templatesDir() + QStringLiteral("/template.json"),
                                                       Catalogue::builtIn(), nullptr);
    QCOMPARE(fromJson.style().format, TemplateStyle::Format::Json);
    const QByteArray asYaml = TemplateWriter::write(fromJson, TemplateStyle::Format::Yaml);
    QVERIFY2(asYaml.contains("FunctionName: !Ref Reader\n"), asYaml.constData());
    QVERIFY2(asYaml.contains("Role: !GetAtt Role.Arn\n"), asYaml.constData());
    COMPARE_TREE(YamlTreeReader::read(asYaml, QStringLiteral("x.yaml")).value, TemplateWriter::toTree(fromJson));
}

void TestTemplateWriter::corpusRoundTrip()
{
    const QString root = QStringLiteral(TRIBUTARY_CORPUS_DIR);
    if (!QDir(root + QStringLiteral("/serverless-patterns")).exists())
        QSKIP("the corpus is not beside the checkout");
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    int total = 0;
    int refused = 0;
    int faithful = 0;
    int stable = 0;
    QStringList failures;
    for (const QString folder : {QStringLiteral("serverless-patterns"), QStringLiteral("sam-translator")}) {
        QDirIterator it(root + QLatin1Char('/') + folder,
                        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            ++total;
            Architecture before;
            try {
                before = TemplateReader::read(path, Catalogue::builtIn(), nullptr);
            } catch (const TreeParseError&) {
                ++refused;
                continue;
            } catch (const MessageError&) {
                ++refused;
                continue;
            }
            const QByteArray written = TemplateWriter::write(before);
            const QString copy = temporary.filePath(folder + QLatin1Char('-') + it.fileName());
            QVERIFY(save(copy, written));
            Architecture after;
            try {
                after = TemplateReader::read(copy, Catalogue::builtIn(), nullptr);
            } catch (const TreeParseError& error) {
                failures << QStringLiteral("%1: cannot read what was written: %2").arg(it.fileName(), error.describe());
                continue;
            } catch (const MessageError& error) {
                failures << QStringLiteral("%1: cannot read what was written: %2").arg(it.fileName(), error.message());
                continue;
            }
            const QString difference = differenceBetween(before, after);
            if (difference.isEmpty())
                ++faithful;
            else
                failures << QStringLiteral("%1: %2").arg(it.fileName(), difference);
            if (TemplateWriter::write(after) == written)
                ++stable;
            else
                failures << QStringLiteral("%1: writing it again gives other bytes").arg(it.fileName());
        }
    }
    const int read = total - refused;
    qInfo("template round trip: %d of %d templates read; %d faithful (%.1f %%), %d written the same twice",
          read, total, faithful, read ? 100.0 * faithful / read : 0.0, stable);
    for (const QString& failure : std::as_const(failures))
        qInfo("  %s", qPrintable(failure));
    QVERIFY(read > 300);
    QCOMPARE(faithful, read);
    QCOMPARE(stable, read);
}

QTEST_GUILESS_MAIN(TestTemplateWriter)
#include "tst_templatewriter.moc"
