#pragma once

#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace tributary {

/**
 * Writes a picture of a whole scene: the items' bounding rect plus a margin, on the scene palette's
 * base colour. Files are written atomically: a failed export leaves no file and the old one intact.
 */
class SceneImageWriter
{
public:
    /** Scene units around the items. */
    static constexpr qreal margin = 24;

    /** The scene rect a picture shows: the visible items' bounding rect grown by margin. */
    static QRectF pictureRect(QGraphicsScene* scene);

    /** Writes an SVG, one SVG unit per scene unit; returns why it failed (naming path), or an empty string. */
    static QString writeSvg(QGraphicsScene* scene, const QString& path);
    /** Writes a PNG of pictureRect() scaled by scale; returns why it failed (naming path), or an empty string. */
    static QString writePng(QGraphicsScene* scene, const QString& path, qreal scale = 2.0);
};

} // namespace tributary
