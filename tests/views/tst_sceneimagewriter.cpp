#include "exporters/TemplateReader.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "views/ArchitectureScene.h"
#include "views/ResourceItem.h"
#include "views/SceneImageWriter.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace tributary;

namespace {

/** A folder no file can be made in: a read-only one, or /proc when permissions do not hold (root). */
QString unwritableFolder(const QTemporaryDir& parent)
{
    const QString folder = parent.filePath(QStringLiteral("locked"));
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
    QFile probe(QDir(folder).filePath(QStringLiteral("probe")));
    if (!probe.open(QIODevice::WriteOnly))
        return folder;
    probe.close();
    probe.remove();
    return QStringLiteral("/proc");
}

} // namespace

class TestSceneImageWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<Document>(Catalogue::builtIn());
        m_document->resetArchitecture(TemplateReader::read(QStringLiteral(":/examples/order-pipeline.yaml"),
                                                           Catalogue::builtIn(), nullptr));
        m_scene = std::make_unique<ArchitectureScene>(m_document.get());
        QVERIFY(m_directory.isValid());
    }

    void cleanup()
    {
        m_scene.reset();
        m_document.reset();
    }

    void pictureRectHoldsEveryVisibleNode()
    {
        const QRectF rect = SceneImageWriter::pictureRect(m_scene.get());
        const QSet<QString> hidden = m_document->architecture().carrierIds();
        for (const Resource& resource : m_document->architecture().resources()) {
            if (hidden.contains(resource.id))
                continue;
            const QRectF node = m_scene->resourceItem(resource.id)->sceneBoundingRect();
            QVERIFY2(rect.adjusted(SceneImageWriter::margin, SceneImageWriter::margin, -SceneImageWriter::margin,
                                   -SceneImageWriter::margin)
                         .contains(node),
                     qPrintable(resource.id));
        }
    }

    void pngHasTheSceneSizeAndContent()
    {
        const QString path = m_directory.filePath(QStringLiteral("order.png"));
        QCOMPARE(SceneImageWriter::writePng(m_scene.get(), path, 1.5), QString());
        QImage image(path);
        QVERIFY(!image.isNull());
        const QRectF rect = SceneImageWriter::pictureRect(m_scene.get());
        QCOMPARE(image.width(), static_cast<int>(std::ceil(rect.width() * 1.5)));
        QCOMPARE(image.height(), static_cast<int>(std::ceil(rect.height() * 1.5)));
        const QRgb background = m_scene->palette().base().color().rgb();
        QCOMPARE(image.pixel(0, 0), background);
        int painted = 0;
        const QImage pixels = image.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < pixels.height(); y += 2) {
            for (int x = 0; x < pixels.width(); x += 2)
                painted += pixels.pixel(x, y) != background ? 1 : 0;
        }
        QVERIFY2(painted > pixels.width() * pixels.height() / 400, qPrintable(QString::number(painted)));
    }

    void svgParsesAndNamesTheResources()
    {
        const QString path = m_directory.filePath(QStringLiteral("order.svg"));
        QCOMPARE(SceneImageWriter::writeSvg(m_scene.get(), path), QString());
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("AcceptOrder"));
        QVERIFY(text.contains("OrdersQueue"));
        const QRectF rect = SceneImageWriter::pictureRect(m_scene.get());
        QCOMPARE(renderer.viewBoxF().size(), rect.size());
    }

    void emptySceneGivesAMarginOnlyPicture()
    {
        Document empty(Catalogue::builtIn());
        ArchitectureScene scene(&empty);
        const QString path = m_directory.filePath(QStringLiteral("empty.png"));
        QCOMPARE(SceneImageWriter::writePng(&scene, path, 1.0), QString());
        QCOMPARE(QImage(path).size(), QSize(2 * SceneImageWriter::margin, 2 * SceneImageWriter::margin));
    }

    void failedWritesNameThePathAndLeaveNoFile_data()
    {
        QTest::addColumn<bool>("svg");
        QTest::addColumn<bool>("missingFolder");
        QTest::newRow("png, missing folder") << false << true;
        QTest::newRow("svg, missing folder") << true << true;
        QTest::newRow("png, read-only folder") << false << false;
        QTest::newRow("svg, read-only folder") << true << false;
    }

    void failedWritesNameThePathAndLeaveNoFile()
    {
        QFETCH(bool, svg);
        QFETCH(bool, missingFolder);
        const QString folder = missingFolder ? m_directory.filePath(QStringLiteral("no/such/folder"))
                                             : unwritableFolder(m_directory);
        const QString path = QDir(folder).filePath(svg ? QStringLiteral("out.svg") : QStringLiteral("out.png"));
        const QString problem = svg ? SceneImageWriter::writeSvg(m_scene.get(), path)
                                    : SceneImageWriter::writePng(m_scene.get(), path);
        QVERIFY2(problem.contains(path), qPrintable(problem));
        QVERIFY(!QFile::exists(path));
        if (QDir(folder).exists() && folder != QStringLiteral("/proc"))
            QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Document> m_document;
    std::unique_ptr<ArchitectureScene> m_scene;
};

QTEST_MAIN(TestSceneImageWriter)
#include "tst_sceneimagewriter.moc"
