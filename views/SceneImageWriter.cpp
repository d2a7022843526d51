#include "views/SceneImageWriter.h"

#include "exporters/AtomicFile.h"
#include "views/ArchitectureScene.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>

#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace tributary {

namespace {

/**
 * Renders the picture rect of scene into target rect of painter, every item drawn afresh (a cached
 * pixmap would be blurred when scaled and would turn text into images in an SVG).
 */
void renderScene(QGraphicsScene* scene, QPainter* painter, const QRectF& target)
{
    const QRectF source = SceneImageWriter::pictureRect(scene);
    auto* architecture = qobject_cast<ArchitectureScene*>(scene);
    const bool overview = architecture && architecture->isOverview();
    if (overview)
        architecture->setOverview(false);
    std::vector<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> cached;
    for (QGraphicsItem* item : scene->items()) {
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            cached.emplace_back(item, item->cacheMode());
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    painter->fillRect(target, scene->palette().base());
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene->render(painter, target, source, Qt::KeepAspectRatio);
    for (const auto& [item, mode] : cached)
        item->setCacheMode(mode);
    if (overview)
        architecture->setOverview(true);
}

/** Encodes with encode into memory, then writes the bytes to path atomically. */
QString writeEncoded(const QString& path, const std::function<bool(QBuffer*)>& encode)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!encode(&buffer))
        return QStringLiteral("%1: the picture cannot be made").arg(QFileInfo(path).filePath());
    buffer.close();
    const QString problem = AtomicFile::write(path, buffer.data());
    return problem.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(QFileInfo(path).filePath(), problem);
}

} // namespace

QRectF SceneImageWriter::pictureRect(QGraphicsScene* scene)
{
    QRectF bounds;
    for (QGraphicsItem* item : scene->items()) {
        if (item->isVisible())
            bounds |= item->sceneBoundingRect();
    }
    return bounds.adjusted(-margin, -margin, margin, margin);
}

QString SceneImageWriter::writeSvg(QGraphicsScene* scene, const QString& path)
{
    return writeEncoded(path, [scene, &path](QBuffer* buffer) {
        const QRectF source = pictureRect(scene);
        const QRectF target(QPointF(0, 0), source.size());
        QSvgGenerator generator;
        generator.setOutputDevice(buffer);
        generator.setSize(QSize(static_cast<int>(std::ceil(source.width())), static_cast<int>(std::ceil(source.height()))));
        generator.setViewBox(target);
        generator.setTitle(QFileInfo(path).completeBaseName());
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        renderScene(scene, &painter, target);
        return painter.end();
    });
}

QString SceneImageWriter::writePng(QGraphicsScene* scene, const QString& path, qreal scale)
{
    return writeEncoded(path, [scene, scale](QBuffer* buffer) {
        const QSizeF size = pictureRect(scene).size() * scale;
        QImage image(static_cast<int>(std::ceil(size.width())), static_cast<int>(std::ceil(size.height())),
                     QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return false;
        QPainter painter(&image);
        renderScene(scene, &painter, QRectF(QPointF(0, 0), size));
        painter.end();
        return image.save(buffer, "PNG");
    });
}

} // namespace tributary
