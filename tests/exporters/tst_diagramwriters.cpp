#include "exporters/DotWriter.h"
#include "exporters/MermaidWriter.h"
#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace tributary;

namespace {

Resource resource(const QString& id, const QString& type)
{
    Resource made;
    made.id = id;
    made.cfnType = type;
    made.kind = Catalogue::builtIn().kindForCfnType(type).id;
    return made;
}

Connection connection(const QString& id, const QString& source, const QString& target, const QString& rule)
{
    Connection made;
    made.id = id;
    made.source = source;
    made.target = target;
    made.rule = rule;
    return made;
}

/** An architecture with one edge of each line style, an unknown rule, a reserved id and awkward text. */
Architecture sample()
{
    Architecture architecture;
    int index = 0;
    for (const Resource& made : {resource(QStringLiteral("Api"), QStringLiteral("AWS::Serverless::HttpApi")),
                                 resource(QStringLiteral("Worker"), QStringLiteral("AWS::Serverless::Function")),
                                 resource(QStringLiteral("Jobs"), QStringLiteral("AWS::SQS::Queue")),
                                 resource(QStringLiteral("Orders"), QStringLiteral("AWS::DynamoDB::Table")),
                                 resource(QStringLiteral("Uploads"), QStringLiteral("AWS::S3::Bucket")),
                                 resource(QStringLiteral("end"), QStringLiteral("Custom::Thing"))})
        architecture.insertResource(index++, made);
    index = 0;
    for (const Connection& made :
         {connection(QStringLiteral("C1"), QStringLiteral("Api"), QStringLiteral("Worker"), QStringLiteral("httpApiToFunction")),
          connection(QStringLiteral("C2"), QStringLiteral("Uploads"), QStringLiteral("Worker"), QStringLiteral("bucketToFunction")),
          connection(QStringLiteral("C3"), QStringLiteral("Worker"), QStringLiteral("Orders"), QStringLiteral("functionAccessesTable")),
          connection(QStringLiteral("C4"), QStringLiteral("Worker"), QStringLiteral("Jobs"), QStringLiteral("functionOnFailureToQueue")),
          connection(QStringLiteral("C5"), QStringLiteral("end"), QStringLiteral("Jobs"), QStringLiteral("dependency")),
          connection(QStringLiteral("C6"), QStringLiteral("Jobs"), QStringLiteral("end"), QStringLiteral("made\"Up<Rule>")),
          connection(QStringLiteral("C7"), QStringLiteral("Jobs"), QStringLiteral("Gone"), QStringLiteral("queueToFunction"))})
        architecture.insertConnection(index++, made);
    architecture.insertGroup(0, Group{QStringLiteral("Group1"), QStringLiteral("Data \"store\" & <files>"),
                                      {QStringLiteral("Orders"), QStringLiteral("Uploads")}});
    return architecture;
}

/** Runs dot -Tsvg on text; the error output when it fails, empty when it succeeds. */
QString dotProblem(const QByteArray& text)
{
    QProcess dot;
    dot.start(QStringLiteral("dot"), {QStringLiteral("-Tsvg")});
    if (!dot.waitForStarted(10000))
        return QStringLiteral("dot did not start");
    dot.write(text);
    dot.closeWriteChannel();
    if (!dot.waitForFinished(30000))
        return QStringLiteral("dot did not finish");
    const QByteArray svg = dot.readAllStandardOutput();
    const QByteArray errors = dot.readAllStandardError();
    if (dot.exitCode() != 0 || !svg.contains("<svg") || !errors.trimmed().isEmpty())
        return QStringLiteral("dot exited with %1: %2").arg(dot.exitCode()).arg(QString::fromUtf8(errors));
    return {};
}

} // namespace

class TestDiagramWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineStyles();
    void mermaid();
    void mermaidEscapes();
    void dot();
    void dotEscapes();
    void dotRendersWithGraphviz();
    void emptyArchitecture();
};

