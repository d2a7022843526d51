#include "model/tree/TreeFileReader.h"

#include "model/tree/JsonTreeReader.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace tributary {

namespace {

QString tooLarge(qint64 size, qint64 limit)
{
    return QStringLiteral("the file is %1 bytes long, more than the limit of %2 bytes").arg(size).arg(limit);
}

} // namespace

ParsedTree TreeFileReader::read(const QString& path, const TreeReadLimits& limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw TreeParseError(path, 0, 0, QStringLiteral("the file does not exist"));
    if (info.isDir())
        throw TreeParseError(path, 0, 0, QStringLiteral("this is a folder, not a file"));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw TreeParseError(path, 0, 0, QStringLiteral("cannot open the file: %1").arg(file.errorString()));
    if (file.size() > limits.maxBytes)
        throw TreeParseError(path, 0, 0, tooLarge(file.size(), limits.maxBytes));

    QByteArray text;
    text.reserve(static_cast<qsizetype>(file.size()));
    while (text.size() <= limits.maxBytes) {
        const QByteArray piece = file.read(std::min<qint64>(1 << 20, limits.maxBytes + 1 - text.size()));
        if (piece.isEmpty())
            break;
        text += piece;
    }
    if (file.error() != QFileDevice::NoError)
        throw TreeParseError(path, 0, 0, QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    if (text.size() > limits.maxBytes)
        throw TreeParseError(path, 0, 0,
                             QStringLiteral("the file is more than the limit of %1 bytes long").arg(limits.maxBytes));

    if (detectFormat(path, text) == ParsedTree::Format::Json)
        return JsonTreeReader::read(text, path, limits);
    return YamlTreeReader::read(text, path, limits);
}

ParsedTree::Format TreeFileReader::detectFormat(const QString& path, const QByteArray& text)
{
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return ParsedTree::Format::Json;
    qsizetype position = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (position < text.size()
           && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n'
               || text[position] == '\r'))
        ++position;
    return position < text.size() && text[position] == '{' ? ParsedTree::Format::Json
                                                           : ParsedTree::Format::Yaml;
}

} // namespace tributary
