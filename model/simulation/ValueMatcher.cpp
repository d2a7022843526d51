#include "model/simulation/ValueMatcher.h"

#include "model/MessageError.h"

#include <QString>

#include <algorithm>

namespace tributary {

namespace {

[[noreturn]] void fail(const std::string& path, const QString& problem)
{
    throw MessageError(QStringLiteral("key '%1': %2").arg(QString::fromStdString(path), problem));
}

QString shortText(const JsonTree& value)
{
    const std::string text = value.dump();
    return QString::fromStdString(text.size() > 60 ? text.substr(0, 57) + "..." : text);
}

bool isAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/** The Unicode case folding of text (ASCII without allocating through Qt). */
std::string folded(const std::string& text)
{
    if (isAscii(text)) {
        std::string lower(text);
        std::transform(lower.begin(), lower.end(), lower.begin(), asciiLower);
        return lower;
    }
    return QString::fromStdString(text).toCaseFolded().toStdString();
}

/** Whether text, case-folded, begins (or, when fromEnd, ends) with `foldedPart`. */
bool foldedPartAt(const std::string& text, const std::string& foldedPart, bool fromEnd)
{
    if (!isAscii(text)) {
        const std::string foldedText = folded(text);
        return foldedText.size() >= foldedPart.size()
            && foldedText.compare(fromEnd ? foldedText.size() - foldedPart.size() : 0, foldedPart.size(), foldedPart) == 0;
    }
    if (text.size() < foldedPart.size())
        return false;
    const std::size_t offset = fromEnd ? text.size() - foldedPart.size() : 0;
    for (std::size_t i = 0; i < foldedPart.size(); ++i) {
        if (asciiLower(text[offset + i]) != foldedPart[i])
            return false;
    }
    return true;
}

bool startsWith(const std::string& text, const std::string& part)
{
    return text.size() >= part.size() && text.compare(0, part.size(), part) == 0;
}

bool endsWith(const std::string& text, const std::string& part)
{
    return text.size() >= part.size() && text.compare(text.size() - part.size(), part.size(), part) == 0;
}

bool parseIpv4(const std::string& text, std::size_t from, std::size_t to, std::uint8_t* out)
{
    int part = 0;
    std::size_t at = from;
    while (part < 4) {
        std::size_t digits = 0;
        int value = 0;
        while (at < to && text[at] >= '0' && text[at] <= '9' && digits < 3) {
            value = value * 10 + (text[at] - '0');
            ++at;
            ++digits;
        }
        if (digits == 0 || value > 255 || (digits > 1 && text[at - digits] == '0'))
            return false;
        out[part++] = static_cast<std::uint8_t>(value);
        if (part < 4) {
            if (at >= to || text[at] != '.')
                return false;
            ++at;
        }
    }
    return at == to;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/** text[from, to) as an IPv6 address ("::" compression and a dotted IPv4 tail allowed). */
bool parseIpv6(const std::string& text, std::size_t from, std::size_t to, std::uint8_t* out)
{
    std::array<std::uint16_t, 8> groups{};
    int count = 0;
    int gap = -1;
    std::size_t at = from;
    if (to - from >= 2 && text.compare(from, 2, "::") == 0) {
        gap = 0;
        at += 2;
    }
    while (at < to) {
        if (count == 8)
            return false;
        const std::size_t dot = text.find('.', at);
        if (dot != std::string::npos && dot < to) {
            std::uint8_t v4[4];
            if (count > 6 || !parseIpv4(text, at, to, v4))
                return false;
            groups[count++] = static_cast<std::uint16_t>(v4[0] << 8 | v4[1]);
            groups[count++] = static_cast<std::uint16_t>(v4[2] << 8 | v4[3]);
            at = to;
            break;
        }
        int value = 0;
        std::size_t digits = 0;
        while (at < to && digits < 4 && hexDigit(text[at]) >= 0) {
            value = value * 16 + hexDigit(text[at]);
            ++at;
            ++digits;
        }
        if (digits == 0)
            return false;
        groups[count++] = static_cast<std::uint16_t>(value);
        if (at == to)
            break;
        if (text[at] != ':')
            return false;
        ++at;
        if (at < to && text[at] == ':') {
            if (gap >= 0)
                return false;
            gap = count;
            ++at;
        } else if (at == to) {
            return false;
        }
    }
    if (gap < 0 && count != 8)
        return false;
    if (gap >= 0 && count == 8)
        return false;
    std::array<std::uint16_t, 8> full{};
    const int tail = gap < 0 ? 0 : count - gap;
    for (int i = 0; i < (gap < 0 ? count : gap); ++i)
        full[i] = groups[i];
    for (int i = 0; i < tail; ++i)
        full[8 - tail + i] = groups[gap + i];
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<std::uint8_t>(full[i] >> 8);
        out[2 * i + 1] = static_cast<std::uint8_t>(full[i] & 0xff);
    }
    return true;
}

/** text as an address; v6 tells which family it is. */
bool parseAddress(const std::string& text, std::size_t to, std::array<std::uint8_t, 16>& bytes, bool& v6)
{
    v6 = text.find(':') < to;
    return v6 ? parseIpv6(text, 0, to, bytes.data()) : parseIpv4(text, 0, to, bytes.data());
}

} // namespace

ValueMatcher ValueMatcher::compile(const JsonTree& values, Dialect dialect, const std::string& path)
{
    if (!values.is_array())
        fail(path, QStringLiteral("must be a list of values to match, not %1").arg(shortText(values)));
    if (values.empty())
        fail(path, QStringLiteral("has an empty list; give at least one value to match"));
    ValueMatcher matcher;
    for (const JsonTree& value : values) {
        Condition condition = compileValue(value, dialect, path);
        if (condition.kind == Kind::Exists)
            (condition.flag ? matcher.m_matchesPresent : matcher.m_matchesMissing) = true;
        else
            matcher.m_conditions.push_back(std::move(condition));
    }
    return matcher;
}

ValueMatcher::Condition ValueMatcher::compileValue(const JsonTree& value, Dialect dialect, const std::string& path)
{
    Condition condition;
    if (value.is_string()) {
        condition.kind = Kind::String;
        condition.text = value.get<std::string>();
    } else if (value.is_number()) {
        condition.kind = Kind::Number;
        condition.number = value.get<double>();
    } else if (value.is_boolean()) {
        condition.kind = Kind::Boolean;
        condition.flag = value.get<bool>();
    } else if (value.is_null()) {
        condition.kind = Kind::Null;
    } else if (value.is_object() && value.size() == 1) {
        return compileOperator(value.begin().key(), value.begin().value(), dialect, path);
    } else {
        fail(path, QStringLiteral("holds %1; a value to match is a string, number, boolean, null or an operator "
                                  "object with one key")
                       .arg(shortText(value)));
    }
    return condition;
}

ValueMatcher::Condition ValueMatcher::compileOperator(const std::string& name, const JsonTree& argument,
                                                      Dialect dialect, const std::string& path)
{
    if (name == "prefix")
        return compileAffix(Kind::Prefix, name, argument, path);
    if (name == "suffix")
        return compileAffix(Kind::Suffix, name, argument, path);
    if (name == "equals-ignore-case") {
        if (!argument.is_string())
            fail(path, QStringLiteral("'equals-ignore-case' needs a string, not %1").arg(shortText(argument)));
        Condition condition;
        condition.kind = Kind::EqualsIgnoreCase;
        condition.text = folded(argument.get<std::string>());
        return condition;
    }
    if (name == "anything-but")
        return compileAnythingBut(argument, dialect, path);
    if (name == "numeric")
        return compileNumeric(argument, path);
    if (name == "cidr")
        return compileCidr(argument, path);
    if (name == "exists") {
        if (!argument.is_boolean())
            fail(path, QStringLiteral("'exists' needs true or false, not %1").arg(shortText(argument)));
        Condition condition;
        condition.kind = Kind::Exists;
        condition.flag = argument.get<bool>();
        return condition;
    }
    if (name == "wildcard" && dialect == Dialect::EventPattern)
        return compileWildcard(argument, path);
    fail(path, QStringLiteral("uses the unknown operator '%1'%2")
                   .arg(QString::fromStdString(name),
                        dialect == Dialect::SnsFilterPolicy && name == "wildcard"
                            ? QStringLiteral(" (SNS filter policies have no wildcard)")
                            : QString()));
}

ValueMatcher::Condition ValueMatcher::compileAffix(Kind kind, const std::string& name, const JsonTree& argument,
                                                   const std::string& path)
{
    Condition condition;
    condition.kind = kind;
    if (argument.is_string()) {
        condition.text = argument.get<std::string>();
        return condition;
    }
    if (argument.is_object() && argument.size() == 1 && argument.begin().key() == "equals-ignore-case"
        && argument.begin().value().is_string()) {
        condition.text = folded(argument.begin().value().get<std::string>());
        condition.flag = true;
        return condition;
    }
    fail(path, QStringLiteral("'%1' needs a string or {\"equals-ignore-case\": string}, not %2")
                   .arg(QString::fromStdString(name), shortText(argument)));
}

ValueMatcher::Condition ValueMatcher::compileAnythingBut(const JsonTree& argument, Dialect dialect,
                                                         const std::string& path)
{
    Condition condition;
    condition.kind = Kind::AnythingBut;
    if (argument.is_string() || argument.is_number()) {
        condition.excluded.push_back(compileValue(argument, dialect, path));
    } else if (argument.is_array() && !argument.empty()) {
        for (const JsonTree& item : argument) {
            if (!item.is_string() && !item.is_number())
                fail(path, QStringLiteral("'anything-but' lists only strings or numbers, not %1").arg(shortText(item)));
            condition.excluded.push_back(compileValue(item, dialect, path));
        }
    } else if (argument.is_object() && argument.size() == 1) {
        const std::string& inner = argument.begin().key();
        if (inner != "prefix" && inner != "suffix" && inner != "equals-ignore-case" && inner != "wildcard")
            fail(path, QStringLiteral("'anything-but' cannot hold '%1' (it holds a value, a list, prefix, suffix, "
                                      "equals-ignore-case or wildcard)")
                           .arg(QString::fromStdString(inner)));
        const JsonTree& innerArgument = argument.begin().value();
        const JsonTree texts = innerArgument.is_array() ? innerArgument : JsonTree::array({innerArgument});
        for (const JsonTree& text : texts) {
            if (!text.is_string())
                fail(path, QStringLiteral("'anything-but' '%1' needs a string, not %2")
                               .arg(QString::fromStdString(inner), shortText(text)));
            condition.excluded.push_back(compileOperator(inner, text, dialect, path));
        }
    } else {
        fail(path, QStringLiteral("'anything-but' needs a value, a non-empty list or an operator object, not %1")
                       .arg(shortText(argument)));
    }
    return condition;
}

ValueMatcher::Condition ValueMatcher::compileNumeric(const JsonTree& argument, const std::string& path)
{
    if (!argument.is_array() || (argument.size() != 2 && argument.size() != 4))
        fail(path, QStringLiteral("'numeric' needs [operator, number] or [operator, number, operator, number], not %1")
                       .arg(shortText(argument)));
    Condition condition;
    condition.kind = Kind::Numeric;
    for (std::size_t i = 0; i < argument.size(); i += 2) {
        static const std::vector<std::pair<std::string, Comparison>> names = {
            {"<", Comparison::Less},     {"<=", Comparison::LessOrEqual},      {"=", Comparison::Equal},
            {">", Comparison::Greater},  {">=", Comparison::GreaterOrEqual},
        };
        const JsonTree& op = argument[i];
        const auto found = std::find_if(names.begin(), names.end(), [&op](const auto& entry) {
            return op.is_string() && op.get<std::string>() == entry.first;
        });
        if (found == names.end())
            fail(path, QStringLiteral("'numeric' has the unknown comparison %1 (use <, <=, =, > or >=)").arg(shortText(op)));
        if (!argument[i + 1].is_number())
            fail(path, QStringLiteral("'numeric' compares with %1, which is not a number").arg(shortText(argument[i + 1])));
        condition.bounds.push_back({found->second, argument[i + 1].get<double>()});
    }
    return condition;
}

ValueMatcher::Condition ValueMatcher::compileWildcard(const JsonTree& argument, const std::string& path)
{
    if (!argument.is_string())
        fail(path, QStringLiteral("'wildcard' needs a string, not %1").arg(shortText(argument)));
    const std::string& text = argument.get_ref<const std::string&>();
    Condition condition;
    condition.kind = Kind::Wildcard;
    condition.segments.emplace_back();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            if (i + 1 >= text.size() || (text[i + 1] != '*' && text[i + 1] != '\\'))
                fail(path, QStringLiteral("'wildcard' %1 has a backslash that escapes neither * nor \\").arg(shortText(argument)));
            condition.segments.back() += text[++i];
        } else if (text[i] == '*') {
            if (i + 1 < text.size() && text[i + 1] == '*')
                fail(path, QStringLiteral("'wildcard' %1 has two * in a row").arg(shortText(argument)));
            condition.segments.emplace_back();
        } else {
            condition.segments.back() += text[i];
        }
    }
    return condition;
}

