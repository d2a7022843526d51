#pragma once

#include "model/tree/SourceLocation.h"
#include "model/tree/TreeReadLimits.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <vector>

namespace tributary {

/** The text of a file as UTF-8, with a map from byte offsets to lines and columns. */
class SourceText
{
public:
    /**
     * Takes raw file bytes: a UTF-8 byte-order mark is dropped, UTF-16 or UTF-32 text that starts
     * with a byte-order mark is converted to UTF-8. Throws TreeParseError naming fileName when such
     * text cannot be decoded. Other bytes are kept as they are.
     */
    SourceText(const QByteArray& raw, const QString& fileName);

    /** The text of a file a reader is given: throws TreeParseError when it is over the size limit or empty. */
    static SourceText forReading(const QByteArray& raw, const QString& fileName, const TreeReadLimits& limits);

    const QByteArray& utf8() const { return m_utf8; }

    /** True when the text holds nothing but spaces, tabs and line breaks. */
    bool isBlank() const;

    /**
     * Line and column of the byte at offset in utf8(); offsets past the end give the end.
     * Cheap for offsets that grow from one call to the next, as a reader's do.
     */
    SourceLocation locate(std::size_t offset) const;

    /** True when data is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF). */
    static bool isValidUtf8(const char* data, std::size_t size);

private:
    QByteArray m_utf8;
    std::vector<std::size_t> m_lineStarts;
    mutable std::size_t m_lastOffset = 0;
    mutable std::size_t m_lastLine = 0;
    mutable int m_lastColumn = 1;
};

} // namespace tributary
