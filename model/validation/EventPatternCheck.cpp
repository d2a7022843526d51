#include "model/validation/EventPatternCheck.h"

#include "model/validation/ValidationSupport.h"

#include <QStringList>

namespace tributary {

namespace {

using Dialect = EventPatternCheck::Dialect;

const QStringList& operatorNames(Dialect dialect)
{
    static const QStringList eventPattern = {
        QStringLiteral("prefix"), QStringLiteral("suffix"),   QStringLiteral("anything-but"),
        QStringLiteral("numeric"), QStringLiteral("exists"),  QStringLiteral("equals-ignore-case"),
        QStringLiteral("wildcard"), QStringLiteral("cidr"),
    };
    static const QStringList sns = {
        QStringLiteral("prefix"), QStringLiteral("suffix"), QStringLiteral("anything-but"),
        QStringLiteral("numeric"), QStringLiteral("exists"), QStringLiteral("equals-ignore-case"),
        QStringLiteral("cidr"),
    };
    return dialect == Dialect::EventPattern ? eventPattern : sns;
}

bool isPlainValue(const JsonTree& value)
{
    return value.is_string() || value.is_number() || value.is_boolean() || value.is_null();
}

QString quoted(const QString& key)
{
    return QStringLiteral("'%1'").arg(key);
}

QString checkPattern(const JsonTree& pattern, Dialect dialect, const QString& path);

bool isStringOrStrings(const JsonTree& value)
{
    if (value.is_string() || ValidationSupport::isIntrinsic(value))
        return true;
    if (!value.is_array() || value.empty())
        return false;
    for (const JsonTree& item : value) {
        if (!item.is_string() && !ValidationSupport::isIntrinsic(item))
            return false;
    }
    return true;
}

QString checkNumeric(const JsonTree& argument, const QString& key)
{
    static const QStringList comparisons = {QStringLiteral("<"), QStringLiteral("<="), QStringLiteral("="),
                                            QStringLiteral(">"), QStringLiteral(">=")};
    const QString shape = QStringLiteral("%1 has a 'numeric' matcher that is not [operator, number] or "
                                         "[operator, number, operator, number]")
                              .arg(quoted(key));
    if (!argument.is_array() || (argument.size() != 2 && argument.size() != 4))
        return shape;
    for (std::size_t i = 0; i < argument.size(); i += 2) {
        if (!argument[i].is_string() || !comparisons.contains(QString::fromStdString(argument[i].get<std::string>())))
            return QStringLiteral("%1 has a 'numeric' matcher with the unknown comparison %2 (use <, <=, =, > or >=)")
                .arg(quoted(key), ValidationSupport::shortText(argument[i]));
        if (!argument[i + 1].is_number() && !ValidationSupport::isIntrinsic(argument[i + 1]))
            return QStringLiteral("%1 has a 'numeric' matcher comparing with %2, which is not a number")
                .arg(quoted(key), ValidationSupport::shortText(argument[i + 1]));
    }
    return {};
}

QString checkAnythingBut(const JsonTree& argument, Dialect dialect, const QString& key)
{
    if (isPlainValue(argument) && !argument.is_null())
        return {};
    if (argument.is_array()) {
        if (argument.empty())
            return QStringLiteral("%1 has an empty 'anything-but' list").arg(quoted(key));
        for (const JsonTree& item : argument) {
            if (!item.is_string() && !item.is_number() && !ValidationSupport::isIntrinsic(item))
                return QStringLiteral("%1 has an 'anything-but' list holding %2; it may hold only strings or numbers")
                    .arg(quoted(key), ValidationSupport::shortText(item));
        }
        return {};
    }
    if (argument.is_object() && argument.size() == 1) {
        const QString inner = QString::fromStdString(argument.begin().key());
        const bool known = inner == QLatin1String("prefix") || inner == QLatin1String("suffix")
            || inner == QLatin1String("equals-ignore-case")
            || (inner == QLatin1String("wildcard") && dialect == Dialect::EventPattern);
        if (!known)
            return QStringLiteral("%1 has an 'anything-but' matcher with the unknown key '%2'").arg(quoted(key), inner);
        if (!isStringOrStrings(argument.begin().value()))
            return QStringLiteral("%1 has an 'anything-but' '%2' that is not a string").arg(quoted(key), inner);
        return {};
    }
    return QStringLiteral("%1 has an 'anything-but' matcher of the wrong shape: %2")
        .arg(quoted(key), ValidationSupport::shortText(argument));
}

QString checkMatcher(const JsonTree& matcher, Dialect dialect, const QString& key)
{
    if (matcher.size() != 1)
        return QStringLiteral("%1 has a matcher object with %2 keys; a matcher has exactly one (%3)")
            .arg(quoted(key))
            .arg(matcher.size())
            .arg(operatorNames(dialect).join(QStringLiteral(", ")));
    const QString name = QString::fromStdString(matcher.begin().key());
    const JsonTree& argument = matcher.begin().value();
    if (!operatorNames(dialect).contains(name))
        return QStringLiteral("%1 uses the unknown matcher '%2' (known: %3)")
            .arg(quoted(key), name, operatorNames(dialect).join(QStringLiteral(", ")));
    if (ValidationSupport::isIntrinsic(argument))
        return {};
    if (name == QLatin1String("prefix") || name == QLatin1String("suffix")) {
        if (argument.is_string())
            return {};
        if (argument.is_object() && argument.size() == 1 && argument.begin().key() == "equals-ignore-case"
            && argument.begin().value().is_string())
            return {};
        return QStringLiteral("%1 has a '%2' matcher that is not a string").arg(quoted(key), name);
    }
    if (name == QLatin1String("equals-ignore-case") || name == QLatin1String("wildcard")
        || name == QLatin1String("cidr")) {
        if (argument.is_string())
            return {};
        return QStringLiteral("%1 has a '%2' matcher that is not a string").arg(quoted(key), name);
    }
    if (name == QLatin1String("exists")) {
        if (argument.is_boolean())
            return {};
        return QStringLiteral("%1 has an 'exists' matcher that is not true or false").arg(quoted(key));
    }
    if (name == QLatin1String("numeric"))
        return checkNumeric(argument, key);
    return checkAnythingBut(argument, dialect, key);
}

QString checkValues(const JsonTree& values, Dialect dialect, const QString& key)
{
    if (values.empty())
        return QStringLiteral("%1 has an empty list; give at least one value to match").arg(quoted(key));
    for (const JsonTree& value : values) {
        if (isPlainValue(value) || ValidationSupport::isIntrinsic(value))
            continue;
        if (value.is_object()) {
            const QString problem = checkMatcher(value, dialect, key);
            if (!problem.isEmpty())
                return problem;
            continue;
        }
        return QStringLiteral("%1 has a list inside its list of values").arg(quoted(key));
    }
    return {};
}

QString checkPattern(const JsonTree& pattern, Dialect dialect, const QString& path)
{
    if (pattern.empty())
        return path.isEmpty() ? QStringLiteral("the pattern is empty")
                              : QStringLiteral("%1 is an empty object").arg(quoted(path));
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        const QString keyPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        const JsonTree& value = it.value();
        if (ValidationSupport::isIntrinsic(value))
            continue;
        if (key == QLatin1String("$or")) {
            if (!value.is_array() || value.empty())
                return QStringLiteral("'$or'%1 must be a non-empty list of patterns")
                    .arg(path.isEmpty() ? QString() : QStringLiteral(" in %1").arg(quoted(path)));
            for (const JsonTree& choice : value) {
                if (ValidationSupport::isIntrinsic(choice))
                    continue;
                if (!choice.is_object())
                    return QStringLiteral("'$or' holds %1, which is not a pattern object")
                        .arg(ValidationSupport::shortText(choice));
                const QString problem = checkPattern(choice, dialect, path);
                if (!problem.isEmpty())
                    return problem;
            }
            continue;
        }
        if (value.is_object()) {
            if (dialect == Dialect::SnsAttributes)
                return QStringLiteral("%1 must be a list of values: a filter policy on message attributes "
                                      "cannot nest (set FilterPolicyScope to MessageBody to match the body)")
                    .arg(quoted(keyPath));
            const QString problem = checkPattern(value, dialect, keyPath);
            if (!problem.isEmpty())
                return problem;
            continue;
        }
        if (value.is_array()) {
            const QString problem = checkValues(value, dialect, keyPath);
            if (!problem.isEmpty())
                return problem;
            continue;
        }
        return QStringLiteral("%1 must be a list of values, e.g. [%2], not %2")
            .arg(quoted(keyPath), ValidationSupport::shortText(value));
    }
    return {};
}

} // namespace

