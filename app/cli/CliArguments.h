#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace tributary {

class CliCommand;

/**
 * The arguments of one subcommand: flags (e.g. --json), options that take a value (e.g. -o OUT,
 * --to FORMAT) and positional arguments, checked against what the subcommand accepts.
 */
class CliArguments
{
public:
    CliArguments(const CliCommand& command, const QStringList& arguments, const QStringList& flags,
                 const QStringList& valueOptions);

    /**
     * False, after writing a usage message to err, when an argument is unknown, an option lacks its
     * value, or the number of positional arguments is outside [minimum, maximum].
     */
    bool isValid(QTextStream& err, int minimumPositional, int maximumPositional) const;

    bool has(const QString& flag) const { return m_flags.contains(flag); }
    /** The value given to an option, or fallback. */
    QString value(const QString& option, const QString& fallback = {}) const { return m_values.value(option, fallback); }
    const QStringList& positional() const { return m_positional; }

private:
    const CliCommand& m_command;
    QStringList m_flags;
    QHash<QString, QString> m_values;
    QStringList m_positional;
    QString m_problem;
};

} // namespace tributary
