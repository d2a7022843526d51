// The built-in catalogue loads and is coherent; a broken descriptor fails with a message that
// names the file, the key and the line.

#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"
#include "model/catalogue/CatalogueLoader.h"
#include "tests/model/ModelTestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tributary;
using namespace tributary::test;

namespace {

bool copyTree(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

QStringList yamlFiles(const QString& directory)
{
    return QDir(directory).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void builtInLoads();
    void everyDescriptorFileIsLoaded();
    void expectedKindsAndRulesExist();
    void idsAreUnique();
    void rulesNameExistingKinds();
    void iconsExist();
    void exactlyOneGenericKind();
    void kindForCfnType();
    void descriptorsAreComplete();
    void lookups();
    void makeResourceForEveryKind();
    void makeResourceReplacesIdPlaceholders();
    void catalogueWithoutGenericKindIsRefused();

    void copyOfTheCatalogueLoads();
    void brokenDescriptor_data();
    void brokenDescriptor();
    void missingFolders();

private:
    const Catalogue* m_catalogue = nullptr;
    QString m_sourceCatalogue;
    QString m_sourceIcons;
};

void TestCatalogue::initTestCase()
{
    QString problem;
    m_catalogue = builtInCatalogue(&problem);
    QVERIFY2(m_catalogue, qPrintable(problem));
    m_sourceCatalogue = QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/catalogue");
    m_sourceIcons = QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/icons");
    QVERIFY(QDir(m_sourceCatalogue + QStringLiteral("/kinds")).exists());
    QVERIFY(QDir(m_sourceCatalogue + QStringLiteral("/connections")).exists());
}

void TestCatalogue::builtInLoads()
{
    QVERIFY2(m_catalogue->kinds().size() >= 15, qPrintable(QString::number(m_catalogue->kinds().size())));
    QVERIFY2(m_catalogue->rules().size() >= 25, qPrintable(QString::number(m_catalogue->rules().size())));
    // Loading twice gives the same object.
    QCOMPARE(&Catalogue::builtIn(), m_catalogue);
    qInfo("%zu kinds, %zu connection rules", m_catalogue->kinds().size(), m_catalogue->rules().size());
}

void TestCatalogue::everyDescriptorFileIsLoaded()
{
    const QStringList kindFiles = yamlFiles(QStringLiteral(":/catalogue/kinds"));
    const QStringList ruleFiles = yamlFiles(QStringLiteral(":/catalogue/connections"));
    QCOMPARE(static_cast<std::size_t>(kindFiles.size()), m_catalogue->kinds().size());
    QCOMPARE(static_cast<std::size_t>(ruleFiles.size()), m_catalogue->rules().size());
    for (const ResourceKind& kind : m_catalogue->kinds())
        QVERIFY2(kindFiles.contains(kind.id + QStringLiteral(".yaml")), qPrintable(kind.id));
    for (const ConnectionRule& rule : m_catalogue->rules())
        QVERIFY2(ruleFiles.contains(rule.id + QStringLiteral(".yaml")), qPrintable(rule.id));
    // The compiled-in copy is the one in the source tree.
    QCOMPARE(kindFiles, yamlFiles(m_sourceCatalogue + QStringLiteral("/kinds")));
    QCOMPARE(ruleFiles, yamlFiles(m_sourceCatalogue + QStringLiteral("/connections")));
}

void TestCatalogue::expectedKindsAndRulesExist()
{
    for (const char* id : {"function", "queue", "topic", "eventBus", "eventRule", "table", "bucket", "httpApi",
                           "restApi", "stateMachine", "stream", "schedule", "pipe", "firehose", "generic"})
        QVERIFY2(m_catalogue->kind(QString::fromLatin1(id)), id);
    const std::vector<std::pair<const char*, const char*>> pairs = {
        {"queue", "function"}, {"topic", "queue"}, {"function", "queue"}, {"queue", "queue"},
        {"topic", "function"}, {"eventRule", "function"}, {"stream", "function"}, {"table", "function"}};
    for (const auto& [source, target] : pairs)
        QVERIFY2(!m_catalogue->rulesBetween(QString::fromLatin1(source), QString::fromLatin1(target)).empty(),
                 qPrintable(QStringLiteral("no rule from %1 to %2").arg(QString::fromLatin1(source), QString::fromLatin1(target))));
}

void TestCatalogue::idsAreUnique()
{
    QSet<QString> kinds;
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        QVERIFY2(!kinds.contains(kind.id), qPrintable(kind.id));
        kinds.insert(kind.id);
    }
    QSet<QString> rules;
    for (const ConnectionRule& rule : m_catalogue->rules()) {
        QVERIFY2(!rules.contains(rule.id), qPrintable(rule.id));
        rules.insert(rule.id);
    }
}

void TestCatalogue::rulesNameExistingKinds()
{
    for (const ConnectionRule& rule : m_catalogue->rules()) {
        const auto namesAKind = [this](const QString& kind) {
            return kind == ConnectionRule::anyKind() || m_catalogue->kind(kind) != nullptr;
        };
        QVERIFY2(namesAKind(rule.sourceKind), qPrintable(rule.id + QStringLiteral(": ") + rule.sourceKind));
        QVERIFY2(namesAKind(rule.targetKind), qPrintable(rule.id + QStringLiteral(": ") + rule.targetKind));
        // Only the plain reference and dependency edges join any kinds; they are never drawn by hand.
        QCOMPARE(rule.isDrawable(), rule.meaning != QLatin1String("reference") && rule.meaning != QLatin1String("dependency"));
        QVERIFY2(ConnectionRule::knownMeanings().contains(rule.meaning), qPrintable(rule.id));
        QVERIFY2(!rule.label.isEmpty() && !rule.description.isEmpty(), qPrintable(rule.id));
        QVERIFY2(rule.writes.is_array() && rule.recognise.is_array(), qPrintable(rule.id));
        QCOMPARE(m_catalogue->rule(rule.id), &rule);
    }
}

void TestCatalogue::iconsExist()
{
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        QVERIFY2(kind.iconPath.startsWith(QLatin1String(":/icons/")), qPrintable(kind.id + QStringLiteral(": ") + kind.iconPath));
        QVERIFY2(kind.iconPath.endsWith(QLatin1String(".svg")), qPrintable(kind.iconPath));
        QVERIFY2(QFile::exists(kind.iconPath), qPrintable(kind.id + QStringLiteral(": ") + kind.iconPath));
        QVERIFY2(!readText(kind.iconPath).isEmpty(), qPrintable(kind.iconPath));
    }
}

