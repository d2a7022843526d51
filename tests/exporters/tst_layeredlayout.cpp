#include "exporters/LayeredLayout.h"
#include "exporters/TemplateReader.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/MoveResourcesCommand.h"

#include <QDir>
#include <QHash>
#include <QRectF>
#include <QTest>

using namespace tributary;

namespace {

using Positions = std::vector<std::pair<QString, QPointF>>;

const LayeredLayout::Options kOptions;

Resource resource(const QString& id, const QString& type)
{
    Resource made;
    made.id = id;
    made.cfnType = type;
    made.kind = Catalogue::builtIn().kindForCfnType(type).id;
    return made;
}

Connection connection(const QString& source, const QString& target, const QString& rule)
{
    Connection made;
    made.id = source + target;
    made.source = source;
    made.target = target;
    made.rule = rule;
    return made;
}

/** Functions named ids, wired in a chain by SDK calls. */
Architecture chain(const QStringList& ids)
{
    Architecture architecture;
    for (const QString& id : ids)
        architecture.insertResource(static_cast<int>(architecture.resources().size()),
                                    resource(id, QStringLiteral("AWS::Serverless::Function")));
    for (int i = 0; i + 1 < ids.size(); ++i)
        architecture.insertConnection(i, connection(ids[i], ids[i + 1], QStringLiteral("functionInvokesFunction")));
    return architecture;
}

QRectF rectAt(QPointF topLeft)
{
    return QRectF(topLeft, QSizeF(kOptions.nodeWidth, kOptions.nodeHeight));
}

QHash<QString, QPointF> byId(const Positions& positions)
{
    QHash<QString, QPointF> map;
    for (const auto& [id, position] : positions)
        map.insert(id, position);
    return map;
}

/** The first pair of overlapping nodes, in words; empty when none overlap. */
QString overlapIn(const Positions& positions)
{
    for (std::size_t i = 0; i < positions.size(); ++i) {
        for (std::size_t j = i + 1; j < positions.size(); ++j) {
            if (rectAt(positions[i].second).intersects(rectAt(positions[j].second)))
                return QStringLiteral("%1 at (%2, %3) overlaps %4 at (%5, %6)")
                    .arg(positions[i].first)
                    .arg(positions[i].second.x())
                    .arg(positions[i].second.y())
                    .arg(positions[j].first)
                    .arg(positions[j].second.x())
                    .arg(positions[j].second.y());
        }
    }
    return {};
}

/** The visible resources of the architecture that are missing from positions, or are there twice. */
QString coverageProblem(const Architecture& architecture, const QSet<QString>& hidden, const Positions& positions)
{
    QSet<QString> expected;
    for (const Resource& made : architecture.resources()) {
        if (!hidden.contains(made.id))
            expected.insert(made.id);
    }
    QSet<QString> placed;
    for (const auto& [id, position] : positions) {
        if (placed.contains(id) || !expected.contains(id))
            return QStringLiteral("'%1' placed twice or not expected").arg(id);
        placed.insert(id);
    }
    return placed == expected ? QString() : QStringLiteral("%1 placed, %2 expected").arg(placed.size()).arg(expected.size());
}

/** Lays out the architecture as the canvas shows it and checks every visible node is placed once, without overlap. */
void checkLayout(const Architecture& architecture, const QString& name, const LayeredLayout::Options& options = kOptions)
{
    const QSet<QString> hidden = architecture.carrierIds();
    QString problem;
    const Positions positions = LayeredLayout::arrange(architecture, hidden, options, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(name + QStringLiteral(": ") + problem));
    const QString coverage = coverageProblem(architecture, hidden, positions);
    QVERIFY2(coverage.isEmpty(), qPrintable(name + QStringLiteral(": ") + coverage));
    const QString overlap = overlapIn(positions);
    QVERIFY2(overlap.isEmpty(), qPrintable(name + QStringLiteral(": ") + overlap));
}

} // namespace

class TestLayeredLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xGrowsAlongAChain()
    {
        const Architecture architecture = chain({QStringLiteral("C"), QStringLiteral("A"), QStringLiteral("B")});
        const QHash<QString, QPointF> at = byId(LayeredLayout::arrange(architecture, {}));
        QCOMPARE(at.size(), 3);
        QVERIFY2(at[QStringLiteral("C")].x() + kOptions.nodeWidth <= at[QStringLiteral("A")].x(), "C before A");
        QVERIFY2(at[QStringLiteral("A")].x() + kOptions.nodeWidth <= at[QStringLiteral("B")].x(), "A before B");
        QCOMPARE(at[QStringLiteral("A")].x() - at[QStringLiteral("C")].x(), kOptions.nodeWidth + kOptions.rankGap);
    }

    void layoutStartsAtTheOriginInSceneAxes()
    {
        Architecture architecture = chain({QStringLiteral("A"), QStringLiteral("B")});
        architecture.insertResource(2, resource(QStringLiteral("C"), QStringLiteral("AWS::Serverless::Function")));
        architecture.insertConnection(1, connection(QStringLiteral("A"), QStringLiteral("C"),
                                                    QStringLiteral("functionInvokesFunction")));
        const Positions positions = LayeredLayout::arrange(architecture, {});
        qreal left = 1e9;
        qreal top = 1e9;
        for (const auto& [id, position] : positions) {
            left = std::min(left, position.x());
            top = std::min(top, position.y());
        }
        QCOMPARE(left, 0.0);
        QCOMPARE(top, 0.0);
        QVERIFY(overlapIn(positions).isEmpty());
    }

    void noTwoNodesOverlap()
    {
        Architecture architecture;
        QStringList ids;
        for (int i = 0; i < 30; ++i) {
            ids.append(QStringLiteral("N%1").arg(i));
            architecture.insertResource(i, resource(ids.last(), QStringLiteral("AWS::Serverless::Function")));
        }
        for (int i = 0; i < 30; ++i)
            architecture.insertConnection(i, connection(ids[i / 3], ids[(i * 7 + 5) % 30], QStringLiteral("functionInvokesFunction")));
        checkLayout(architecture, QStringLiteral("fan-out"));
        LayeredLayout::Options quick;
        quick.exactPlacementLimit = 10;
        checkLayout(architecture, QStringLiteral("fan-out, early-stopped placement"), quick);
    }

    void hiddenResourcesAndTheirEdgesAreLeftOut()
    {
        const Architecture architecture = chain({QStringLiteral("A"), QStringLiteral("Hidden"), QStringLiteral("B")});
        const Positions positions = LayeredLayout::arrange(architecture, {QStringLiteral("Hidden")});
        const QHash<QString, QPointF> at = byId(positions);
        QCOMPARE(at.size(), 2);
        QVERIFY(!at.contains(QStringLiteral("Hidden")));
        QCOMPARE(at[QStringLiteral("A")].x(), at[QStringLiteral("B")].x());
    }

    void groupMembersShareABoxWithoutOthers()
    {
        const QStringList ids{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"),
                              QStringLiteral("E"), QStringLiteral("F")};
        Architecture architecture = chain(ids);
        architecture.insertConnection(5, connection(QStringLiteral("A"), QStringLiteral("C"),
                                                    QStringLiteral("functionInvokesFunction")));
        architecture.insertConnection(6, connection(QStringLiteral("A"), QStringLiteral("F"),
                                                    QStringLiteral("functionInvokesFunction")));
        const QStringList members{QStringLiteral("B"), QStringLiteral("D")};
        architecture.insertGroup(0, Group{QStringLiteral("G"), QStringLiteral("Pair"), members});
        const Positions positions = LayeredLayout::arrange(architecture, {});
        QVERIFY(overlapIn(positions).isEmpty());
        QRectF box;
        for (const auto& [id, position] : positions) {
            if (members.contains(id))
                box = box.isNull() ? rectAt(position) : box.united(rectAt(position));
        }
        for (const auto& [id, position] : positions) {
            if (!members.contains(id))
                QVERIFY2(!box.intersects(rectAt(position)), qPrintable(id + QStringLiteral(" is inside the group's box")));
        }
    }

    void sameInputSameOutput()
    {
        const Architecture architecture = TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"),
                                                               Catalogue::builtIn(), nullptr);
        const Positions first = LayeredLayout::arrange(architecture, architecture.carrierIds());
        QVERIFY(!first.empty());
        for (int run = 0; run < 3; ++run)
            QCOMPARE(LayeredLayout::arrange(architecture, architecture.carrierIds()), first);
    }

    void emptyArchitecture()
    {
        QString problem = QStringLiteral("stale");
        QVERIFY(LayeredLayout::arrange(Architecture(), {}, kOptions, &problem).empty());
        QVERIFY(problem.isEmpty());
        QVERIFY(!LayeredLayout::needsLayout(Architecture()));
    }

    void orderExample()
    {
        const Architecture architecture = TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"),
                                                               Catalogue::builtIn(), nullptr);
        QVERIFY(!LayeredLayout::needsLayout(architecture));
        checkLayout(architecture, QStringLiteral("order-pipeline"));
    }

    void corpusTemplates()
    {
        const QDir corpus(QStringLiteral(TRIBUTARY_CORPUS_DIR "/serverless-patterns"));
        if (!corpus.exists())
            QSKIP("The serverless-patterns corpus is not there.");
        int laidOut = 0;
        int grouped = 0;
        for (const QString& name : corpus.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                                                    QDir::Name)) {
            Architecture architecture;
            try {
                architecture = TemplateReader::read(corpus.filePath(name), Catalogue::builtIn(), nullptr);
            } catch (const std::exception&) {
                continue;
            }
            QVERIFY2(LayeredLayout::needsLayout(architecture), qPrintable(name));
            checkLayout(architecture, name);
            grouped += architecture.groups().empty() ? 0 : 1;
            if (++laidOut == 20)
                break;
        }
        QCOMPARE(laidOut, 20);
        qInfo("%d of the templates have groups", grouped);
    }

    void arrangingIsOneUndoStep()
    {
        Document document(Catalogue::builtIn());
        document.resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"),
                                                        Catalogue::builtIn(), nullptr));
        const Architecture before = document.architecture();
        const Positions arranged = LayeredLayout::arrange(before, before.carrierIds());
        QVERIFY(arranged.size() > 2);
        QCOMPARE(document.push(new MoveResourcesCommand(&document, arranged)), QString());
        QCOMPARE(document.undoStack()->count(), 1);
        for (const auto& [id, position] : arranged)
            QCOMPARE(document.architecture().resource(id)->position, position);
        QVERIFY(document.architecture() != before);
        document.undoStack()->undo();
        QVERIFY(document.architecture() == before);
        document.undoStack()->redo();
        for (const auto& [id, position] : arranged)
            QCOMPARE(document.architecture().resource(id)->position, position);
    }
};

QTEST_GUILESS_MAIN(TestLayeredLayout)
#include "tst_layeredlayout.moc"
