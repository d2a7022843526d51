#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

#include <optional>

namespace tributary {

class Architecture;
class Catalogue;

/** Whether a simulation scenario can run on an architecture, as the simulator itself decides. */
class ScenarioCheck
{
public:
    /**
     * Why simulation (the object under settings "simulation", or nothing for no scenario) cannot
     * run on architecture: what Scenario::fromSettings refuses and what building a Simulator
     * refuses (unknown resource ids, settings of the wrong type, invalid patterns), each naming
     * the key. Empty when it can run.
     */
    static QString problem(const Architecture& architecture, const Catalogue& catalogue,
                           const std::optional<JsonTree>& simulation);

    /** The key a problem names ("simulation/entries/0/resource"), or an empty string. */
    static QString keyOf(const QString& problem);
};

} // namespace tributary
