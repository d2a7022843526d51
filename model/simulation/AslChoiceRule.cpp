#include "model/simulation/AslChoiceRule.h"

#include "model/MessageError.h"

#include <QDateTime>

#include <utility>

namespace tributary {

namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/** StringMatches: '*' matches any run of characters; "\*" and "\\" stand for themselves. */
bool globMatches(const std::string& text, const std::string& pattern)
{
    std::size_t t = 0;
    std::size_t p = 0;
    std::size_t starAt = std::string::npos;
    std::size_t resumeAt = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            starAt = p++;
            resumeAt = t;
            continue;
        }
        if (p < pattern.size()) {
            const bool escaped = pattern[p] == '\\' && p + 1 < pattern.size();
            if ((escaped ? pattern[p + 1] : pattern[p]) == text[t]) {
                p += escaped ? 2 : 1;
                ++t;
                continue;
            }
        }
        if (starAt == std::string::npos)
            return false;
        p = starAt + 1;
        t = ++resumeAt;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool timestamp(const JsonTree& value, qint64& msecs)
{
    if (!value.is_string())
        return false;
    const QDateTime time = QDateTime::fromString(QString::fromStdString(value.get<std::string>()), Qt::ISODateWithMs);
    if (!time.isValid())
        return false;
    msecs = time.toMSecsSinceEpoch();
    return true;
}

template <typename T>
int order(const T& left, const T& right)
{
    return left < right ? -1 : (right < left ? 1 : 0);
}

QString quoted(const std::string& text)
{
    return QStringLiteral("'%1'").arg(QString::fromStdString(text));
}

} // namespace

bool AslChoiceRule::readOperator(const std::string& name, AslChoiceRule& rule)
{
    static const std::pair<const char*, Op> tests[] = {
        {"IsPresent", Op::IsPresent}, {"IsNull", Op::IsNull},       {"IsNumeric", Op::IsNumeric},
        {"IsString", Op::IsString},   {"IsBoolean", Op::IsBoolean}, {"IsTimestamp", Op::IsTimestamp},
    };
    // Longest suffixes first, so that "LessThanEquals" is not read as "LessThan".
    static const std::pair<const char*, Relation> relations[] = {
        {"LessThanEquals", Relation::LessEquals}, {"GreaterThanEquals", Relation::GreaterEquals},
        {"LessThan", Relation::Less},             {"GreaterThan", Relation::Greater},
        {"Equals", Relation::Equals},
    };
    static const std::pair<const char*, Family> families[] = {
        {"String", Family::String}, {"Numeric", Family::Numeric}, {"Boolean", Family::Boolean}, {"Timestamp", Family::Timestamp},
    };
    for (const auto& [test, op] : tests) {
        if (name == test) {
            rule.m_op = op;
            return true;
        }
    }
    if (name == "StringMatches") {
        rule.m_op = Op::Matches;
        return true;
    }
    rule.m_valueIsPath = endsWith(name, "Path");
    const std::string comparison = rule.m_valueIsPath ? name.substr(0, name.size() - 4) : name;
    for (const auto& [prefix, family] : families) {
        if (!startsWith(comparison, prefix))
            continue;
        const std::string relation = comparison.substr(std::char_traits<char>::length(prefix));
        for (const auto& [suffix, value] : relations) {
            if (relation != suffix || (family == Family::Boolean && value != Relation::Equals))
                continue;
            rule.m_op = Op::Compare;
            rule.m_family = family;
            rule.m_relation = value;
            return true;
        }
    }
    return false;
}

