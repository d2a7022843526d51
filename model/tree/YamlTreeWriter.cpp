#include "model/tree/YamlTreeWriter.h"

#include "model/tree/ParsedTree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace tributary {

namespace {

constexpr int flowWidth = 100;
/** Longest implicit key most YAML readers take (the spec says 1024 characters). */
constexpr std::size_t longestImplicitKey = 1000;

const std::string kGetAtt = "Fn::GetAtt";
const std::string kCondition = "Condition";

/** The short-form tag of a long-form function key, or nullptr (the functions YamlTreeReader knows). */
const std::string* tagOfFunction(const std::string& key)
{
    static const std::unordered_map<std::string, std::string> tags = [] {
        std::unordered_map<std::string, std::string> map{
            {"Ref", "!Ref"}, {kCondition, "!Condition"}, {kGetAtt, "!GetAtt"}};
        for (const char* name : {"Sub", "Join", "If", "Select", "Split", "FindInMap", "Base64", "Cidr",
                                 "ImportValue", "GetAZs", "Equals", "And", "Or", "Not", "Transform", "Length",
                                 "ToJsonString", "ForEach", "Contains", "EachMemberEquals", "EachMemberIn",
                                 "RefAll", "ValueOf", "ValueOfAll"}) {
            map.emplace(std::string("Fn::") + name, std::string("!") + name);
        }
        return map;
    }();
    const auto found = tags.find(key);
    return found == tags.end() ? nullptr : &found->second;
}

bool isConditionList(const std::string& function)
{
    return function == "Fn::And" || function == "Fn::Or" || function == "Fn::Not";
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ---------------------------------------------------------------------------------------------
// How YamlTreeReader types a plain scalar (kept in step with YamlTreeReader.cpp).

std::size_t unsignedIntegerLength(const std::string& text, std::size_t from)
{
    std::size_t end = from;
    while (end < text.size() && isDigit(text[end]))
        ++end;
    if (end == from || (text[from] == '0' && end - from > 1))
        return 0;
    return end - from;
}

bool readsAsInteger(const std::string& text)
{
    const std::size_t sign = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t digits = unsignedIntegerLength(text, sign);
    if (digits == 0 || sign + digits != text.size() || text == "-0")
        return false;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

std::optional<double> readsAsDecimal(const std::string& text)
{
    std::size_t position = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t integerDigits = unsignedIntegerLength(text, position);
    if (integerDigits == 0)
        return std::nullopt;
    position += integerDigits;
    if (position >= text.size() || text[position] != '.')
        return std::nullopt;
    const std::size_t start = ++position;
    while (position < text.size() && isDigit(text[position]))
        ++position;
    if (position == start || position != text.size())
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)
        || value == std::trunc(value))
        return std::nullopt;
    if (JsonTree(value).dump() != text)
        return std::nullopt;
    return value;
}

/** True when YamlTreeReader reads text, written plain, as that same string. */
bool readerKeepsString(const std::string& text)
{
    static const std::unordered_set<std::string> words{"true", "True", "TRUE", "false", "False", "FALSE",
                                                       "~",    "null", "Null", "NULL"};
    return !text.empty() && words.count(text) == 0 && !readsAsInteger(text) && !readsAsDecimal(text);
}

// ---------------------------------------------------------------------------------------------
// What a YAML 1.1 reader (PyYAML: cfn-lint, the SAM CLI) or a YAML 1.2 core-schema reader would
// read as something other than a string.

bool allOf(const std::string& text, std::size_t from, const char* allowed)
{
    if (from >= text.size())
        return false;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (!std::char_traits<char>::find(allowed, std::char_traits<char>::length(allowed), text[i]))
            return false;
    }
    return true;
}

/** [0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)? — YAML 1.1 base 60. */
bool isSexagesimal(const std::string& text, std::size_t from)
{
    std::size_t i = from;
    if (i >= text.size() || !isDigit(text[i]))
        return false;
    while (i < text.size() && (isDigit(text[i]) || text[i] == '_'))
        ++i;
    int groups = 0;
    while (i < text.size() && text[i] == ':') {
        ++i;
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < 2)
            ++i;
        if (i == start || (i - start == 2 && text[start] > '5'))
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && (isDigit(text[i]) || text[i] == '_'))
            ++i;
    }
    return i == text.size();
}