void TestCatalogue::exactlyOneGenericKind()
{
    int generic = 0;
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        if (kind.generic) {
            ++generic;
            QCOMPARE(&m_catalogue->genericKind(), &kind);
            QVERIFY(kind.cfnTypes.isEmpty());
        } else {
            QVERIFY2(!kind.cfnTypes.isEmpty(), qPrintable(kind.id));
        }
    }
    QCOMPARE(generic, 1);
    QVERIFY(m_catalogue->genericKind().generic);
}

void TestCatalogue::kindForCfnType()
{
    QSet<QString> seen;
    int types = 0;
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        for (const QString& type : kind.cfnTypes) {
            QVERIFY2(!seen.contains(type), qPrintable(type));
            seen.insert(type);
            ++types;
            QVERIFY2(type.startsWith(QLatin1String("AWS::")) && type.count(QStringLiteral("::")) == 2, qPrintable(type));
            QCOMPARE(m_catalogue->kindForCfnType(type).id, kind.id);
        }
    }
    QVERIFY(types >= static_cast<int>(m_catalogue->kinds().size()) - 1);
    for (const char* unknown : {"AWS::Made::Up", "AWS::SSM::Parameter", "Custom::Thing", "", "aws::sqs::queue"})
        QCOMPARE(m_catalogue->kindForCfnType(QString::fromLatin1(unknown)).id, m_catalogue->genericKind().id);
    QCOMPARE(m_catalogue->kindForCfnType(QStringLiteral("AWS::SQS::Queue")).id, QStringLiteral("queue"));
    QCOMPARE(m_catalogue->kindForCfnType(QStringLiteral("AWS::Lambda::Function")).id, QStringLiteral("function"));
    QCOMPARE(m_catalogue->kindForCfnType(QStringLiteral("AWS::Serverless::Function")).id, QStringLiteral("function"));
    QCOMPARE(m_catalogue->kind(QStringLiteral("function"))->cfnTypes.value(0), QStringLiteral("AWS::Serverless::Function"));
}

