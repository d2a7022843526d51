#pragma once

#include "model/tree/SourceLocation.h"

#include <QString>

#include <stdexcept>
#include <string>

namespace tributary {

/** A file that cannot be read as a tree; says where (file, line, column when known) and why. */
class TreeParseError : public std::runtime_error
{
public:
    /** line and column are 1-based; 0 means unknown. */
    TreeParseError(const QString& fileName, int line, int column, const QString& message);
    TreeParseError(const QString& fileName, const SourceLocation& location, const QString& message);

    const QString& fileName() const { return m_fileName; }
    int line() const { return m_line; }
    int column() const { return m_column; }
    const QString& message() const { return m_message; }

    /** "FILE:LINE:COLUMN: message", leaving out the parts that are unknown. */
    QString describe() const;

    /** UTF-8 text to quote in a message, cut to at most 80 characters. */
    static QString excerpt(const std::string& text);

private:
    static QString compose(const QString& fileName, int line, int column, const QString& message);

    QString m_fileName;
    int m_line = 0;
    int m_column = 0;
    QString m_message;
};

} // namespace tributary