AslChoiceRule AslChoiceRule::compile(const JsonTree& rule)
{
    if (!rule.is_object())
        throw MessageError(QStringLiteral("a choice rule must be an object."));
    AslChoiceRule compiled;
    if (rule.contains("Condition")) {
        compiled.m_op = Op::Condition;
        return compiled;
    }
    for (const char* combinator : {"And", "Or"}) {
        const auto found = rule.find(combinator);
        if (found == rule.end())
            continue;
        if (!found->is_array() || found->empty())
            throw MessageError(QStringLiteral("%1 must be a non-empty list of rules.").arg(QLatin1String(combinator)));
        compiled.m_op = std::string(combinator) == "And" ? Op::And : Op::Or;
        for (const JsonTree& inner : *found)
            compiled.m_rules.push_back(compile(inner));
        return compiled;
    }
    const auto negated = rule.find("Not");
    if (negated != rule.end()) {
        compiled.m_op = Op::Not;
        compiled.m_rules.push_back(compile(*negated));
        return compiled;
    }
    const auto variable = rule.find("Variable");
    if (variable == rule.end() || !variable->is_string())
        throw MessageError(QStringLiteral("a choice rule needs a Variable (a path), or And, Or or Not."));
    compiled.m_variable = AslPath::compile(variable->get<std::string>());
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        if (it.key() == "Variable" || it.key() == "Next" || it.key() == "Comment")
            continue;
        if (!readOperator(it.key(), compiled))
            throw MessageError(QStringLiteral("%1 is not a comparison operator.").arg(quoted(it.key())));
        const bool typeTest = compiled.m_op != Op::Compare && compiled.m_op != Op::Matches;
        if (typeTest && !it.value().is_boolean())
            throw MessageError(QStringLiteral("%1 must be true or false.").arg(quoted(it.key())));
        if (compiled.m_op == Op::Matches && !it.value().is_string())
            throw MessageError(QStringLiteral("StringMatches must be a string."));
        if (compiled.m_valueIsPath) {
            if (!it.value().is_string())
                throw MessageError(QStringLiteral("%1 must be a path.").arg(quoted(it.key())));
            compiled.m_valuePath = AslPath::compile(it.value().get<std::string>());
        }
        compiled.m_value = it.value();
        return compiled;
    }
    throw MessageError(QStringLiteral("the rule on %1 has no comparison operator.").arg(quoted(variable->get<std::string>())));
}

bool AslChoiceRule::hasCondition() const
{
    if (m_op == Op::Condition)
        return true;
    for (const AslChoiceRule& rule : m_rules)
        if (rule.hasCondition())
            return true;
    return false;
}

AslChoiceRule::Result AslChoiceRule::evaluate(const JsonTree& input) const
{
    switch (m_op) {
    case Op::And:
    case Op::Or: {
        const Result stop = m_op == Op::And ? Result::False : Result::True;
        for (const AslChoiceRule& rule : m_rules) {
            const Result result = rule.evaluate(input);
            if (result == stop || result == Result::Runtime)
                return result;
        }
        return m_op == Op::And ? Result::True : Result::False;
    }
    case Op::Not: {
        const Result result = m_rules.front().evaluate(input);
        return result == Result::Runtime ? result : (result == Result::True ? Result::False : Result::True);
    }
    case Op::Condition:
        return Result::False;
    default:
        break;
    }
    const JsonTree* value = m_variable.find(input);
    if (m_op == Op::IsPresent)
        return (value != nullptr) == m_value.get<bool>() ? Result::True : Result::False;
    if (!value)
        return Result::Runtime;
    bool test = false;
    qint64 msecs = 0;
    switch (m_op) {
    case Op::IsNull: test = value->is_null(); break;
    case Op::IsNumeric: test = value->is_number(); break;
    case Op::IsString: test = value->is_string(); break;
    case Op::IsBoolean: test = value->is_boolean(); break;
    case Op::IsTimestamp: test = timestamp(*value, msecs); break;
    case Op::Matches:
        return value->is_string() && globMatches(value->get<std::string>(), m_value.get<std::string>())
            ? Result::True
            : Result::False;
    default: {
        const JsonTree* right = m_valueIsPath ? m_valuePath.find(input) : &m_value;
        return right ? compare(*value, *right) : Result::Runtime;
    }
    }
    return test == m_value.get<bool>() ? Result::True : Result::False;
}

AslChoiceRule::Result AslChoiceRule::compare(const JsonTree& left, const JsonTree& right) const
{
    int sign = 0;
    qint64 leftTime = 0;
    qint64 rightTime = 0;
    switch (m_family) {
    case Family::String:
        if (!left.is_string() || !right.is_string())
            return Result::False;
        sign = order(left.get<std::string>(), right.get<std::string>());
        break;
    case Family::Numeric:
        if (!left.is_number() || !right.is_number())
            return Result::False;
        sign = order(left.get<double>(), right.get<double>());
        break;
    case Family::Boolean:
        if (!left.is_boolean() || !right.is_boolean())
            return Result::False;
        sign = left.get<bool>() == right.get<bool>() ? 0 : 1;
        break;
    case Family::Timestamp:
        if (!timestamp(left, leftTime) || !timestamp(right, rightTime))
            return Result::False;
        sign = order(leftTime, rightTime);
        break;
    }
    bool holds = false;
    switch (m_relation) {
    case Relation::Equals: holds = sign == 0; break;
    case Relation::Less: holds = sign < 0; break;
    case Relation::Greater: holds = sign > 0; break;
    case Relation::LessEquals: holds = sign <= 0; break;
    case Relation::GreaterEquals: holds = sign >= 0; break;
    }
    return holds ? Result::True : Result::False;
}

} // namespace tributary