void TestCatalogue::descriptorsAreComplete()
{
    const auto checkFields = [](const QString& owner, const std::vector<PropertyField>& fields) {
        QSet<QString> paths;
        for (const PropertyField& field : fields) {
            const QString where = owner + QStringLiteral(" ") + field.path;
            QVERIFY2(field.path.startsWith(QLatin1Char('/')), qPrintable(where));
            QVERIFY2(!paths.contains(field.path), qPrintable(QStringLiteral("duplicate field ") + where));
            paths.insert(field.path);
            QVERIFY2(PropertyField::knownTypes().contains(field.type), qPrintable(where));
            QVERIFY2(!field.label.isEmpty() && !field.help.isEmpty(), qPrintable(where));
            if (field.type == QLatin1String("enum"))
                QVERIFY2(!field.values.isEmpty(), qPrintable(where));
            if (field.minimum && field.maximum)
                QVERIFY2(*field.minimum <= *field.maximum, qPrintable(where));
        }
    };
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        QVERIFY2(ResourceKind::knownCategories().contains(kind.category), qPrintable(kind.id));
        QVERIFY2(!kind.displayName.isEmpty() && !kind.description.isEmpty(), qPrintable(kind.id));
        QVERIFY2(kind.defaultProperties.is_object(), qPrintable(kind.id));
        QVERIFY2(kind.simulation.is_object(), qPrintable(kind.id));
        checkFields(kind.id, kind.fields);
        if (QTest::currentTestFailed())
            return;
    }
    for (const ConnectionRule& rule : m_catalogue->rules()) {
        checkFields(rule.id, rule.properties);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestCatalogue::lookups()
{
    QCOMPARE(m_catalogue->kind(QStringLiteral("nope")), nullptr);
    QCOMPARE(m_catalogue->kind(QStringLiteral("Queue")), nullptr);
    QCOMPARE(m_catalogue->rule(QStringLiteral("nope")), nullptr);
    QCOMPARE(m_catalogue->kind(QStringLiteral("queue"))->id, QStringLiteral("queue"));
    // rulesBetween gives exactly the matching rules, in catalogue order.
    for (const ResourceKind& source : m_catalogue->kinds()) {
        for (const ResourceKind& target : m_catalogue->kinds()) {
            std::vector<const ConnectionRule*> expected;
            for (const ConnectionRule& rule : m_catalogue->rules()) {
                if (rule.sourceKind == source.id && rule.targetKind == target.id)
                    expected.push_back(&rule);
            }
            QVERIFY(m_catalogue->rulesBetween(source.id, target.id) == expected);
        }
    }
    QVERIFY(m_catalogue->rulesBetween(QStringLiteral("nope"), QStringLiteral("queue")).empty());
}

void TestCatalogue::makeResourceForEveryKind()
{
    const QString id = QStringLiteral("MyThing7");
    for (const ResourceKind& kind : m_catalogue->kinds()) {
        const Resource resource = m_catalogue->makeResource(kind, id, QPointF(12.5, -3));
        QCOMPARE(resource.id, id);
        QCOMPARE(resource.kind, kind.id);
        QCOMPARE(resource.cfnType, kind.cfnTypes.value(0));
        QCOMPARE(resource.position, QPointF(12.5, -3));
        QVERIFY(resource.attributes.is_object() && resource.attributes.empty());
        const QString dump = dumpOf(resource.properties);
        QVERIFY2(!dump.contains(QLatin1String("{{id}}")), qPrintable(kind.id + QStringLiteral(": ") + dump));
        QString expected = dumpOf(kind.defaultProperties);
        expected.replace(QLatin1String("{{id}}"), id);
        QCOMPARE(dump, expected);
    }
}

void TestCatalogue::makeResourceReplacesIdPlaceholders()
{
    ResourceKind generic;
    generic.id = QStringLiteral("generic");
    generic.generic = true;
    ResourceKind thing;
    thing.id = QStringLiteral("thing");
    thing.cfnTypes = QStringList({"AWS::Thing::One", "AWS::Thing::Two"});
    thing.defaultProperties = json(R"({
        "Name": "{{id}}-{{id}}",
        "List": ["{{id}}", {"Deep": "x{{id}}y"}, 3],
        "Key{{id}}": "unchanged {{ id }} {id}",
        "Braces": "{{{id}}}",
        "Number": 3,
        "Flag": true,
        "Nothing": null
    })");
    const Catalogue catalogue({generic, thing}, {});
    const Resource resource = catalogue.makeResource(*catalogue.kind(QStringLiteral("thing")), QStringLiteral("A1"), QPointF(1, 2));
    QCOMPARE(dumpOf(resource.properties), dumpOf(json(R"({
        "Name": "A1-A1",
        "List": ["A1", {"Deep": "xA1y"}, 3],
        "Key{{id}}": "unchanged {{ id }} {id}",
        "Braces": "{A1}",
        "Number": 3,
        "Flag": true,
        "Nothing": null
    })")));
    QCOMPARE(resource.cfnType, QStringLiteral("AWS::Thing::One"));
    QCOMPARE(catalogue.kindForCfnType(QStringLiteral("AWS::Thing::Two")).id, QStringLiteral("thing"));
    QCOMPARE(catalogue.kindForCfnType(QStringLiteral("AWS::Thing::Three")).id, QStringLiteral("generic"));
    // The kind's defaults are left as they were.
    QVERIFY(catalogue.kind(QStringLiteral("thing"))->defaultProperties == thing.defaultProperties);

    const Resource plain = catalogue.makeResource(catalogue.genericKind(), QStringLiteral("G"), QPointF());
    QCOMPARE(plain.cfnType, QString());
    QCOMPARE(plain.kind, QStringLiteral("generic"));
}

void TestCatalogue::catalogueWithoutGenericKindIsRefused()
{
    ResourceKind thing;
    thing.id = QStringLiteral("thing");
    thing.cfnTypes = QStringList({"AWS::Thing::One"});
    try {
        const Catalogue catalogue({thing}, {});
        QFAIL("a catalogue without a generic kind was made");
    } catch (const CatalogueError& error) {
        QVERIFY2(error.message().contains(QLatin1String("generic")), qPrintable(error.message()));
    }
}

void TestCatalogue::copyOfTheCatalogueLoads()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    QVERIFY(copyTree(m_sourceCatalogue, temporary.filePath(QStringLiteral("catalogue"))));
    QVERIFY(copyTree(m_sourceIcons, temporary.filePath(QStringLiteral("icons"))));
    try {
        const Catalogue copy = CatalogueLoader::load(temporary.filePath(QStringLiteral("catalogue")));
        QCOMPARE(copy.kinds().size(), m_catalogue->kinds().size());
        QCOMPARE(copy.rules().size(), m_catalogue->rules().size());
        for (std::size_t i = 0; i < copy.kinds().size(); ++i) {
            const ResourceKind& kind = copy.kinds()[i];
            QCOMPARE(kind.id, m_catalogue->kinds()[i].id);
            QVERIFY(kind.defaultProperties == m_catalogue->kinds()[i].defaultProperties);
            QCOMPARE(QFileInfo(kind.iconPath).fileName(), QFileInfo(m_catalogue->kinds()[i].iconPath).fileName());
            QVERIFY2(kind.iconPath.startsWith(temporary.path()), qPrintable(kind.iconPath));
            QVERIFY(QFile::exists(kind.iconPath));
        }
        for (std::size_t i = 0; i < copy.rules().size(); ++i) {
            QCOMPARE(copy.rules()[i].id, m_catalogue->rules()[i].id);
            QVERIFY(copy.rules()[i].writes == m_catalogue->rules()[i].writes);
        }
    } catch (const CatalogueError& error) {
        QFAIL(qPrintable(error.message()));
    }
}

