#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

/** Runs the real tributary-cli binary: the roundtrip and export subcommands. */
class TestCliExport : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    /** Runs the tool; with fileSizeLimit, the tool may write no file longer than that many bytes. */
    static Result runCli(const QStringList& arguments, qint64 fileSizeLimit = -1)
    {
        QProcess process;
        if (fileSizeLimit >= 0) {
            process.setChildProcessModifier([fileSizeLimit] {
                std::signal(SIGXFSZ, SIG_IGN);
                const rlimit limit{static_cast<rlim_t>(fileSizeLimit), static_cast<rlim_t>(fileSizeLimit)};
                setrlimit(RLIMIT_FSIZE, &limit);
            });
        }
        process.start(QStringLiteral(TRIBUTARY_CLI_PATH), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString fixture(const char* name)
    {
        return QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/templates/") + QString::fromLatin1(name);
    }

    static QByteArray contentsOf(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool save(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void helpListsTheCommands()
    {
        const Result result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("roundtrip FILE [-o OUT]"));
        QVERIFY(result.out.contains("export FILE --to FORMAT [-o OUT]"));
        const Result exportHelp = runCli({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(exportHelp.exitCode, 0);
        QVERIFY(exportHelp.out.contains("sam-yaml, sam-json, cfn-yaml, cfn-json (plain CloudFormation, SAM expanded), "
                                        "mermaid or dot"));
    }

    void roundtripWritesTheSameBytes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("yaml") << QStringLiteral("sections.yaml");
        QTest::newRow("long forms") << QStringLiteral("long-forms.yaml");
        QTest::newRow("json") << QStringLiteral("template.json");
    }

    void roundtripWritesTheSameBytes()
    {
        QFETCH(QString, name);
        const QString input = fixture(name.toLatin1().constData());
        QTemporaryDir dir;
        const QString output = dir.filePath(name);
        const Result result = runCli({QStringLiteral("roundtrip"), input, QStringLiteral("-o"), output});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.out.isEmpty());
        QCOMPARE(contentsOf(output), contentsOf(input));
    }

    void roundtripToStandardOutput()
    {
        const QString input = fixture("order-pipeline.yaml");
        const Result dash = runCli({QStringLiteral("roundtrip"), input, QStringLiteral("-o"), QStringLiteral("-")});
        QVERIFY2(dash.exitCode == 0, dash.err.constData());
        QCOMPARE(dash.out, contentsOf(input));
        const Result none = runCli({QStringLiteral("roundtrip"), input});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out, contentsOf(input));
    }

    void roundtripOfASourceTemplateAddsTheLayout()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("template.yaml"));
        QVERIFY(save(input, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue # the queue\n"));
        const Result result = runCli({QStringLiteral("roundtrip"), input});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out, QByteArray("Metadata:\n  Tributary:\n    layout:\n      Queue: [0, 0]\n\n"
                                        "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"));
    }

    void unreadableInputExitsWithThree()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("broken.yaml"));
        QVERIFY(save(input, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Queue:\n    Type: AWS::SNS::Topic\n"));
        const QString output = dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(save(output, "precious\n"));
        for (const QString& command : {QStringLiteral("roundtrip"), QStringLiteral("export")}) {
            QStringList arguments{command, input, QStringLiteral("-o"), output};
            if (command == QLatin1String("export"))
                arguments << QStringLiteral("--to") << QStringLiteral("sam-json");
            const Result result = runCli(arguments);
            QCOMPARE(result.exitCode, 3);
            QVERIFY2(result.err.contains((input + QStringLiteral(":4:3:")).toUtf8()), result.err.constData());
            QVERIFY2(result.err.contains("duplicate key"), result.err.constData());
            QCOMPARE(contentsOf(output), QByteArray("precious\n"));
        }
        const Result missing = runCli({QStringLiteral("roundtrip"), dir.filePath(QStringLiteral("missing.yaml"))});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.err.contains("missing.yaml"), missing.err.constData());
    }

    void unwritableOutputExitsWithThree()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("a-file"));
        QVERIFY(save(blocker, "x"));
        const QString inFile = blocker + QStringLiteral("/out.yaml");
        const Result underFile = runCli({QStringLiteral("roundtrip"), fixture("sections.yaml"), QStringLiteral("-o"), inFile});
        QCOMPARE(underFile.exitCode, 3);
        QVERIFY2(underFile.err.contains(("cannot write " + inFile).toUtf8()), underFile.err.constData());

        const Result toFolder = runCli({QStringLiteral("roundtrip"), fixture("sections.yaml"), QStringLiteral("-o"), dir.path()});
        QCOMPARE(toFolder.exitCode, 3);
        QVERIFY2(toFolder.err.contains(("cannot write " + dir.path()).toUtf8()), toFolder.err.constData());
    }

    void failedWriteLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(save(output, "the old file\n"));
        // The tool may not write more than 64 bytes to any file: the new template is longer.
        const Result result = runCli({QStringLiteral("roundtrip"), fixture("sections.yaml"), QStringLiteral("-o"), output}, 64);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(("cannot write " + output).toUtf8()), result.err.constData());
        QCOMPARE(contentsOf(output), QByteArray("the old file\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.yaml")});
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        const QString input = fixture("sections.yaml");
        QTest::newRow("roundtrip without file") << QStringList{QStringLiteral("roundtrip")} << QByteArray("missing argument");
        QTest::newRow("roundtrip two files") << QStringList{QStringLiteral("roundtrip"), input, input}
                                             << QByteArray("unexpected argument");
        QTest::newRow("roundtrip unknown option") << QStringList{QStringLiteral("roundtrip"), input, QStringLiteral("--to")}
                                                  << QByteArray("unknown option '--to'");
        QTest::newRow("roundtrip -o without value") << QStringList{QStringLiteral("roundtrip"), input, QStringLiteral("-o")}
                                                    << QByteArray("option '-o' needs a value");
        QTest::newRow("export without --to") << QStringList{QStringLiteral("export"), input} << QByteArray("missing --to FORMAT");
        QTest::newRow("export unknown format") << QStringList{QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("png")}
                                               << QByteArray("unknown format 'png'; choose one of sam-yaml, sam-json, "
                                                             "cfn-yaml, cfn-json, mermaid, dot");
        QTest::newRow("export without file") << QStringList{QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("dot")}
                                             << QByteArray("missing argument");
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Result result = runCli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void exportSam()
    {
        const QString yamlInput = fixture("sections.yaml");
        const Result json = runCli({QStringLiteral("export"), yamlInput, QStringLiteral("--to"), QStringLiteral("sam-json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.object().value(QStringLiteral("Resources")).toObject().contains(QStringLiteral("Worker")));

        QTemporaryDir dir;
        const QString jsonFile = dir.filePath(QStringLiteral("template.json"));
        QVERIFY(save(jsonFile, json.out));
        const Result back = runCli({QStringLiteral("export"), jsonFile, QStringLiteral("--to"), QStringLiteral("sam-yaml"),
                                    QStringLiteral("-o"), dir.filePath(QStringLiteral("back.yaml"))});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(contentsOf(dir.filePath(QStringLiteral("back.yaml"))), contentsOf(yamlInput));
    }

    void exportPlainCloudFormation()
    {
        const QString input = QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml");
        const Result yaml = runCli({QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("cfn-yaml")});
        QVERIFY2(yaml.exitCode == 0, yaml.err.constData());
        QVERIFY(!yaml.out.contains("Transform:"));
        QVERIFY(!yaml.out.contains("AWS::Serverless::"));
        QVERIFY(yaml.out.contains("  StoreOrders:\n    Type: AWS::Lambda::Function\n"));
        QVERIFY(yaml.out.contains("  StoreOrdersOrdersFromQueue:\n    Type: AWS::Lambda::EventSourceMapping\n"));
        QVERIFY(yaml.out.contains("Role: !GetAtt StoreOrdersRole.Arn"));

        QTemporaryDir dir;
        const QString jsonFile = dir.filePath(QStringLiteral("plain.json"));
        const Result json = runCli({QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("cfn-json"),
                                    QStringLiteral("-o"), jsonFile});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QJsonParseError error;
        const QJsonObject resources
            = QJsonDocument::fromJson(contentsOf(jsonFile), &error).object().value(QStringLiteral("Resources")).toObject();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(resources.value(QStringLiteral("AcceptOrderRole")).toObject().value(QStringLiteral("Type")).toString(),
                 QStringLiteral("AWS::IAM::Role"));
        QCOMPARE(resources.value(QStringLiteral("OrdersApi")).toObject().value(QStringLiteral("Type")).toString(),
                 QStringLiteral("AWS::ApiGatewayV2::Api"));
    }

    void plainCloudFormationWarningsAndRefusals()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("local.yaml"));
        QVERIFY(save(local, "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                            "    Properties: {Runtime: python3.12, Handler: a.b, CodeUri: src/}\n"));
        const Result warned = runCli({QStringLiteral("export"), local, QStringLiteral("--to"), QStringLiteral("cfn-yaml")});
        QCOMPARE(warned.exitCode, 0);
        QVERIFY2(warned.err.contains("warning: Fn: CodeUri 'src/' is a local path"), warned.err.constData());
        QVERIFY(warned.out.contains("Code: src/"));

        const QString application = dir.filePath(QStringLiteral("application.yaml"));
        QVERIFY(save(application, "Transform: AWS::Serverless-2016-10-31\nResources:\n  App:\n"
                                  "    Type: AWS::Serverless::Application\n    Properties:\n      Location:\n"
                                  "        ApplicationId: arn:aws:serverlessrepo:us-east-1:1:applications/x\n"
                                  "        SemanticVersion: 1.0.0\n"));
        const QString output = dir.filePath(QStringLiteral("out.yaml"));
        const Result refused = runCli({QStringLiteral("export"), application, QStringLiteral("--to"),
                                       QStringLiteral("cfn-yaml"), QStringLiteral("-o"), output});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("tributary-cli export: App: an AWS::Serverless::Application from the Serverless "
                                      "Application Repository cannot be expanded"),
                 refused.err.constData());
        QVERIFY(!QFile::exists(output));
    }

    void exportDiagrams()
    {
        const QString input = QStringLiteral(TRIBUTARY_SOURCE_DIR "/resources/examples/order-pipeline.yaml");
        const Result mermaid = runCli({QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("mermaid")});
        QVERIFY2(mermaid.exitCode == 0, mermaid.err.constData());
        QVERIFY(mermaid.out.startsWith("flowchart LR\n"));
        QVERIFY2(mermaid.out.contains("  OrdersQueue -->|\"SQS event source\"| StoreOrders\n"), mermaid.out.constData());

        QTemporaryDir dir;
        const QString dotFile = dir.filePath(QStringLiteral("diagram.dot"));
        const Result dot = runCli({QStringLiteral("export"), input, QStringLiteral("--to"), QStringLiteral("dot"),
                                   QStringLiteral("-o"), dotFile});
        QVERIFY2(dot.exitCode == 0, dot.err.constData());
        const QByteArray text = contentsOf(dotFile);
        QVERIFY(text.startsWith("digraph tributary {\n  rankdir=LR;\n"));
        QVERIFY(text.contains("\"OrdersQueue\" -> \"StoreOrders\" [label=\"SQS event source\", style=solid];"));
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            QSKIP("Graphviz dot is not on PATH");
        QProcess graphviz;
        graphviz.start(QStringLiteral("dot"), {QStringLiteral("-Tsvg"), dotFile});
        QVERIFY(graphviz.waitForFinished(30000));
        QCOMPARE(graphviz.exitCode(), 0);
        QVERIFY(graphviz.readAllStandardOutput().contains("<svg"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