void TestDiagramWriters::lineStyles()
{
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("async")), DiagramWriter::LineStyle::Dashed);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("onSuccess")), DiagramWriter::LineStyle::Dashed);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("onFailure")), DiagramWriter::LineStyle::Dashed);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("deadLetter")), DiagramWriter::LineStyle::Dashed);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("sdk")), DiagramWriter::LineStyle::Dotted);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("reference")), DiagramWriter::LineStyle::Dotted);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("dependency")), DiagramWriter::LineStyle::Dotted);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("polled")), DiagramWriter::LineStyle::Solid);
    QCOMPARE(DiagramWriter::lineStyleOf(QStringLiteral("sync")), DiagramWriter::LineStyle::Solid);
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("compute")), QStringLiteral("#ED7100"));
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("integration")), QStringLiteral("#E7157B"));
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("storage")), QStringLiteral("#7AA116"));
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("database")), QStringLiteral("#C925D1"));
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("api")), QStringLiteral("#8C4FFF"));
    QCOMPARE(DiagramWriter::colourOf(QStringLiteral("other")), QStringLiteral("#5A6B86"));
}

void TestDiagramWriters::mermaid()
{
    const QString text = QString::fromUtf8(MermaidWriter().write(sample(), Catalogue::builtIn()));
    const QString expected = QStringLiteral(
        "flowchart LR\n"
        "  classDef compute fill:#ED7100,stroke:#ED7100,color:#ffffff\n"
        "  classDef integration fill:#E7157B,stroke:#E7157B,color:#ffffff\n"
        "  classDef storage fill:#7AA116,stroke:#7AA116,color:#ffffff\n"
        "  classDef database fill:#C925D1,stroke:#C925D1,color:#ffffff\n"
        "  classDef api fill:#8C4FFF,stroke:#8C4FFF,color:#ffffff\n"
        "  classDef other fill:#5A6B86,stroke:#5A6B86,color:#ffffff\n"
        "  subgraph group0 [\"Data #quot;store#quot; #amp; #lt;files#gt;\"]\n"
        "    Orders[\"Orders<br/>DynamoDB table\"]:::database\n"
        "    Uploads[\"Uploads<br/>S3 bucket\"]:::storage\n"
        "  end\n"
        "  Api[\"Api<br/>HTTP API\"]:::api\n"
        "  Worker[\"Worker<br/>Lambda function\"]:::compute\n"
        "  Jobs[\"Jobs<br/>SQS queue\"]:::integration\n"
        "  id_end[\"end<br/>Custom::Thing\"]:::other\n"
        "  Api -->|\"HTTP API route\"| Worker\n"
        "  Uploads -.->|\"S3 notification\"| Worker\n"
        "  Worker -.->|\"Reads and writes items\"| Orders\n"
        "  Worker -.->|\"On failure\"| Jobs\n"
        "  id_end -.->|\"Depends on\"| Jobs\n"
        "  Jobs -->|\"made#quot;Up#lt;Rule#gt;\"| id_end\n"
        "  linkStyle 1,3 stroke-dasharray:8 4\n"
        "  linkStyle 2,4 stroke-dasharray:2 3\n");
    QCOMPARE(text, expected);
}

void TestDiagramWriters::mermaidEscapes()
{
    QCOMPARE(MermaidWriter::escape(QStringLiteral("a\"b<c>&d#e|f\ng")),
             QStringLiteral("a#quot;b#lt;c#gt;#amp;d#35;e#124;f<br/>g"));
    QCOMPARE(MermaidWriter::nodeId(QStringLiteral("Queue1")), QStringLiteral("Queue1"));
    QCOMPARE(MermaidWriter::nodeId(QStringLiteral("End")), QStringLiteral("id_End"));
    QCOMPARE(MermaidWriter::nodeId(QStringLiteral("a-b")), QStringLiteral("id_a_002d_b"));
}

