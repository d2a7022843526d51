#pragma once

#include "model/tree/JsonTree.h"
#include "model/tree/ParsedTree.h"

#include <QString>

#include <optional>

namespace tributary {

/**
 * How the scenario editors show simulation settings as text and read them back: YAML read and
 * written by the project's own tree reader and writer, so what a person types means what it
 * would mean in the template.
 */
class ScenarioText
{
public:
    /** A setting on one line: strings as they are, numbers and booleans plainly, maps and lists as compact JSON (which is YAML too). */
    static QString inlineText(const JsonTree& value);

    /**
     * Reads YAML (JSON is YAML too). Blank text gives nothing with an empty problem; text that is
     * not YAML gives nothing with problem "line L, column C: why" (and errorLine L, when given).
     * parsed, when given, receives the tree with the position of every node.
     */
    static std::optional<JsonTree> readYaml(const QString& text, QString* problem, ParsedTree* parsed = nullptr,
                                            int* errorLine = nullptr);

    /** value as block YAML, ending in a newline. */
    static QString writeYaml(const JsonTree& value);

    /** x as JSON: an integer when it is whole, so it is written back as it was typed. */
    static JsonTree number(double x);

    /** A number typed by a person ("12", "0.5", " 3 "), or nothing. */
    static std::optional<double> readNumber(const QString& text);
};

} // namespace tributary