/** [0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? with at least one digit and a dot or an exponent. */
bool isLooseFloat(const std::string& text, std::size_t from)
{
    std::size_t i = from;
    bool digits = false;
    bool dotOrExponent = false;
    while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) {
        digits = digits || isDigit(text[i]);
        ++i;
    }
    if (i < text.size() && text[i] == '.') {
        dotOrExponent = true;
        ++i;
        while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) {
            digits = digits || isDigit(text[i]);
            ++i;
        }
    }
    if (!digits)
        return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        dotOrExponent = true;
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i == start)
            return false;
    }
    return dotOrExponent && i == text.size();
}

/** YYYY-M-D at the start of text, followed by nothing or a time part. */
bool isTimestamp(const std::string& text)
{
    if (text.size() < 8 || !allOf(text.substr(0, 4), 0, "0123456789") || text[4] != '-')
        return false;
    std::size_t i = 5;
    const auto digits = [&](std::size_t most) {
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < most)
            ++i;
        return i > start;
    };
    if (!digits(2) || i >= text.size() || text[i] != '-')
        return false;
    ++i;
    if (!digits(2))
        return false;
    return i == text.size() || text[i] == 'T' || text[i] == 't' || text[i] == ' ' || text[i] == '\t';
}

bool otherReadersRetype(const std::string& text)
{
    static const std::unordered_set<std::string> words{
        "yes",  "Yes",  "YES",  "no",   "No",    "NO",    "on",    "On",   "ON",   "off",  "Off", "OFF",
        "<<",   "=",    ".inf", ".Inf", ".INF",  ".nan",  ".NaN",  ".NAN", "true", "True", "TRUE",
        "false", "False", "FALSE", "null", "Null", "NULL", "~"};
    if (words.count(text))
        return true;
    const std::size_t from = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    const std::string rest = text.substr(from);
    if (rest == ".inf" || rest == ".Inf" || rest == ".INF")
        return true;
    if (rest.rfind("0b", 0) == 0 && allOf(rest, 2, "01_"))
        return true;
    if (rest.rfind("0x", 0) == 0 && allOf(rest, 2, "0123456789abcdefABCDEF_"))
        return true;
    if (rest.rfind("0o", 0) == 0 && allOf(rest, 2, "01234567"))
        return true;
    if (!rest.empty() && isDigit(rest[0]) && allOf(rest, 0, "0123456789_"))
        return true;
    return isSexagesimal(rest, 0) || isLooseFloat(rest, 0) || isTimestamp(text);
}

// ---------------------------------------------------------------------------------------------
// Characters.

/** The code point starting at text[i] and its length; invalid bytes count as themselves. */
std::pair<char32_t, std::size_t> codePointAt(const std::string& text, std::size_t i)
{
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size())
        return {lead, 1};
    char32_t value = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return {lead, 1};
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    return {value, length};
}

/** True for a character that YAML (1.1 or 1.2) cannot hold as it is in a quoted or block scalar. */
bool needsEscape(char32_t c)
{
    if (c == '\t' || c == '\n')
        return false;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
        || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
}

bool hasEscapes(const std::string& text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = codePointAt(text, i);
        if (needsEscape(c))
            return true;
        i += length;
    }
    return false;
}

std::string doubleQuoted(const std::string& text)
{
    std::string out = "\"";
    out.reserve(text.size() + 2);
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, length] = codePointAt(text, i);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case 0: out += "\\0"; break;
        default:
            if (needsEscape(c)) {
                char buffer[12];
                if (c <= 0xFF)
                    std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
                else
                    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out.append(text, i, length);
            }
        }
        i += length;
    }
    out += '"';
    return out;
}

std::string singleQuoted(const std::string& text)
{
    std::string out = "'";
    out.reserve(text.size() + 2);
    for (const char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    out += '\'';
    return out;
}

/** True when text, on one line, reads as a plain scalar whose value is text itself. */
bool plainSyntaxAllows(const std::string& text, bool flow)
{
    if (text.empty())
        return false;
    static const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
    const char first = text.front();
    if (indicators.find(first) != std::string::npos
        && (first != '-' || text.size() == 1 || text[1] == ' ' || (flow && indicators.find(text[1]) != std::string::npos)))
        return false;
    if (text.compare(0, 3, "---") == 0 || text.compare(0, 3, "...") == 0)
        return false;
    if (first == ' ' || text.back() == ' ')
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ':'
            && (i + 1 == text.size() || text[i + 1] == ' ' || (flow && std::string_view(",[]{}").find(text[i + 1]) != std::string_view::npos)))
            return false;
        if (c == '#' && text[i - 1] == ' ')
            return false;
        if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '?'))
            return false;
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return false;
    }
    return true;
}