QString EventPatternCheck::problem(const JsonTree& pattern, Dialect dialect)
{
    if (ValidationSupport::isIntrinsic(pattern))
        return {};
    if (pattern.is_string()) {
        const JsonTree parsed = JsonTree::parse(pattern.get<std::string>(), nullptr, false);
        if (parsed.is_discarded())
            return QStringLiteral("it is not valid JSON text");
        if (!parsed.is_object())
            return QStringLiteral("it must be a JSON object of keys to lists of values");
        return checkPattern(parsed, dialect, {});
    }
    if (!pattern.is_object())
        return QStringLiteral("it must be a JSON object of keys to lists of values, not %1")
            .arg(ValidationSupport::shortText(pattern));
    return checkPattern(pattern, dialect, {});
}

QString EventPatternCheck::filterCriteriaProblem(const JsonTree& criteria)
{
    if (ValidationSupport::isIntrinsic(criteria))
        return {};
    const JsonTree* filters = criteria.is_object() ? ValidationSupport::at(criteria, "/Filters") : nullptr;
    if (!filters)
        return QStringLiteral("it must be an object with a 'Filters' list");
    if (ValidationSupport::isIntrinsic(*filters))
        return {};
    if (!filters->is_array())
        return QStringLiteral("its 'Filters' must be a list of {\"Pattern\": ...} objects");
    for (std::size_t i = 0; i < filters->size(); ++i) {
        const JsonTree& filter = (*filters)[i];
        if (ValidationSupport::isIntrinsic(filter))
            continue;
        const JsonTree* pattern = filter.is_object() ? ValidationSupport::at(filter, "/Pattern") : nullptr;
        if (!pattern)
            return QStringLiteral("filter %1 has no 'Pattern'").arg(i + 1);
        const QString problem = EventPatternCheck::problem(*pattern, Dialect::EventPattern);
        if (!problem.isEmpty())
            return QStringLiteral("the pattern of filter %1 is wrong: %2").arg(i + 1).arg(problem);
    }
    return {};
}

} // namespace tributary