ValueMatcher::Condition ValueMatcher::compileCidr(const JsonTree& argument, const std::string& path)
{
    const QString problem = QStringLiteral("'cidr' needs an address range such as \"10.0.0.0/24\" or "
                                           "\"2001:db8::/32\", not %1")
                                .arg(shortText(argument));
    if (!argument.is_string())
        fail(path, problem);
    const std::string& text = argument.get_ref<const std::string&>();
    const std::size_t slash = std::min(text.find('/'), text.size());
    Condition condition;
    condition.kind = Kind::Cidr;
    if (!parseAddress(text, slash, condition.range.bytes, condition.range.v6))
        fail(path, problem);
    const int maxBits = condition.range.v6 ? 128 : 32;
    condition.range.prefixBits = maxBits;
    if (slash < text.size()) {
        const std::string bits = text.substr(slash + 1);
        if (bits.empty() || bits.size() > 3 || !std::all_of(bits.begin(), bits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            fail(path, problem);
        condition.range.prefixBits = std::stoi(bits);
        if (condition.range.prefixBits > maxBits)
            fail(path, problem);
    }
    return condition;
}

bool ValueMatcher::wildcardMatches(const std::vector<std::string>& segments, const std::string& text)
{
    if (segments.size() == 1)
        return text == segments.front();
    if (!startsWith(text, segments.front()))
        return false;
    std::size_t at = segments.front().size();
    for (std::size_t i = 1; i + 1 < segments.size(); ++i) {
        const std::size_t found = text.find(segments[i], at);
        if (found == std::string::npos)
            return false;
        at = found + segments[i].size();
    }
    return text.size() - at >= segments.back().size() && endsWith(text, segments.back());
}

bool ValueMatcher::conditionMatches(const Condition& condition, const JsonTree& leaf)
{
    switch (condition.kind) {
    case Kind::Number:
        return leaf.is_number() && leaf.get<double>() == condition.number;
    case Kind::Boolean:
        return leaf.is_boolean() && leaf.get<bool>() == condition.flag;
    case Kind::Null:
        return leaf.is_null();
    case Kind::Numeric: {
        if (!leaf.is_number())
            return false;
        const double number = leaf.get<double>();
        for (const Bound& bound : condition.bounds) {
            const bool holds = bound.comparison == Comparison::Less ? number < bound.number
                : bound.comparison == Comparison::LessOrEqual       ? number <= bound.number
                : bound.comparison == Comparison::Equal             ? number == bound.number
                : bound.comparison == Comparison::Greater           ? number > bound.number
                                                                    : number >= bound.number;
            if (!holds)
                return false;
        }
        return true;
    }
    case Kind::AnythingBut:
        return std::none_of(condition.excluded.begin(), condition.excluded.end(),
                            [&leaf](const Condition& excluded) { return conditionMatches(excluded, leaf); });
    case Kind::Exists:
        return true;
    default:
        break;
    }
    if (!leaf.is_string())
        return false;
    const std::string& text = leaf.get_ref<const std::string&>();
    switch (condition.kind) {
    case Kind::String:
        return text == condition.text;
    case Kind::Prefix:
        return condition.flag ? foldedPartAt(text, condition.text, false) : startsWith(text, condition.text);
    case Kind::Suffix:
        return condition.flag ? foldedPartAt(text, condition.text, true) : endsWith(text, condition.text);
    case Kind::EqualsIgnoreCase:
        return (isAscii(text) ? text.size() == condition.text.size() && foldedPartAt(text, condition.text, false)
                              : folded(text) == condition.text);
    case Kind::Wildcard:
        return wildcardMatches(condition.segments, text);
    case Kind::Cidr: {
        std::array<std::uint8_t, 16> bytes{};
        bool v6 = false;
        if (!parseAddress(text, text.size(), bytes, v6) || v6 != condition.range.v6)
            return false;
        const int whole = condition.range.prefixBits / 8;
        if (!std::equal(bytes.begin(), bytes.begin() + whole, condition.range.bytes.begin()))
            return false;
        const int rest = condition.range.prefixBits % 8;
        const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
        return rest == 0 || (bytes[whole] & mask) == (condition.range.bytes[whole] & mask);
    }
    default:
        return false;
    }
}

bool ValueMatcher::anyLeafMatches(const JsonTree& value, bool& sawLeaf) const
{
    if (value.is_array()) {
        for (const JsonTree& element : value) {
            if (anyLeafMatches(element, sawLeaf))
                return true;
        }
        return false;
    }
    if (value.is_object())
        return false;
    sawLeaf = true;
    return std::any_of(m_conditions.begin(), m_conditions.end(),
                       [&value](const Condition& condition) { return conditionMatches(condition, value); });
}

bool ValueMatcher::matches(const JsonTree* value) const
{
    bool sawLeaf = false;
    if (value && anyLeafMatches(*value, sawLeaf))
        return true;
    return sawLeaf ? m_matchesPresent : m_matchesMissing;
}

} // namespace tributary