void TestCatalogue::brokenDescriptor_data()
{
    // file: a descriptor, or "connections/*" for the first rule whose text matches the pattern.
    // The first match of pattern (multi-line) is replaced; with newFile the result is written as a
    // new descriptor beside the original. In mentions, {file} is the broken file's name, {line} the
    // line where the replacement starts and {next} the line after it.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("newFile");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("missing category") << "kinds/queue.yaml" << "^category:" << "kategory:" << ""
                                      << QStringList({"{file}", "'category'", "missing", "line"});
    QTest::newRow("unknown category") << "kinds/queue.yaml" << "^category: .*$" << "category: gadgets" << ""
                                      << QStringList({"{file}", "'category'", "gadgets", "(line {line}):"});
    QTest::newRow("unknown field type") << "kinds/queue.yaml" << "^([ \\t]+type: )integer[ \\t]*$" << "\\1integr" << ""
                                        << QStringList({"{file}", "/type'", "integr", "(line {line}):"});
    QTest::newRow("enum field without values") << "kinds/queue.yaml" << "^([ \\t]+)values:" << "\\1choices:" << ""
                                               << QStringList({"{file}", "/values'", "enum", "line"});
    QTest::newRow("field without help") << "kinds/queue.yaml" << "^([ \\t]+)help:" << "\\1hint:" << ""
                                        << QStringList({"{file}", "/help'", "missing", "line"});
    QTest::newRow("min greater than max") << "kinds/queue.yaml" << "^([ \\t]+)max: \\d+[ \\t]*$" << "\\1max: -99999999"
                                          << "" << QStringList({"{file}", "/min'", "max", "line"});
    QTest::newRow("id not the file name") << "kinds/queue.yaml" << "^id: queue[ \\t]*$" << "id: queues" << ""
                                          << QStringList({"{file}", "'id'", "queues", "(line {line}):"});
    QTest::newRow("cfnType not a CloudFormation type") << "kinds/queue.yaml" << "^([ \\t]*- )AWS::SQS::Queue"
                                                       << "\\1SQSQueue" << ""
                                                       << QStringList({"{file}", "'cfnTypes/0'", "SQSQueue", "(line {line}):"});
    QTest::newRow("missing icon") << "kinds/queue.yaml" << "^icon: .*$" << "icon: nowhere.svg" << ""
                                  << QStringList({"{file}", "'icon'", "nowhere.svg", "(line {line}):"});
    QTest::newRow("YAML syntax error") << "kinds/queue.yaml" << "^displayName: .*$" << "displayName: SQS: queue" << ""
                                       << QStringList({"{file}:{line}:"});
    QTest::newRow("duplicate key") << "kinds/queue.yaml" << "^(category: .*)$" << "\\1\n\\1" << ""
                                   << QStringList({"{file}:{next}:", "'category'", "line {line}"});
    QTest::newRow("descriptor not a map") << "kinds/queue.yaml" << "\\A[\\s\\S]*\\z" << "- a\n- list\n" << ""
                                          << QStringList({"{file}", "map"});
    QTest::newRow("second generic kind") << "kinds/generic.yaml" << "^id: generic[ \\t]*$" << "id: zzGeneric"
                                         << "zzGeneric.yaml" << QStringList({"{file}", "'generic'", "line"});
    QTest::newRow("type read by two kinds") << "kinds/queue.yaml" << "^id: queue[ \\t]*$" << "id: queueCopy"
                                            << "queueCopy.yaml"
                                            << QStringList({"{file}", "'cfnTypes/0'", "AWS::SQS::Queue", "line"});
    QTest::newRow("rule naming a missing source kind") << "connections/*" << "^source: .*$" << "source: nowhere" << ""
                                                       << QStringList({"{file}", "'source'", "nowhere", "(line {line}):"});
    QTest::newRow("rule naming a missing target kind") << "connections/*" << "^target: .*$" << "target: nowhere" << ""
                                                       << QStringList({"{file}", "'target'", "nowhere", "(line {line}):"});
    QTest::newRow("unknown meaning") << "connections/*" << "^meaning: .*$" << "meaning: telepathy" << ""
                                     << QStringList({"{file}", "'meaning'", "telepathy", "(line {line}):"});
    QTest::newRow("rule id not the file name") << "connections/*" << "^id: (\\w+)[ \\t]*$" << "id: \\1Other" << ""
                                               << QStringList({"{file}", "'id'", "Other", "(line {line}):"});
    QTest::newRow("writes entry without into") << "connections/*" << "^([ \\t]*-?[ \\t]*)into:" << "\\1onto:" << ""
                                               << QStringList({"{file}", "/into'", "missing", "line"});
    QTest::newRow("writes entry into nowhere") << "connections/*" << "^([ \\t]*-?[ \\t]*into: ).*$" << "\\1elsewhere" << ""
                                               << QStringList({"{file}", "/into'", "elsewhere", "(line {line}):"});
    QTest::newRow("rule property of unknown type") << "connections/*" << "^([ \\t]+type: )integer[ \\t]*$" << "\\1int" << ""
                                                   << QStringList({"{file}", "properties/", "/type'", "int", "(line {line}):"});
}

