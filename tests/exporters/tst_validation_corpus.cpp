// The validator over every template of the shared corpus (real templates written by others): it
// never throws, its findings name resources and connections that exist, and every template on
// which cfn-lint reports an unused parameter (W2001) gets TRIB-W004 too.

#include "exporters/TemplateReader.h"
#include "model/MessageError.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/TreeParseError.h"
#include "model/validation/Validator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace tributary;

class TestValidationCorpus : public QObject
{
    Q_OBJECT

private:
    static QStringList templates(const QString& folder)
    {
        QDir directory(QStringLiteral(TRIBUTARY_CORPUS_DIR "/") + folder);
        QStringList paths;
        for (const QString& name : directory.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                                                       QDir::Files, QDir::Name))
            paths.append(directory.filePath(name));
        return paths;
    }

    /** The findings for a template, or nothing when the reader refuses it (that is the reader's test). */
    static std::optional<std::vector<Finding>> validate(const QString& path, Architecture* architecture)
    {
        try {
            QStringList warnings;
            *architecture = TemplateReader::read(path, Catalogue::builtIn(), &warnings);
        } catch (const TreeParseError&) {
            return std::nullopt;
        } catch (const MessageError&) {
            return std::nullopt;
        }
        return Validator::withBuiltInRules().validate(*architecture, Catalogue::builtIn());
    }

private Q_SLOTS:
    void findingsNameWhatExists()
    {
        const QStringList paths = templates(QStringLiteral("serverless-patterns")) + templates(QStringLiteral("sam-translator"));
        if (paths.isEmpty())
            QSKIP("the shared corpus is not beside the checkout");
        int validated = 0;
        int findings = 0;
        for (const QString& path : paths) {
            Architecture architecture;
            const auto found = validate(path, &architecture);
            if (!found)
                continue;
            ++validated;
            findings += static_cast<int>(found->size());
            for (const Finding& finding : *found) {
                const QString where = QStringLiteral("%1: %2 %3").arg(QFileInfo(path).fileName(), finding.rule, finding.message);
                QVERIFY2(!finding.message.contains(QLatin1String("failed on this architecture")), qPrintable(where));
                for (const QString& id : finding.resources)
                    QVERIFY2(architecture.resource(id), qPrintable(where));
                for (const QString& id : finding.connections)
                    QVERIFY2(architecture.connection(id), qPrintable(where));
                QVERIFY2(finding.pointer.isEmpty() || finding.pointer.startsWith(QLatin1Char('/')), qPrintable(where));
            }
        }
        QVERIFY2(validated > 300, qPrintable(QString::number(validated)));
        qInfo("%d templates validated, %d findings", validated, findings);
    }

    void unusedParametersCoverCfnLint()
    {
        QFile file(QStringLiteral(TRIBUTARY_CORPUS_DIR "/serverless-patterns.cfn-lint.json"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("the shared corpus is not beside the checkout");
        const QJsonObject recorded = QJsonDocument::fromJson(file.readAll()).object();
        int compared = 0;
        for (auto it = recorded.begin(); it != recorded.end(); ++it) {
            if (!it.value().toObject().value(QStringLiteral("warnings")).toVariant().toStringList().contains(QStringLiteral("W2001")))
                continue;
            Architecture architecture;
            const auto found = validate(QStringLiteral(TRIBUTARY_CORPUS_DIR "/serverless-patterns/") + it.key(), &architecture);
            if (!found)
                continue;
            ++compared;
            bool reported = false;
            for (const Finding& finding : *found)
                reported = reported || finding.rule == QLatin1String("TRIB-W004");
            QVERIFY2(reported, qPrintable(it.key()));
        }
        QVERIFY(compared > 0);
    }
};

QTEST_GUILESS_MAIN(TestValidationCorpus)
#include "tst_validation_corpus.moc"
