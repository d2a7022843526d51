#include "app/cli/CliArguments.h"

#include "app/cli/CliCommand.h"

namespace tributary {

CliArguments::CliArguments(const CliCommand& command, const QStringList& arguments, const QStringList& flags,
                           const QStringList& valueOptions)
    : m_command(command)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (flags.contains(argument)) {
            m_flags.append(argument);
        } else if (valueOptions.contains(argument)) {
            if (i + 1 >= arguments.size()) {
                m_problem = QStringLiteral("option '%1' needs a value").arg(argument);
                return;
            }
            m_values.insert(argument, arguments[++i]);
        } else if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1) {
            m_problem = QStringLiteral("unknown option '%1'").arg(argument);
            return;
        } else {
            m_positional.append(argument);
        }
    }
}

bool CliArguments::isValid(QTextStream& err, int minimumPositional, int maximumPositional) const
{
    QString problem = m_problem;
    if (problem.isEmpty() && m_positional.size() < minimumPositional)
        problem = QStringLiteral("missing argument");
    if (problem.isEmpty() && m_positional.size() > maximumPositional)
        problem = QStringLiteral("unexpected argument '%1'").arg(m_positional.value(maximumPositional));
    if (problem.isEmpty())
        return true;
    err << "tributary-cli " << m_command.name() << ": " << problem << ".\n"
        << "Usage: tributary-cli " << m_command.name() << " " << m_command.synopsis() << "\n";
    return false;
}

} // namespace tributary