/** text as a one-line scalar: plain when every reader reads it back as this string, else quoted. */
std::string stringScalar(const std::string& text, bool flow)
{
    if (text.find_first_of("\n\r\t") != std::string::npos || hasEscapes(text))
        return doubleQuoted(text);
    if (plainSyntaxAllows(text, flow) && readerKeepsString(text) && !otherReadersRetype(text))
        return text;
    return singleQuoted(text);
}

/** A literal block scalar can hold text: several lines, nothing that needs escapes, not only line breaks. */
bool literalBlockFits(const std::string& text)
{
    if (text.find('\n') == std::string::npos || text.find('\r') != std::string::npos || hasEscapes(text))
        return false;
    return text.find_first_not_of('\n') != std::string::npos;
}

bool isMultiLine(const JsonTree& node)
{
    return node.is_string() && node.get_ref<const std::string&>().find('\n') != std::string::npos;
}

std::string numberScalar(const JsonTree& node)
{
    if (node.is_number_integer()) {
        if (node.is_number_unsigned())
            return std::to_string(node.get<std::uint64_t>());
        return std::to_string(node.get<std::int64_t>());
    }
    const double value = node.get<double>();
    if (!std::isfinite(value))
        return "null"; // as JSON writes it: neither JSON nor YamlTreeReader holds infinities or NaN
    const std::string text = JsonTree(value).dump();
    const auto decimal = readsAsDecimal(text);
    if (decimal && *decimal == value)
        return text;
    return "!!float " + text;
}

/** A scalar other than a string of several lines, on one line. */
std::string scalarText(const JsonTree& node, bool flow)
{
    if (node.is_string())
        return stringScalar(node.get_ref<const std::string&>(), flow);
    if (node.is_boolean())
        return node.get<bool>() ? "true" : "false";
    if (node.is_null())
        return "null";
    if (node.is_number())
        return numberScalar(node);
    return "null";
}

// ---------------------------------------------------------------------------------------------

class Emitter
{
public:
    Emitter(const TemplateStyle& style, const std::vector<std::string>& spacedMaps)
        : m_style(style)
        , m_spaced(spacedMaps.begin(), spacedMaps.end())
    {
    }

    std::string write(const JsonTree& root)
    {
        if (root.is_object() && !root.empty()) {
            writeMapEntries(root, 0, false, "");
        } else if (root.is_array() && !root.empty()) {
            writeSequenceItems(root, 0, false, false, "");
        } else if (const std::string* tag = tagOf(root, false)) {
            m_out += *tag;
            writeTagContent(root.begin().value(), 2, root.begin().key(), "", false);
        } else if (root.is_object()) {
            m_out += "{}\n";
        } else if (root.is_array()) {
            m_out += "[]\n";
        } else if (root.is_string()) {
            m_out += (isMultiLine(root) ? doubleQuoted(root.get_ref<const std::string&>()) : scalarText(root, false));
            m_out += '\n';
        } else {
            m_out += scalarText(root, false) + '\n';
        }
        return std::move(m_out);
    }

private:
    /**
     * The tag node is written with, or nullptr when it is written as it is. asCondition: node
     * stands where a condition does, so {"Condition": X} is the Condition function.
     */
    const std::string* tagOf(const JsonTree& node, bool asCondition) const
    {
        if (!m_style.shortForms || !node.is_object() || node.size() != 1)
            return nullptr;
        const auto entry = node.begin();
        const std::string& key = entry.key();
        const std::string* tag = tagOfFunction(key);
        if (!tag || (key == kCondition && !asCondition))
            return nullptr;
        const JsonTree& value = entry.value();
        if (key == "Ref" || key == kCondition)
            return value.is_string() ? tag : nullptr;
        if (key == kGetAtt)
            return value.is_structured() && !tagOf(value, false) ? tag : nullptr;
        if (value.is_primitive())
            return value.is_string() ? tag : nullptr;
        return tagOf(value, false) ? nullptr : tag;
    }

