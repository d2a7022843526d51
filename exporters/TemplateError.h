#pragma once

#include <QString>

#include <stdexcept>

namespace tributary {

/** A template that parses but is not a template Tributary can open; the message names the file and where. */
class TemplateError : public std::runtime_error
{
public:
    explicit TemplateError(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    const QString& message() const { return m_message; }

private:
    QString m_message;
};

} // namespace tributary