void TestDiagramWriters::dot()
{
    const QString text = QString::fromUtf8(DotWriter().write(sample(), Catalogue::builtIn()));
    QVERIFY2(text.startsWith(QStringLiteral("digraph tributary {\n  rankdir=LR;\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  subgraph cluster_0 {\n    label=\"Data \\\"store\\\" & <files>\";\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("    \"Orders\" [label=\"Orders\\nDynamoDB table\", shape=cylinder, style=filled, "
                                          "fillcolor=\"#C925D1\", color=\"#C925D1\"];\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("  \"Worker\" [label=\"Worker\\nLambda function\", shape=box, "
                                          "style=\"rounded,filled\", fillcolor=\"#ED7100\", color=\"#ED7100\"];\n")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("shape=hexagon, style=filled, fillcolor=\"#E7157B\"")));
    QVERIFY(text.contains(QStringLiteral("shape=folder, style=filled, fillcolor=\"#7AA116\"")));
    QVERIFY(text.contains(QStringLiteral("shape=component, style=filled, fillcolor=\"#8C4FFF\"")));
    QVERIFY(text.contains(QStringLiteral("\"end\" [label=\"end\\nCustom::Thing\", shape=box, style=filled, fillcolor=\"#5A6B86\"")));
    QVERIFY(text.contains(QStringLiteral("  \"Api\" -> \"Worker\" [label=\"HTTP API route\", style=solid];\n")));
    QVERIFY(text.contains(QStringLiteral("  \"Uploads\" -> \"Worker\" [label=\"S3 notification\", style=dashed];\n")));
    QVERIFY(text.contains(QStringLiteral("  \"Worker\" -> \"Orders\" [label=\"Reads and writes items\", style=dotted];\n")));
    QVERIFY(text.contains(QStringLiteral("  \"Worker\" -> \"Jobs\" [label=\"On failure\", style=dashed];\n")));
    QVERIFY(text.contains(QStringLiteral("  \"end\" -> \"Jobs\" [label=\"Depends on\", style=dotted];\n")));
    QVERIFY(text.contains(QStringLiteral("  \"Jobs\" -> \"end\" [label=\"made\\\"Up<Rule>\", style=solid];\n")));
    QVERIFY2(!text.contains(QStringLiteral("Gone")), "an edge to a missing resource is left out");
    QVERIFY(text.endsWith(QStringLiteral("}\n")));
}

void TestDiagramWriters::dotEscapes()
{
    QCOMPARE(DotWriter::quote(QStringLiteral("a\"b\\c\nd")), QStringLiteral("\"a\\\"b\\\\c\\nd\""));
}

void TestDiagramWriters::dotRendersWithGraphviz()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
        QSKIP("Graphviz dot is not on PATH");
    const QString problem = dotProblem(DotWriter().write(sample(), Catalogue::builtIn()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Architecture example = TemplateReader::read(QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml"),
                                                      Catalogue::builtIn(), nullptr);
    QVERIFY(!example.connections().empty());
    const QByteArray text = DotWriter().write(example, Catalogue::builtIn());
    QCOMPARE(text.count(" -> "), static_cast<qsizetype>(example.connections().size()));
    const QString exampleProblem = dotProblem(text);
    QVERIFY2(exampleProblem.isEmpty(), qPrintable(exampleProblem));
}

void TestDiagramWriters::emptyArchitecture()
{
    const Architecture empty;
    QVERIFY(MermaidWriter().write(empty, Catalogue::builtIn()).startsWith("flowchart LR\n"));
    const QByteArray dot = DotWriter().write(empty, Catalogue::builtIn());
    QVERIFY(dot.endsWith("}\n"));
    if (!QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
        QVERIFY(dotProblem(dot).isEmpty());
}

QTEST_GUILESS_MAIN(TestDiagramWriters)
#include "tst_diagramwriters.moc"