    /** !GetAtt content that can be written A.B. */
    bool getAttDotted(const JsonTree& value) const
    {
        if (!m_style.getAttDotForm || !value.is_array() || value.size() != 2 || !value[0].is_string()
            || !value[1].is_string())
            return false;
        return value[0].get_ref<const std::string&>().find('.') == std::string::npos;
    }

    int column() const
    {
        const std::size_t lineStart = m_out.rfind('\n');
        return static_cast<int>(lineStart == std::string::npos ? m_out.size() : m_out.size() - lineStart - 1);
    }

    static std::string spaces(int count) { return std::string(static_cast<std::size_t>(count), ' '); }

    /**
     * The flow text of node, or nothing when it has a map that is not empty or a string of
     * several lines. itemsAreConditions: node's items stand where conditions do.
     */
    std::optional<std::string> flowText(const JsonTree& node, bool asCondition, bool itemsAreConditions) const
    {
        if (const std::string* tag = tagOf(node, asCondition)) {
            const auto entry = node.begin();
            const JsonTree& value = entry.value();
            if (entry.key() == kGetAtt && getAttDotted(value))
                return *tag + ' ' + stringScalar(value[0].get<std::string>() + '.' + value[1].get<std::string>(), true);
            const auto inner = flowText(value, false, isConditionList(entry.key()));
            if (!inner)
                return std::nullopt;
            return *tag + ' ' + *inner;
        }
        if (node.is_array()) {
            std::string text = "[";
            bool first = true;
            for (const JsonTree& item : node) {
                const auto itemText = flowText(item, itemsAreConditions, false);
                if (!itemText)
                    return std::nullopt;
                text += first ? "" : ", ";
                text += *itemText;
                first = false;
            }
            return text + "]";
        }
        if (node.is_object())
            return node.empty() ? std::optional<std::string>("{}") : std::nullopt;
        if (isMultiLine(node))
            return std::nullopt;
        return scalarText(node, true);
    }

    bool fitsOnLine(const std::string& text) const { return column() + 1 + static_cast<int>(text.size()) <= flowWidth; }

    /** An untagged sequence written in flow style: only numbers and booleans, fitting on the line. */
    std::optional<std::string> flowSequence(const JsonTree& node) const
    {
        if (!node.is_array() || node.empty())
            return std::nullopt;
        for (const JsonTree& item : node) {
            if (!item.is_number() && !item.is_boolean())
                return std::nullopt;
        }
        const auto text = flowText(node, false, false);
        if (!text || !fitsOnLine(*text))
            return std::nullopt;
        return text;
    }

    /** True when the first line of text that is not empty starts with a space (the block needs `|2`). */
    static bool needsIndentIndicator(const std::string& text) { return text[text.find_first_not_of('\n')] == ' '; }

    void writeLiteral(const std::string& text, int indent)
    {
        std::size_t end = text.size();
        while (end > 0 && text[end - 1] == '\n')
            --end;
        const std::size_t trailing = text.size() - end;
        m_out += '|';
        if (needsIndentIndicator(text))
            m_out += '2';
        m_out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        m_out += '\n';
        std::size_t start = 0;
        while (start <= end) {
            std::size_t stop = text.find('\n', start);
            if (stop == std::string::npos || stop > end)
                stop = end;
            if (stop > start) {
                m_out += spaces(indent);
                m_out.append(text, start, stop - start);
            }
            m_out += '\n';
            start = stop + 1;
        }
        for (std::size_t i = 1; i < trailing; ++i)
            m_out += '\n';
    }

