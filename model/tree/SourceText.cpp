#include "model/tree/SourceText.h"

#include "model/tree/TreeParseError.h"

#include <QStringConverter>
#include <QStringDecoder>

#include <algorithm>
#include <cstring>

namespace tributary {

SourceText::SourceText(const QByteArray& raw, const QString& fileName)
{
    static const char utf8Bom[] = "\xEF\xBB\xBF";
    if (raw.startsWith(utf8Bom)) {
        m_utf8 = raw.mid(3);
    } else {
        const std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(raw);
        if (encoding && *encoding != QStringConverter::Utf8) {
            QStringDecoder decoder(*encoding);
            const QString text = decoder.decode(raw);
            if (decoder.hasError())
                throw TreeParseError(fileName, 0, 0,
                                     QStringLiteral("the file is not valid %1 text")
                                         .arg(QLatin1String(QStringConverter::nameForEncoding(*encoding))));
            m_utf8 = text.toUtf8();
        } else {
            m_utf8 = raw;
        }
    }

    m_lineStarts.push_back(0);
    const char* const begin = m_utf8.constData();
    const char* const end = begin + m_utf8.size();
    for (const char* p = begin; p < end;) {
        const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (!found)
            break;
        p = static_cast<const char*>(found) + 1;
        m_lineStarts.push_back(static_cast<std::size_t>(p - begin));
    }
}

SourceText SourceText::forReading(const QByteArray& raw, const QString& fileName, const TreeReadLimits& limits)
{
    if (raw.size() > limits.maxBytes)
        throw TreeParseError(fileName, 0, 0,
                             QStringLiteral("the file is %1 bytes long, more than the limit of %2 bytes")
                                 .arg(raw.size())
                                 .arg(limits.maxBytes));
    SourceText source(raw, fileName);
    if (source.isBlank())
        throw TreeParseError(fileName, 0, 0, QStringLiteral("the file is empty"));
    return source;
}

bool SourceText::isBlank() const
{
    return std::all_of(m_utf8.cbegin(), m_utf8.cend(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

SourceLocation SourceText::locate(std::size_t offset) const
{
    offset = std::min(offset, static_cast<std::size_t>(m_utf8.size()));
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    const auto line = static_cast<std::size_t>(std::prev(next) - m_lineStarts.cbegin());

    std::size_t from = m_lineStarts[line];
    int column = 1;
    if (line == m_lastLine && offset >= m_lastOffset) {
        from = m_lastOffset;
        column = m_lastColumn;
    }
    for (std::size_t i = from; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_utf8[static_cast<qsizetype>(i)]) & 0xC0) != 0x80)
            ++column;
    }
    m_lastOffset = offset;
    m_lastLine = line;
    m_lastColumn = column;
    return SourceLocation{static_cast<int>(line) + 1, column};
}

bool SourceText::isValidUtf8(const char* data, std::size_t size)
{
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    const auto* const end = p + size;
    while (p < end) {
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        std::uint32_t codePoint = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false;
        }
        if (end - p < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (p[i] & 0x3F);
        }
        if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000)
            || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        p += length;
    }
    return true;
}

} // namespace tributary
