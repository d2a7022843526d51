#include "views/ScenarioText.h"

#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"
#include "model/tree/YamlTreeWriter.h"

#include <cmath>

namespace tributary {

QString ScenarioText::inlineText(const JsonTree& value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

std::optional<JsonTree> ScenarioText::readYaml(const QString& text, QString* problem, ParsedTree* parsed, int* errorLine)
{
    problem->clear();
    if (text.trimmed().isEmpty())
        return std::nullopt;
    try {
        ParsedTree tree = YamlTreeReader::read(text.toUtf8(), QString());
        JsonTree value = tree.value;
        if (parsed)
            *parsed = std::move(tree);
        return value;
    } catch (const TreeParseError& error) {
        QString where;
        if (error.line() > 0)
            where = error.column() > 0 ? QStringLiteral("line %1, column %2: ").arg(error.line()).arg(error.column())
                                       : QStringLiteral("line %1: ").arg(error.line());
        *problem = where + error.message();
        if (errorLine)
            *errorLine = error.line();
        return std::nullopt;
    }
}

QString ScenarioText::writeYaml(const JsonTree& value)
{
    return QString::fromUtf8(YamlTreeWriter::write(value));
}

JsonTree ScenarioText::number(double x)
{
    if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 9.0e15)
        return JsonTree(static_cast<long long>(x));
    return JsonTree(x);
}

std::optional<double> ScenarioText::readNumber(const QString& text)
{
    bool ok = false;
    const double x = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(x))
        return std::nullopt;
    return x;
}

} // namespace tributary
