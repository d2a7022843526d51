#pragma once

#include <QString>

#include <stdexcept>

namespace tributary {

/** A catalogue that cannot be used; the message names the file, the key and the line. */
class CatalogueError : public std::runtime_error
{
public:
    explicit CatalogueError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    const QString& message() const { return m_message; }

private:
    QString m_message;
};

} // namespace tributary