    /**
     * The content of a tag just written: the rest of its line and any lines below, at indent.
     * inItem: the tag starts a sequence item, where yaml-cpp wants a block scalar indented past
     * the tag and reads an indentation indicator otherwise than PyYAML does.
     */
    void writeTagContent(const JsonTree& value, int indent, const std::string& function, const std::string& pointer,
                         bool inItem)
    {
        if (function == kGetAtt && getAttDotted(value)) {
            m_out += ' ' + stringScalar(value[0].get<std::string>() + '.' + value[1].get<std::string>(), false) + '\n';
            return;
        }
        const bool itemsAreConditions = isConditionList(function);
        if (value.is_array() && !value.empty()) {
            const auto flow = flowText(value, false, itemsAreConditions);
            if (flow && fitsOnLine(*flow)) {
                m_out += ' ' + *flow + '\n';
                return;
            }
        }
        if (inItem && value.is_string() && literalBlockFits(value.get_ref<const std::string&>())) {
            const std::string& text = value.get_ref<const std::string&>();
            if (needsIndentIndicator(text)) {
                m_out += ' ' + doubleQuoted(text) + '\n';
            } else {
                m_out += ' ';
                writeLiteral(text, indent + 2);
            }
            return;
        }
        writeValue(value, indent, false, itemsAreConditions, ParsedTree::childPointer(pointer, function));
    }

    /**
     * Writes node after "key:" or "-" (no space yet) on the current line; its lines below go at
     * indent. compactCollection: a map or sequence starts on the current line ("- a: 1").
     */
    void writeValue(const JsonTree& node, int indent, bool compactCollection, bool itemsAreConditions,
                    const std::string& pointer, bool asCondition = false)
    {
        if (const std::string* tag = tagOf(node, asCondition)) {
            m_out += ' ' + *tag;
            writeTagContent(node.begin().value(), indent, node.begin().key(), pointer, compactCollection);
            return;
        }
        if (node.is_object()) {
            if (node.empty()) {
                m_out += " {}\n";
            } else if (compactCollection) {
                m_out += ' ';
                writeMapEntries(node, indent, true, pointer);
            } else {
                m_out += '\n';
                writeMapEntries(node, indent, false, pointer);
            }
            return;
        }
        if (node.is_array()) {
            if (node.empty()) {
                m_out += " []\n";
            } else if (const auto flow = flowSequence(node)) {
                m_out += ' ' + *flow + '\n';
            } else if (compactCollection) {
                m_out += ' ';
                writeSequenceItems(node, indent, true, itemsAreConditions, pointer);
            } else {
                m_out += '\n';
                writeSequenceItems(node, indent, false, itemsAreConditions, pointer);
            }
            return;
        }
        if (node.is_string() && literalBlockFits(node.get_ref<const std::string&>())) {
            m_out += ' ';
            writeLiteral(node.get_ref<const std::string&>(), indent);
            return;
        }
        m_out += ' ' + scalarText(node, false) + '\n';
    }

    void writeMapEntries(const JsonTree& map, int indent, bool firstInline, const std::string& pointer)
    {
        const bool spaced = m_spaced.count(pointer) > 0;
        const bool valuesAreConditions = pointer == "/Conditions";
        bool first = true;
        bool previousScalar = false;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const bool scalar = it.value().is_primitive() && !isMultiLine(it.value());
            if (!first && spaced && !(scalar && previousScalar))
                m_out += '\n';
            previousScalar = scalar;
            if (!first || !firstInline)
                m_out += spaces(indent);
            first = false;
            const std::string key = stringScalar(it.key(), false);
            if (key.size() > longestImplicitKey) {
                m_out += "? " + key + '\n' + spaces(indent) + ':';
            } else {
                m_out += key;
                m_out += ':';
            }
            const bool single = map.size() == 1;
            writeValue(it.value(), indent + 2, false, single && isConditionList(it.key()),
                       ParsedTree::childPointer(pointer, it.key()), valuesAreConditions);
        }
    }

    void writeSequenceItems(const JsonTree& sequence, int indent, bool firstInline, bool itemsAreConditions,
                            const std::string& pointer)
    {
        for (std::size_t i = 0; i < sequence.size(); ++i) {
            if (i > 0 || !firstInline)
                m_out += spaces(indent);
            m_out += '-';
            writeValue(sequence[i], indent + 2, true, false, ParsedTree::childPointer(pointer, i), itemsAreConditions);
        }
    }

    const TemplateStyle& m_style;
    std::unordered_set<std::string> m_spaced;
    std::string m_out;
};

} // namespace

QByteArray YamlTreeWriter::write(const JsonTree& tree, const TemplateStyle& style,
                                 const std::vector<std::string>& spacedMaps)
{
    const std::string text = Emitter(style, spacedMaps).write(tree);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace tributary
