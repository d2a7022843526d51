#pragma once

#include <QString>

#include <stdexcept>

namespace tributary {

/** An error whose message is a sentence for the user, naming the file and place where known. */
class MessageError : public std::runtime_error
{
public:
    explicit MessageError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    const QString& message() const { return m_message; }

private:
    QString m_message;
};

} // namespace tributary
