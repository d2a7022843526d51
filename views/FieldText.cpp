#include "views/FieldText.h"

namespace tributary {

namespace {

std::optional<JsonTree> intrinsic(const QString& text)
{
    const auto after = [&](const char* tag) { return text.mid(static_cast<int>(qstrlen(tag))).trimmed(); };
    if (text.startsWith(QLatin1String("!Ref ")))
        return JsonTree::object({{"Ref", after("!Ref ").toStdString()}});
    if (text.startsWith(QLatin1String("!GetAtt "))) {
        const QString name = after("!GetAtt ");
        const int dot = name.indexOf(QLatin1Char('.'));
        if (dot <= 0)
            return std::nullopt;
        return JsonTree::object({{"Fn::GetAtt", JsonTree::array({name.left(dot).toStdString(), name.mid(dot + 1).toStdString()})}});
    }
    if (text.startsWith(QLatin1String("!Sub ")))
        return JsonTree::object({{"Fn::Sub", after("!Sub ").toStdString()}});
    if (text.startsWith(QLatin1String("!ImportValue ")))
        return JsonTree::object({{"Fn::ImportValue", after("!ImportValue ").toStdString()}});
    return std::nullopt;
}

QString limitsProblem(double number, const PropertyField& field)
{
    if (field.minimum && number < *field.minimum)
        return QStringLiteral("%1 is at least %2").arg(field.label).arg(*field.minimum);
    if (field.maximum && number > *field.maximum)
        return QStringLiteral("%1 is at most %2").arg(field.label).arg(*field.maximum);
    return {};
}

} // namespace

QString FieldText::display(const std::optional<JsonTree>& value)
{
    if (!value || value->is_null())
        return {};
    if (value->is_string())
        return QString::fromStdString(value->get<std::string>());
    if (value->is_object() && value->size() == 1) {
        const std::string& key = value->begin().key();
        const JsonTree& argument = value->begin().value();
        if (key == "Ref" && argument.is_string())
            return QStringLiteral("!Ref ") + QString::fromStdString(argument.get<std::string>());
        if (key == "Fn::GetAtt" && argument.is_array() && argument.size() == 2 && argument[0].is_string()
            && argument[1].is_string())
            return QStringLiteral("!GetAtt %1.%2").arg(QString::fromStdString(argument[0].get<std::string>()),
                                                       QString::fromStdString(argument[1].get<std::string>()));
        if ((key == "Fn::Sub" || key == "Fn::ImportValue") && argument.is_string())
            return QStringLiteral("!%1 %2").arg(QString::fromStdString(key.substr(4)),
                                                 QString::fromStdString(argument.get<std::string>()));
    }
    return QString::fromStdString(value->dump());
}

std::optional<JsonTree> FieldText::parse(const QString& input, const PropertyField& field, QString* problem)
{
    problem->clear();
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (text.startsWith(QLatin1Char('!'))) {
        if (std::optional<JsonTree> value = intrinsic(text))
            return value;
        *problem = QStringLiteral("'%1' is not an intrinsic function Tributary reads here (!Ref, !GetAtt X.Attr, !Sub, !ImportValue)")
                       .arg(text.section(QLatin1Char(' '), 0, 0));
        return std::nullopt;
    }
    if (field.type == QLatin1String("integer") || field.type == QLatin1String("number")) {
        bool ok = false;
        const double number = text.toDouble(&ok);
        const bool whole = ok && number == static_cast<double>(static_cast<long long>(number));
        if (!ok || (field.type == QLatin1String("integer") && !whole)) {
            *problem = QStringLiteral("%1 must be %2").arg(field.label, field.type == QLatin1String("integer") ? QStringLiteral("a whole number") : QStringLiteral("a number"));
            return std::nullopt;
        }
        *problem = limitsProblem(number, field);
        if (!problem->isEmpty())
            return std::nullopt;
        return whole ? JsonTree(static_cast<long long>(number)) : JsonTree(number);
    }
    if (field.type == QLatin1String("boolean")) {
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return JsonTree(text == QLatin1String("true"));
        *problem = QStringLiteral("%1 is true or false").arg(field.label);
        return std::nullopt;
    }
    if (field.type == QLatin1String("enum")) {
        if (field.values.contains(text))
            return JsonTree(text.toStdString());
        *problem = QStringLiteral("%1 is one of %2").arg(field.label, field.values.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (field.type == QLatin1String("json") || field.type == QLatin1String("list")) {
        try {
            return JsonTree::parse(text.toStdString());
        } catch (const JsonTree::parse_error& error) {
            *problem = QStringLiteral("%1 is not valid JSON: %2").arg(field.label, QString::fromUtf8(error.what()).section(QLatin1Char(':'), -1).trimmed());
            return std::nullopt;
        }
    }
    return JsonTree(text.toStdString());
}

} // namespace tributary
