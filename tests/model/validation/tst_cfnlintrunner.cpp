#include "model/validation/CfnLintRunner.h"

#include <QtTest>

using namespace tributary;

/** Reading cfn-lint's JSON output as findings, and running it on a fixture with a known error. */
class TestCfnLintRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseMapsFindingsToResources()
    {
        const QByteArray output = R"([
            {"Filename": "t.yaml", "Level": "Error", "Message": "Additional properties are not allowed",
             "Location": {"Start": {"LineNumber": 6, "ColumnNumber": 7}, "End": {"LineNumber": 6, "ColumnNumber": 23},
                          "Path": ["Resources", "OrdersQueue", "Properties", "VisibilityTimout"]},
             "Rule": {"Id": "E3002", "Description": "d", "ShortDescription": "s", "Source": "u"}},
            {"Filename": "t.yaml", "Level": "Warning", "Message": "Parameter Unused not used.",
             "Location": {"Start": {"LineNumber": 3, "ColumnNumber": 3}, "Path": ["Parameters", "Unused"]},
             "Rule": {"Id": "W2001"}},
            {"Filename": "t.yaml", "Level": "Informational", "Message": "Item 1",
             "Location": {"Start": {"LineNumber": 9, "ColumnNumber": 9}, "Path": ["Resources", "Fn", "Properties", "Layers", 0]},
             "Rule": {"Id": "I3042"}},
            {"Filename": null, "Level": "Error", "Message": "could not be processed", "Location": {"Path": null}, "Rule": {"Id": "E0003"}}
        ])";
        std::vector<Finding> findings;
        QString problem;
        QVERIFY2(CfnLintRunner::parse(output, &findings, &problem), qPrintable(problem));
        QCOMPARE(findings.size(), std::size_t(4));
        QCOMPARE(findings[0].rule, QStringLiteral("cfn-lint:E3002"));
        QCOMPARE(findings[0].severity, Finding::Severity::Error);
        QCOMPARE(findings[0].resources, QStringList{QStringLiteral("OrdersQueue")});
        QCOMPARE(findings[0].pointer, QStringLiteral("/Resources/OrdersQueue/Properties/VisibilityTimout"));
        QCOMPARE(findings[0].location.line, 6);
        QCOMPARE(findings[0].location.column, 7);
        QCOMPARE(findings[0].message, QStringLiteral("Additional properties are not allowed"));
        QCOMPARE(findings[1].severity, Finding::Severity::Warning);
        QVERIFY(findings[1].resources.isEmpty());
        QCOMPARE(findings[1].pointer, QStringLiteral("/Parameters/Unused"));
        QCOMPARE(findings[2].severity, Finding::Severity::Info);
        QCOMPARE(findings[2].pointer, QStringLiteral("/Resources/Fn/Properties/Layers/0"));
        QCOMPARE(findings[3].rule, QStringLiteral("cfn-lint:E0003"));
        QVERIFY(findings[3].pointer.isEmpty());
        QCOMPARE(findings[3].location.line, 0);
    }

    void parseAcceptsNoOutputAndRejectsOtherText()
    {
        std::vector<Finding> findings;
        QString problem;
        QVERIFY(CfnLintRunner::parse("", &findings, &problem));
        QVERIFY(CfnLintRunner::parse("[]\n", &findings, &problem));
        QVERIFY(findings.empty());
        QVERIFY(!CfnLintRunner::parse("Traceback (most recent call last):", &findings, &problem));
        QVERIFY(!problem.isEmpty());
        QVERIFY(!CfnLintRunner::parse(R"({"Level": "Error"})", &findings, &problem));
    }

    void aMissingProgramIsAProblemNotACrash()
    {
        const CfnLintRunner::Result result =
            CfnLintRunner::run(QStringLiteral("template.yaml"), 5000, QStringLiteral("/nonexistent/cfn-lint"));
        QVERIFY(!result.ran);
        QVERIFY(!result.problem.isEmpty());
        QVERIFY(result.findings.empty());
    }

    void runFindsTheKnownError()
    {
        if (!CfnLintRunner::isAvailable())
            QSKIP("cfn-lint is not on PATH");
        const QString path = QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/validation/cfn-lint-unknown-property.yaml");
        const CfnLintRunner::Result result = CfnLintRunner::run(path);
        QVERIFY2(result.ran, qPrintable(result.problem));
        bool found = false;
        for (const Finding& finding : result.findings) {
            if (finding.rule != QLatin1String("cfn-lint:E3002"))
                continue;
            found = true;
            QCOMPARE(finding.resources, QStringList{QStringLiteral("OrdersQueue")});
            QCOMPARE(finding.severity, Finding::Severity::Error);
            QCOMPARE(finding.location.line, 6);
            QVERIFY(finding.message.contains(QLatin1String("VisibilityTimout")));
        }
        QVERIFY(found);
    }

    void runOnACleanTemplateFindsNothing()
    {
        if (!CfnLintRunner::isAvailable())
            QSKIP("cfn-lint is not on PATH");
        const CfnLintRunner::Result result =
            CfnLintRunner::run(QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/validation/clean.yaml"));
        QVERIFY2(result.ran, qPrintable(result.problem));
        QVERIFY(result.findings.empty());
    }
};

QTEST_GUILESS_MAIN(TestCfnLintRunner)
#include "tst_cfnlintrunner.moc"