void TestCatalogue::brokenDescriptor()
{
    QFETCH(QString, file);
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(QString, newFile);
    QFETCH(QStringList, mentions);

    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString catalogue = temporary.filePath(QStringLiteral("catalogue"));
    QVERIFY(copyTree(m_sourceCatalogue, catalogue));
    QVERIFY(copyTree(m_sourceIcons, temporary.filePath(QStringLiteral("icons"))));

    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    QVERIFY2(expression.isValid(), qPrintable(expression.errorString()));
    if (file == QLatin1String("connections/*")) {
        file.clear();
        for (const QString& name : yamlFiles(catalogue + QStringLiteral("/connections"))) {
            if (expression.match(readText(catalogue + QStringLiteral("/connections/") + name)).hasMatch()) {
                file = QStringLiteral("connections/") + name;
                break;
            }
        }
        if (file.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no connection rule has text matching %1").arg(pattern)));
    }
    const QString path = catalogue + QLatin1Char('/') + file;
    const QString text = readText(path);
    if (text.isEmpty())
        QFAIL(qPrintable(QStringLiteral("cannot read %1").arg(path)));
    const QRegularExpressionMatch match = expression.match(text);
    if (!match.hasMatch())
        QFAIL(qPrintable(QStringLiteral("%1 has no text matching %2: the test must be updated").arg(file, pattern)));
    // Replace the first match only, expanding \1 back-references.
    QString expanded = replacement;
    for (int group = match.lastCapturedIndex(); group >= 1; --group)
        expanded.replace(QStringLiteral("\\%1").arg(group), match.captured(group));
    const QString broken = text.left(match.capturedStart()) + expanded + text.mid(match.capturedEnd());
    const int line = static_cast<int>(text.left(match.capturedStart()).count(QLatin1Char('\n'))) + 1;
    QVERIFY(broken != text);

    QString brokenPath = path;
    if (!newFile.isEmpty())
        brokenPath = QFileInfo(path).path() + QLatin1Char('/') + newFile;
    QVERIFY(writeText(brokenPath, broken));
    const QString fileName = QFileInfo(brokenPath).fileName();

    try {
        const Catalogue loaded = CatalogueLoader::load(catalogue);
        QFAIL(qPrintable(QStringLiteral("the catalogue loaded although %1 is broken").arg(fileName)));
    } catch (const CatalogueError& error) {
        const QString message = error.message();
        qInfo().noquote() << message;
        for (QString mention : std::as_const(mentions)) {
            mention.replace(QLatin1String("{file}"), fileName)
                .replace(QLatin1String("{line}"), QString::number(line))
                .replace(QLatin1String("{next}"), QString::number(line + 1));
            QVERIFY2(message.contains(mention),
                     qPrintable(QStringLiteral("the message does not mention \"%1\": %2").arg(mention, message)));
        }
    }
}

void TestCatalogue::missingFolders()
{
    for (const char* folder : {"kinds", "connections"}) {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString catalogue = temporary.filePath(QStringLiteral("catalogue"));
        QVERIFY(copyTree(m_sourceCatalogue, catalogue));
        QVERIFY(copyTree(m_sourceIcons, temporary.filePath(QStringLiteral("icons"))));
        QVERIFY(QDir(catalogue + QLatin1Char('/') + QLatin1String(folder)).removeRecursively());
        try {
            CatalogueLoader::load(catalogue);
            QFAIL(qPrintable(QStringLiteral("loaded without %1").arg(QLatin1String(folder))));
        } catch (const CatalogueError& error) {
            QVERIFY2(error.message().contains(QLatin1String(folder)), qPrintable(error.message()));
        }
    }
    try {
        CatalogueLoader::load(QStringLiteral("/nonexistent/catalogue"));
        QFAIL("loaded a folder that does not exist");
    } catch (const CatalogueError& error) {
        QVERIFY2(error.message().contains(QLatin1String("/nonexistent/catalogue")), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
