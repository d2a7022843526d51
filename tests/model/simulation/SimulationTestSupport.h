#pragma once

// Helpers shared by the simulation tests: architectures from template text, runs, and reading results.

#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"
#include "model/simulation/Scenario.h"
#include "model/simulation/Simulator.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tributary::test {

/** The architecture of a YAML template given as text. */
inline Architecture architectureFromYaml(const QByteArray& yaml)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("template.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(yaml);
    file.close();
    return TemplateReader::read(path, Catalogue::builtIn(), nullptr);
}

/** A simulator for the template text, its scenario read from its Metadata. */
inline std::unique_ptr<Simulator> simulatorFor(const QByteArray& yaml)
{
    const Architecture architecture = architectureFromYaml(yaml);
    return std::make_unique<Simulator>(architecture, Catalogue::builtIn(), Scenario::fromSettings(architecture.settings()));
}

/** Runs the template's scenario to the end and returns the results. */
inline JsonTree resultsFor(const QByteArray& yaml)
{
    std::unique_ptr<Simulator> simulator = simulatorFor(yaml);
    simulator->run();
    return simulator->resultsJson();
}

inline std::uint64_t count(const JsonTree& results, const char* resource, const char* key)
{
    return results["resources"][resource][key].get<std::uint64_t>();
}

} // namespace tributary::test
