#include "model/tree/YamlTreeReader.h"

#include "model/tree/SourceText.h"
#include "model/tree/TreeParseError.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tributary {

namespace {

const std::string kStandardTagPrefix = "tag:yaml.org,2002:";
const std::string kGetAtt = "Fn::GetAtt";

/** The long-form key for a CloudFormation short-form tag, or nothing. */
std::optional<std::string> shortFormFunction(const std::string& tag)
{
    static const std::unordered_map<std::string, std::string> functions = [] {
        std::unordered_map<std::string, std::string> map{
            {"!Ref", "Ref"}, {"!Condition", "Condition"}, {"!GetAtt", kGetAtt}};
        for (const char* name : {"Sub", "Join", "If", "Select", "Split", "FindInMap", "Base64",
                                 "Cidr", "ImportValue", "GetAZs", "Equals", "And", "Or", "Not",
                                 "Transform", "Length", "ToJsonString", "ForEach",
                                 // Functions of a template's Rules section.
                                 "Contains", "EachMemberEquals", "EachMemberIn", "RefAll",
                                 "ValueOf", "ValueOfAll"}) {
            map.emplace(std::string("!") + name, std::string("Fn::") + name);
        }
        return map;
    }();
    const auto found = functions.find(tag);
    if (found == functions.end())
        return std::nullopt;
    return found->second;
}

bool isStandardTag(const std::string& tag)
{
    return tag.compare(0, kStandardTagPrefix.size(), kStandardTagPrefix) == 0;
}

/** The name after "tag:yaml.org,2002:". */
std::string standardTagName(const std::string& tag)
{
    return tag.substr(kStandardTagPrefix.size());
}

QString displayTag(const std::string& tag)
{
    if (isStandardTag(tag))
        return QStringLiteral("!!") + TreeParseError::excerpt(standardTagName(tag));
    return TreeParseError::excerpt(tag);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/** Length of the digits at text[from…], requiring no leading zero unless the number is 0. */
std::size_t unsignedIntegerLength(const std::string& text, std::size_t from)
{
    std::size_t end = from;
    while (end < text.size() && isDigit(text[end]))
        ++end;
    if (end == from || (text[from] == '0' && end - from > 1))
        return 0;
    return end - from;
}

/** text as -?(0|[1-9][0-9]*) fitting in 64 bits; "-0" is not an integer. */
std::optional<std::int64_t> plainInteger(const std::string& text)
{
    const std::size_t sign = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t digits = unsignedIntegerLength(text, sign);
    if (digits == 0 || sign + digits != text.size() || text == "-0")
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

/** text as a decimal number that is not whole and that JSON prints back as the same text. */
std::optional<double> plainDecimal(const std::string& text)
{
    std::size_t position = !text.empty() && text[0] == '-' ? 1 : 0;
    const std::size_t integerDigits = unsignedIntegerLength(text, position);
    if (integerDigits == 0)
        return std::nullopt;
    position += integerDigits;
    bool hasFraction = false;
    if (position < text.size() && text[position] == '.') {
        const std::size_t start = ++position;
        while (position < text.size() && isDigit(text[position]))
            ++position;
        hasFraction = position > start;
        if (!hasFraction)
            return std::nullopt;
    }
    if (!hasFraction || position != text.size())
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

JsonTree plainScalar(const std::string& text)
{
    if (text == "true" || text == "True" || text == "TRUE")
        return true;
    if (text == "false" || text == "False" || text == "FALSE")
        return false;
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return nullptr;
    if (const auto integer = plainInteger(text))
        return *integer;
    if (const auto decimal = plainDecimal(text))
        return *decimal;
    return text;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/**
 * Refuses text whose flow collections ([ and {) nest deeper than maxDepth before yaml-cpp reads
 * it, so that such input gets a clear message at the bracket that goes too deep. Comments, quoted
 * scalars and block scalars are skipped; outside flow collections a bracket counts only where a
 * token can start. A miscount only changes which error a broken file gets.
 */
void checkFlowNesting(const SourceText& source, const QString& fileName, int maxDepth)
{
    const QByteArray& text = source.utf8();
    const qsizetype size = text.size();
    int depth = 0;
    qsizetype lineStart = 0;
    int blockScalarIndent = -1;

    const auto startsToken = [&](qsizetype at) {
        if (at == lineStart)
            return true;
        const char before = text[at - 1];
        return isBlank(before) || (depth > 0 && (before == '[' || before == '{' || before == ','));
    };
    const auto skipLine = [&](qsizetype at) {
        while (at < size && text[at] != '\n')
            ++at;
        return at;
    };

    qsizetype i = 0;
    while (i < size) {
        if (i == lineStart && blockScalarIndent >= 0) {
            int indent = 0;
            while (i + indent < size && text[i + indent] == ' ')
                ++indent;
            const qsizetype first = i + indent;
            const bool blankLine = first >= size || text[first] == '\n' || text[first] == '\r';
            if (blankLine || indent > blockScalarIndent) {
                i = skipLine(i);
                if (i < size)
                    lineStart = ++i;
                continue;
            }
            blockScalarIndent = -1;
        }

        const char c = text[i];
        if (c == '\n') {
            lineStart = ++i;
            continue;
        }
        if (c == '#' && startsToken(i)) {
            i = skipLine(i);
            continue;
        }
        if ((c == '"' || c == '\'') && startsToken(i)) {
            ++i;
            while (i < size) {
                if (text[i] == '\n')
                    lineStart = i + 1;
                if (c == '"' && text[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (text[i] == c) {
                    if (c == '\'' && i + 1 < size && text[i + 1] == '\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
            continue;
        }
        if ((c == '|' || c == '>') && depth == 0 && startsToken(i)) {
            qsizetype after = i + 1;
            while (after < size && (text[after] == '+' || text[after] == '-' || isDigit(text[after])))
                ++after;
            if (after >= size || isBlank(text[after]) || text[after] == '#') {
                int indent = 0;
                while (lineStart + indent < size && text[lineStart + indent] == ' ')
                    ++indent;
                blockScalarIndent = indent;
                i = skipLine(i);
                continue;
            }
        }
        if ((c == '[' || c == '{') && (depth > 0 || startsToken(i))) {
            if (++depth > maxDepth)
                throw TreeParseError(fileName, source.locate(static_cast<std::size_t>(i)),
                                     QStringLiteral("the nesting is deeper than %1 levels").arg(maxDepth));
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
        ++i;
    }
}

/** Builds the tree from yaml-cpp's parse events, enforcing the limits as it goes. */
class YamlTreeBuilder final : public YAML::EventHandler
{
public:
    YamlTreeBuilder(const SourceText& source, const QString& fileName, const TreeReadLimits& limits)
        : m_source(source)
        , m_fileName(fileName)
        , m_limits(limits)
    {
    }

    bool hasDocument() const { return m_documents > 0; }

    ParsedTree takeResult()
    {
        ParsedTree tree;
        tree.format = ParsedTree::Format::Yaml;
        tree.value = std::move(m_root);
        tree.locations.reserve(m_locations.size());
        for (auto& [pointer, location] : m_locations)
            tree.locations.insert_or_assign(std::move(pointer), location);
        for (auto& pointer : m_shortForms)
            tree.shortForms.insert(std::move(pointer));
        for (auto& pointer : m_getAttDotForms)
            tree.getAttDotForms.insert(std::move(pointer));
        return tree;
    }

    SourceLocation locationOf(const YAML::Mark& mark) const
    {
        if (mark.pos >= 0)
            return m_source.locate(static_cast<std::size_t>(mark.pos));
        if (mark.line >= 0)
            return SourceLocation{mark.line + 1, mark.column + 1};
        return {};
    }

    void OnDocumentStart(const YAML::Mark& mark) override
    {
        if (++m_documents > 1)
            fail(mark, QStringLiteral("more than one YAML document: a second one starts here"));
    }

    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
    {
        if (expectingKey()) {
            acceptKey(mark, "?", anchor, nullKeyText(mark));
            return;
        }
        addScalar(mark, anchor, nullptr, 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override
    {
        if (!SourceText::isValidUtf8(value.data(), value.size()))
            fail(mark, QStringLiteral("the text is not valid UTF-8"));
        if (expectingKey()) {
            acceptKey(mark, tag, anchor, value);
            return;
        }
        if (const auto function = shortFormFunction(tag)) {
            addShortFormScalar(mark, anchor, *function, value);
            return;
        }
        addScalar(mark, anchor, scalarValue(mark, tag, value), value.size());
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchorId) override
    {
        if (expectingKey())
            fail(mark, QStringLiteral("an alias cannot be used as a mapping key"));
        if (++m_aliasUses > m_limits.maxAliasUses)
            fail(mark, QStringLiteral("more than %1 aliases are used").arg(m_limits.maxAliasUses));
        const auto found = m_anchors.find(anchorId);
        if (found == m_anchors.end())
            fail(mark, QStringLiteral("the alias refers to a node that contains it"));
        const Anchor& anchor = found->second;

        Slot slot = openSlot(mark);
        checkDepth(mark, slot.parentDepth + anchor.height);
        addNodes(mark, anchor.nodes);
        addBytes(mark, anchor.textBytes + anchor.pointerBytes
                           + static_cast<std::int64_t>(anchor.records() * slot.pointer.size()));
        for (const auto& [relative, location] : anchor.locations)
            m_locations.emplace_back(slot.pointer + relative, location);
        for (const auto& relative : anchor.shortForms)
            m_shortForms.push_back(slot.pointer + relative);
        for (const auto& relative : anchor.getAttDotForms)
            m_getAttDotForms.push_back(slot.pointer + relative);
        place(JsonTree(anchor.value), anchor.height);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        openCollection(mark, tag, anchor, false);
    }

    void OnSequenceEnd() override { closeCollection(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        openCollection(mark, tag, anchor, true);
    }

    void OnMapEnd() override { closeCollection(); }

private:
    /** How far the record lists and counters had grown when a node began. */
    struct Checkpoint
    {
        std::size_t locations = 0;
        std::size_t shortForms = 0;
        std::size_t getAttDotForms = 0;
        std::int64_t nodes = 0;
        std::int64_t textBytes = 0;
    };

    /** A finished anchored node, with its records relative to its own pointer. */
    struct Anchor
    {
        JsonTree value;
        std::vector<std::pair<std::string, SourceLocation>> locations;
        std::vector<std::string> shortForms;
        std::vector<std::string> getAttDotForms;
        std::int64_t nodes = 0;
        std::int64_t textBytes = 0;
        std::int64_t pointerBytes = 0;
        int height = 0;

        std::size_t records() const
        {
            return locations.size() + shortForms.size() + getAttDotForms.size();
        }
    };

    /** A map or sequence being filled. */
    struct Frame
    {
        bool isMap = false;
        JsonTree value;
        std::string pointer;
        std::string nodePointer;
        std::string function;
        YAML::anchor_t anchor = 0;
        SourceLocation location;
        Checkpoint checkpoint;
        int depth = 0;
        int childHeight = 0;
        bool hasKey = false;
        std::string key;
        std::string keyPointer;
        std::unordered_map<std::string, int> keyLines;
    };

    /** Where a new node goes: its pointer and the depth of the collection holding it. */
    struct Slot
    {
        std::string pointer;
        int parentDepth = 0;
    };

    [[noreturn]] void fail(const YAML::Mark& mark, const QString& message) const
    {
        throw TreeParseError(m_fileName, locationOf(mark), message);
    }

    [[noreturn]] void fail(const SourceLocation& location, const QString& message) const
    {
        throw TreeParseError(m_fileName, location, message);
    }

    bool expectingKey() const
    {
        return !m_stack.empty() && m_stack.back().isMap && !m_stack.back().hasKey;
    }

    Checkpoint checkpoint() const
    {
        return Checkpoint{m_locations.size(), m_shortForms.size(), m_getAttDotForms.size(),
                          m_nodes, m_textBytes};
    }

    template<typename Where>
    void checkDepth(const Where& where, int depth) const
    {
        if (depth > m_limits.maxDepth)
            fail(where, QStringLiteral("the nesting is deeper than %1 levels").arg(m_limits.maxDepth));
    }

    template<typename Where>
    void addNodes(const Where& where, std::int64_t count)
    {
        m_nodes += count;
        if (m_nodes + m_heldNodes > m_limits.maxNodes)
            fail(where, QStringLiteral("the document has more than %1 nodes once aliases are expanded")
                            .arg(m_limits.maxNodes));
    }

    template<typename Where>
    void addBytes(const Where& where, std::int64_t textBytes, std::int64_t pointerBytes = 0)
    {
        m_textBytes += textBytes;
        m_pointerBytes += pointerBytes;
        if (m_textBytes + m_pointerBytes + m_heldBytes > m_limits.maxExpandedBytes)
            fail(where, QStringLiteral("the document holds more than %1 bytes of text once aliases "
                                       "are expanded")
                            .arg(m_limits.maxExpandedBytes));
    }

    template<typename Where>
    void recordLocation(const Where& where, const std::string& pointer, const SourceLocation& location)
    {
        addBytes(where, 0, static_cast<std::int64_t>(pointer.size()));
        m_locations.emplace_back(pointer, location);
    }

    /** Takes the place for the next node; records its location unless its key already did. */
    Slot openSlot(const YAML::Mark& mark)
    {
        if (m_stack.empty()) {
            recordLocation(mark, std::string(), locationOf(mark));
            return Slot{std::string(), 0};
        }
        const Frame& parent = m_stack.back();
        if (parent.isMap)
            return Slot{parent.keyPointer, parent.depth};
        Slot slot{ParsedTree::childPointer(parent.pointer, parent.value.size()), parent.depth};
        recordLocation(mark, slot.pointer, locationOf(mark));
        return slot;
    }

    /** Puts a finished node into the collection being filled, or makes it the root. */
    void place(JsonTree&& value, int height)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return;
        }
        Frame& parent = m_stack.back();
        parent.childHeight = std::max(parent.childHeight, height);
        if (parent.isMap) {
            auto& entries = static_cast<JsonTree::object_t::Container&>(
                parent.value.get_ref<JsonTree::object_t&>());
            entries.emplace_back(std::move(parent.key), std::move(value));
            parent.hasKey = false;
        } else {
            parent.value.get_ref<JsonTree::array_t&>().push_back(std::move(value));
        }
    }

    std::string nullKeyText(const YAML::Mark& mark) const
    {
        const QByteArray& text = m_source.utf8();
        if (mark.pos >= 0 && mark.pos < text.size()) {
            for (const char* spelling : {"~", "null", "Null", "NULL"}) {
                const QByteArray word(spelling);
                if (text.mid(mark.pos, word.size()) == word) {
                    const qsizetype after = mark.pos + word.size();
                    if (after >= text.size() || text[after] == ':' || text[after] == ' '
                        || text[after] == '\t' || text[after] == ',' || text[after] == '}')
                        return spelling;
                }
            }
        }
        fail(mark, QStringLiteral("a mapping key is empty"));
    }

    void acceptKey(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                   const std::string& key)
    {
        if (shortFormFunction(tag))
            fail(mark, QStringLiteral("the tag %1 cannot be used on a mapping key").arg(displayTag(tag)));
        if (tag != "?" && tag != "!" && !isStandardTag(tag))
            fail(mark, QStringLiteral("unknown tag '%1'").arg(displayTag(tag)));
        Frame& map = m_stack.back();
        const SourceLocation location = locationOf(mark);
        const auto [existing, inserted] = map.keyLines.emplace(key, location.line);
        if (!inserted)
            fail(mark, QStringLiteral("duplicate key '%1' (first defined at line %2)")
                           .arg(TreeParseError::excerpt(key))
                           .arg(existing->second));
        map.key = key;
        map.keyPointer = ParsedTree::childPointer(map.pointer, key);
        map.hasKey = true;
        addBytes(mark, static_cast<std::int64_t>(key.size()));
        recordLocation(mark, map.keyPointer, location);
        if (anchor != 0) {
            Anchor keyAnchor;
            keyAnchor.value = key;
            keyAnchor.nodes = 1;
            keyAnchor.textBytes = static_cast<std::int64_t>(key.size());
            holdAnchor(mark, anchor, std::move(keyAnchor));
        }
    }

    JsonTree scalarValue(const YAML::Mark& mark, const std::string& tag, const std::string& text) const
    {
        if (tag == "?")
            return plainScalar(text);
        if (tag == "!")
            return text;
        if (!isStandardTag(tag))
            fail(mark, QStringLiteral("unknown tag '%1'").arg(displayTag(tag)));

        const std::string name = standardTagName(tag);
        if (name == "null")
            return nullptr;
        if (name == "bool") {
            const JsonTree value = plainScalar(text);
            if (!value.is_boolean())
                fail(mark, QStringLiteral("'%1' is not a !!bool value").arg(TreeParseError::excerpt(text)));
            return value;
        }
        if (name == "int") {
            const std::string digits = !text.empty() && text[0] == '+' ? text.substr(1) : text;
            if (const auto value = plainInteger(digits))
                return *value;
            if (digits == "-0")
                return 0;
            fail(mark, QStringLiteral("'%1' is not a !!int value").arg(TreeParseError::excerpt(text)));
        }
        if (name == "float") {
            const std::string digits = !text.empty() && text[0] == '+' ? text.substr(1) : text;
            double value = 0;
            const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
            if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()
                || !std::isfinite(value))
                fail(mark, QStringLiteral("'%1' is not a !!float value that JSON can hold")
                               .arg(TreeParseError::excerpt(text)));
            return value;
        }
        if (name == "map" || name == "seq" || name == "omap" || name == "pairs" || name == "set")
            fail(mark, QStringLiteral("the tag %1 cannot be used on a scalar").arg(displayTag(tag)));
        return text;
    }

    void addScalar(const YAML::Mark& mark, YAML::anchor_t anchor, JsonTree&& value, std::size_t textSize)
    {
        Slot slot = openSlot(mark);
        const Checkpoint start = checkpoint();
        addNodes(mark, 1);
        addBytes(mark, static_cast<std::int64_t>(textSize));
        holdAnchor(mark, anchor, slot.pointer, value, start, 0);
        place(std::move(value), 0);
    }

    void addShortFormScalar(const YAML::Mark& mark, YAML::anchor_t anchor, const std::string& function,
                            const std::string& text)
    {
        Slot slot = openSlot(mark);
        const Checkpoint start = checkpoint();
        checkDepth(mark, slot.parentDepth + 1);
        const SourceLocation location = locationOf(mark);
        const std::string inner = ParsedTree::childPointer(slot.pointer, function);
        recordLocation(mark, inner, location);

        JsonTree content;
        int height = 1;
        if (function == kGetAtt) {
            const std::size_t dot = text.find('.');
            content = JsonTree::array({text.substr(0, dot)});
            if (dot != std::string::npos)
                content.push_back(text.substr(dot + 1));
            for (std::size_t i = 0; i < content.size(); ++i)
                recordLocation(mark, ParsedTree::childPointer(inner, i), location);
            addNodes(mark, static_cast<std::int64_t>(content.size()) + 2);
            addBytes(mark, static_cast<std::int64_t>(text.size()),
                     static_cast<std::int64_t>(slot.pointer.size()));
            m_getAttDotForms.push_back(slot.pointer);
            height = 2;
        } else {
            content = text;
            addNodes(mark, 2);
            addBytes(mark, static_cast<std::int64_t>(text.size()));
        }
        JsonTree value = JsonTree::object();
        value.get_ref<JsonTree::object_t&>().emplace(function, std::move(content));
        addBytes(mark, 0, static_cast<std::int64_t>(slot.pointer.size()));
        m_shortForms.push_back(slot.pointer);
        holdAnchor(mark, anchor, slot.pointer, value, start, height);
        place(std::move(value), height);
    }

    void openCollection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool isMap)
    {
        if (expectingKey())
            fail(mark, QStringLiteral("complex mapping keys are not supported: a key must be a scalar"));
        Slot slot = openSlot(mark);

        Frame frame;
        frame.isMap = isMap;
        frame.value = isMap ? JsonTree::object() : JsonTree::array();
        frame.anchor = anchor;
        frame.location = locationOf(mark);
        frame.checkpoint = checkpoint();
        frame.nodePointer = slot.pointer;
        frame.depth = slot.parentDepth + 1;
        addNodes(mark, 1);

        if (const auto function = shortFormFunction(tag)) {
            frame.function = *function;
            frame.pointer = ParsedTree::childPointer(slot.pointer, *function);
            ++frame.depth;
            addNodes(mark, 1);
            recordLocation(mark, frame.pointer, frame.location);
        } else if (tag == "?" || tag == "!") {
            frame.pointer = std::move(slot.pointer);
        } else if (isStandardTag(tag)) {
            const std::string name = standardTagName(tag);
            const bool fits = isMap ? (name == "map" || name == "set")
                                    : (name == "seq" || name == "omap" || name == "pairs");
            if (!fits)
                fail(mark, QStringLiteral("the tag %1 cannot be used on a %2")
                               .arg(displayTag(tag), isMap ? QStringLiteral("mapping")
                                                           : QStringLiteral("sequence")));
            frame.pointer = std::move(slot.pointer);
        } else {
            fail(mark, QStringLiteral("unknown tag '%1'").arg(displayTag(tag)));
        }
        checkDepth(mark, frame.depth);
        m_stack.push_back(std::move(frame));
    }

    void closeCollection()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        int height = frame.childHeight + 1;
        JsonTree value;
        if (frame.function.empty()) {
            value = std::move(frame.value);
        } else {
            value = JsonTree::object();
            value.get_ref<JsonTree::object_t&>().emplace(frame.function, std::move(frame.value));
            addBytes(frame.location, 0, static_cast<std::int64_t>(frame.nodePointer.size()));
            m_shortForms.push_back(frame.nodePointer);
            ++height;
        }
        holdAnchor(frame.location, frame.anchor, frame.nodePointer, value, frame.checkpoint, height);
        place(std::move(value), height);
    }

    /** Keeps a copy of a finished anchored node, with its records, for later aliases. */
    template<typename Where>
    void holdAnchor(const Where& where, YAML::anchor_t anchorId, const std::string& pointer,
                    const JsonTree& value, const Checkpoint& start, int height)
    {
        if (anchorId == 0)
            return;
        Anchor anchor;
        anchor.value = value;
        anchor.height = height;
        anchor.nodes = m_nodes - start.nodes;
        anchor.textBytes = m_textBytes - start.textBytes;
        const auto relative = [&](const std::string& full) {
            std::string suffix = full.substr(pointer.size());
            anchor.pointerBytes += static_cast<std::int64_t>(suffix.size());
            return suffix;
        };
        for (std::size_t i = start.locations; i < m_locations.size(); ++i)
            anchor.locations.emplace_back(relative(m_locations[i].first), m_locations[i].second);
        for (std::size_t i = start.shortForms; i < m_shortForms.size(); ++i)
            anchor.shortForms.push_back(relative(m_shortForms[i]));
        for (std::size_t i = start.getAttDotForms; i < m_getAttDotForms.size(); ++i)
            anchor.getAttDotForms.push_back(relative(m_getAttDotForms[i]));
        holdAnchor(where, anchorId, std::move(anchor));
    }

    template<typename Where>
    void holdAnchor(const Where& where, YAML::anchor_t anchorId, Anchor&& anchor)
    {
        m_heldNodes += anchor.nodes;
        m_heldBytes += anchor.textBytes + anchor.pointerBytes;
        addNodes(where, 0);
        addBytes(where, 0);
        m_anchors.insert_or_assign(anchorId, std::move(anchor));
    }

    const SourceText& m_source;
    const QString& m_fileName;
    const TreeReadLimits& m_limits;

    std::vector<Frame> m_stack;
    JsonTree m_root;
    std::vector<std::pair<std::string, SourceLocation>> m_locations;
    std::vector<std::string> m_shortForms;
    std::vector<std::string> m_getAttDotForms;
    std::unordered_map<YAML::anchor_t, Anchor> m_anchors;

    int m_documents = 0;
    int m_aliasUses = 0;
    std::int64_t m_nodes = 0;
    std::int64_t m_heldNodes = 0;
    std::int64_t m_textBytes = 0;
    std::int64_t m_pointerBytes = 0;
    std::int64_t m_heldBytes = 0;
};

} // namespace

ParsedTree YamlTreeReader::read(const QByteArray& text, const QString& fileName, const TreeReadLimits& limits)
{
    const SourceText source = SourceText::forReading(text, fileName, limits);

    checkFlowNesting(source, fileName, limits.maxDepth);

    YamlTreeBuilder builder(source, fileName, limits);
    try {
        std::istringstream stream(std::string(source.utf8().constData(),
                                              static_cast<std::size_t>(source.utf8().size())));
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const YAML::DeepRecursion& error) {
        throw TreeParseError(fileName, builder.locationOf(error.mark),
                             QStringLiteral("the nesting is too deep for the YAML parser"));
    } catch (const YAML::Exception& error) {
        throw TreeParseError(fileName, builder.locationOf(error.mark), QString::fromStdString(error.msg));
    }
    if (!builder.hasDocument())
        throw TreeParseError(fileName, 0, 0, QStringLiteral("the file is empty"));
    return builder.takeResult();
}

} // namespace tributary
