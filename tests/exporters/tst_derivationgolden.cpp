// Golden tests of connection derivation on real templates of the serverless-patterns corpus. Each
// golden file in tests/data/derivation was checked by hand: a person read the template, wrote down
// the connections they expect, and compared them with what Tributary derives. The file records
//   connections  the edges the tool must derive (sorted by source, target, rule);
//   knownGaps    edges a person expects that the tool misses today (reported, not failed on);
//   knownWrong   edges the tool derives although they are wrong (reported, and still required,
//                so that a fix fails the test until the golden file is re-checked).
// Any change in what is derived from one of these templates therefore fails the test until someone
// re-checks the template by hand and updates its golden file.
//
// To see what the tool derives today for one template, parts included:
//   TRIBUTARY_GOLDEN_DUMP=<template file name> tests/tst_derivationgolden dump

#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/JsonTreeEdit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace tributary;

namespace {

const QString goldenDirectory = QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/derivation");
const QString corpusDirectory = QStringLiteral(TRIBUTARY_CORPUS_DIR "/serverless-patterns");
constexpr int minimumGoldenFiles = 24;

QString edgeKey(const QString& source, const QString& target, const QString& rule)
{
    return source + QLatin1Char('>') + target + QLatin1Char(':') + rule;
}

/** The edges of a golden list as "source>target:rule" strings, in file order; an empty string for a malformed item. */
QStringList goldenEdges(const QJsonArray& list)
{
    QStringList edges;
    for (const QJsonValue& item : list) {
        const QJsonObject edge = item.toObject();
        const QString source = edge.value(QLatin1String("source")).toString();
        const QString target = edge.value(QLatin1String("target")).toString();
        const QString rule = edge.value(QLatin1String("rule")).toString();
        edges.append(source.isEmpty() || target.isEmpty() || rule.isEmpty() ? QString() : edgeKey(source, target, rule));
    }
    return edges;
}

/** True when the list is ordered by source, then target, then rule. */
bool isSortedByEnds(const QJsonArray& list)
{
    const auto ends = [](const QJsonValue& item) {
        const QJsonObject edge = item.toObject();
        return std::make_tuple(edge.value(QLatin1String("source")).toString(),
                               edge.value(QLatin1String("target")).toString(),
                               edge.value(QLatin1String("rule")).toString());
    };
    for (qsizetype i = 1; i < list.size(); ++i) {
        if (ends(list.at(i)) < ends(list.at(i - 1)))
            return false;
    }
    return true;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList actualEdges(const Architecture& architecture)
{
    QStringList edges;
    for (const Connection& connection : architecture.connections())
        edges.append(edgeKey(connection.source, connection.target, connection.rule));
    return sorted(edges);
}

QJsonObject readGolden(const QString& path, QString* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open ") + path;
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = path + QStringLiteral(": not a JSON object: ") + error.errorString();
        return {};
    }
    return document.object();
}

QStringList goldenFiles()
{
    return QDir(goldenDirectory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

} // namespace

class TestDerivationGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foundEnoughGoldenFiles()
    {
        const QStringList files = goldenFiles();
        QVERIFY2(files.size() >= minimumGoldenFiles,
                 qPrintable(QStringLiteral("only %1 golden files in %2").arg(files.size()).arg(goldenDirectory)));
    }

    void matchesGolden_data()
    {
        QTest::addColumn<QString>("goldenPath");
        for (const QString& name : goldenFiles())
            QTest::newRow(qPrintable(name)) << QDir(goldenDirectory).filePath(name);
    }

    void matchesGolden()
    {
        QFETCH(QString, goldenPath);
        QString problem;
        const QJsonObject golden = readGolden(goldenPath, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QString templateName = golden.value(QLatin1String("template")).toString();
        QCOMPARE(templateName + QStringLiteral(".json"), QFileInfo(goldenPath).fileName());
        QCOMPARE(golden.value(QLatin1String("checkedBy")).toString(), QStringLiteral("hand"));
        QVERIFY2(!golden.value(QLatin1String("notes")).toString().trimmed().isEmpty(), "the notes are empty");

        const QStringList required = goldenEdges(golden.value(QLatin1String("connections")).toArray());
        const QStringList knownWrong = goldenEdges(golden.value(QLatin1String("knownWrong")).toArray());
        const QStringList knownGaps = goldenEdges(golden.value(QLatin1String("knownGaps")).toArray());
        QVERIFY2(!required.contains(QString()) && !knownWrong.contains(QString()) && !knownGaps.contains(QString()),
                 "an edge in the golden file lacks source, target or rule");
        QVERIFY2(isSortedByEnds(golden.value(QLatin1String("connections")).toArray()),
                 "the golden connections are not sorted by source, target, rule");
        for (const QJsonValue& item : golden.value(QLatin1String("knownWrong")).toArray())
            QVERIFY2(!item.toObject().value(QLatin1String("why")).toString().isEmpty(), "a known-wrong edge says not why");
        for (const QJsonValue& item : golden.value(QLatin1String("knownGaps")).toArray())
            QVERIFY2(!item.toObject().value(QLatin1String("why")).toString().isEmpty(), "a known gap says not why");

        const QString templatePath = corpusDirectory + QLatin1Char('/') + templateName;
        QVERIFY2(QFileInfo::exists(templatePath), qPrintable(QStringLiteral("no template ") + templatePath));
        QStringList warnings;
        const Architecture architecture = TemplateReader::read(templatePath, Catalogue::builtIn(), &warnings);

        for (const QJsonValue& item : golden.value(QLatin1String("knownGaps")).toArray()) {
            const QJsonObject gap = item.toObject();
            qInfo().noquote() << "known gap:"
                              << edgeKey(gap.value(QLatin1String("source")).toString(),
                                         gap.value(QLatin1String("target")).toString(),
                                         gap.value(QLatin1String("rule")).toString())
                              << "-" << gap.value(QLatin1String("why")).toString();
        }
        for (const QJsonValue& item : golden.value(QLatin1String("knownWrong")).toArray()) {
            const QJsonObject wrong = item.toObject();
            qWarning().noquote() << "known wrong:"
                                 << edgeKey(wrong.value(QLatin1String("source")).toString(),
                                            wrong.value(QLatin1String("target")).toString(),
                                            wrong.value(QLatin1String("rule")).toString())
                                 << "-" << wrong.value(QLatin1String("why")).toString();
        }

        const QStringList expected = sorted(required + knownWrong);
        const QStringList actual = actualEdges(architecture);
        QStringList missing;
        QStringList unexpected;
        for (const QString& edge : expected) {
            if (!actual.contains(edge))
                missing.append(edge);
        }
        for (const QString& edge : actual) {
            if (!expected.contains(edge))
                unexpected.append(edge);
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            QStringList fixedGaps;
            for (const QString& edge : unexpected) {
                if (knownGaps.contains(edge))
                    fixedGaps.append(edge);
            }
            QFAIL(qPrintable(QStringLiteral("derivation changed; re-check %1 by hand and update its golden file.\n"
                                            "  missing: %2\n  unexpected: %3\n  of which known gaps now found: %4")
                                 .arg(templateName, missing.join(QStringLiteral(", ")),
                                      unexpected.join(QStringLiteral(", ")), fixedGaps.join(QStringLiteral(", ")))));
        }
        QCOMPARE(actual, expected);

        for (const Connection& connection : architecture.connections()) {
            for (const JsonTree& part : connection.parts) {
                const QString where = edgeKey(connection.source, connection.target, connection.rule)
                    + QStringLiteral(" part ") + QString::fromStdString(part.dump());
                QVERIFY2(part.is_object() && part.contains("resource") && part["resource"].is_string(), qPrintable(where));
                const Resource* resource = architecture.resource(QString::fromStdString(part["resource"].get<std::string>()));
                QVERIFY2(resource, qPrintable(where + QStringLiteral(" names no resource")));
                if (!part.contains("path"))
                    continue;
                QVERIFY2(part["path"].is_string(), qPrintable(where));
                const QString path = QString::fromStdString(part["path"].get<std::string>());
                QVERIFY2(JsonTreeEdit::valueAt(resource->properties, path).has_value(),
                         qPrintable(where + QStringLiteral(" points at no value")));
            }
        }
    }

    /** Not a check: prints what the tool derives for the template TRIBUTARY_GOLDEN_DUMP names. */
    void dump()
    {
        const QString name = qEnvironmentVariable("TRIBUTARY_GOLDEN_DUMP");
        if (name.isEmpty())
            QSKIP("set TRIBUTARY_GOLDEN_DUMP to a template file name to print its derived connections");
        QStringList warnings;
        const Architecture architecture
            = TemplateReader::read(corpusDirectory + QLatin1Char('/') + name, Catalogue::builtIn(), &warnings);
        std::vector<Connection> connections = architecture.connections();
        std::sort(connections.begin(), connections.end(), [](const Connection& a, const Connection& b) {
            return edgeKey(a.source, a.target, a.rule) < edgeKey(b.source, b.target, b.rule);
        });
        for (const Connection& connection : connections) {
            qInfo().noquote() << edgeKey(connection.source, connection.target, connection.rule) << connection.id
                              << QString::fromStdString(connection.parts.dump())
                              << QString::fromStdString(connection.properties.dump());
        }
    }
};

QTEST_GUILESS_MAIN(TestDerivationGolden)
#include "tst_derivationgolden.moc"
