#include "views/ScenarioCheck.h"

#include "model/Architecture.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/ScenarioError.h"
#include "model/simulation/Simulator.h"

#include <QRegularExpression>

namespace tributary {

QString ScenarioCheck::problem(const Architecture& architecture, const Catalogue& catalogue,
                               const std::optional<JsonTree>& simulation)
{
    JsonTree settings = JsonTree::object();
    if (simulation)
        settings["simulation"] = *simulation;
    try {
        const Simulator simulator(architecture, catalogue, Scenario::fromSettings(settings));
    } catch (const ScenarioError& error) {
        return error.message();
    } catch (const JsonTree::exception& error) {
        return QStringLiteral("simulation: %1").arg(QString::fromUtf8(error.what()));
    }
    return {};
}

QString ScenarioCheck::keyOf(const QString& problem)
{
    static const QRegularExpression key(QStringLiteral("^(simulation(/[^\\s:]+)?):"));
    const QRegularExpressionMatch match = key.match(problem);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace tributary
