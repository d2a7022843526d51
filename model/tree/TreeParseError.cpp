#include "model/tree/TreeParseError.h"

#include <algorithm>

namespace tributary {

TreeParseError::TreeParseError(const QString& fileName, int line, int column, const QString& message)
    : std::runtime_error(compose(fileName, line, column, message).toStdString())
    , m_fileName(fileName)
    , m_line(line > 0 ? line : 0)
    , m_column(line > 0 && column > 0 ? column : 0)
    , m_message(message)
{
}

TreeParseError::TreeParseError(const QString& fileName, const SourceLocation& location,
                               const QString& message)
    : TreeParseError(fileName, location.line, location.column, message)
{
}

QString TreeParseError::describe() const
{
    return compose(m_fileName, m_line, m_column, m_message);
}

QString TreeParseError::excerpt(const std::string& text)
{
    constexpr qsizetype maximum = 80;
    const std::size_t enoughBytes = std::min<std::size_t>(text.size(), 4 * (maximum + 1));
    const QString start = QString::fromUtf8(text.data(), static_cast<qsizetype>(enoughBytes));
    if (start.size() <= maximum)
        return start;
    return start.left(maximum - 1) + QChar(0x2026);
}

QString TreeParseError::compose(const QString& fileName, int line, int column, const QString& message)
{
    QString where = fileName;
    if (line > 0) {
        if (!where.isEmpty())
            where += QLatin1Char(':');
        where += QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

} // namespace tributary
