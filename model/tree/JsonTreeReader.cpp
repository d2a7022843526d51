#include "model/tree/JsonTreeReader.h"

#include "model/tree/SourceText.h"
#include "model/tree/TreeParseError.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tributary {

namespace {

/** A character iterator that tells how far the parser has read. */
class TrackingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* position, const char** furthest)
        : m_position(position)
        , m_furthest(furthest)
    {
    }

    reference operator*() const { return *m_position; }

    TrackingIterator& operator++()
    {
        ++m_position;
        *m_furthest = m_position;
        return *this;
    }

    TrackingIterator operator++(int)
    {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }

    bool operator==(const TrackingIterator& other) const { return m_position == other.m_position; }
    bool operator!=(const TrackingIterator& other) const { return m_position != other.m_position; }

private:
    const char* m_position;
    const char** m_furthest;
};

bool isNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/** Builds the tree from nlohmann's SAX events, finding each token's position from the bytes read. */
class JsonTreeBuilder
{
public:
    using number_integer_t = JsonTree::number_integer_t;
    using number_unsigned_t = JsonTree::number_unsigned_t;
    using number_float_t = JsonTree::number_float_t;
    using string_t = JsonTree::string_t;
    using binary_t = JsonTree::binary_t;

    JsonTreeBuilder(const SourceText& source, const QString& fileName, const TreeReadLimits& limits)
        : m_source(source)
        , m_fileName(fileName)
        , m_limits(limits)
        , m_begin(source.utf8().constData())
        , m_furthest(m_begin)
    {
    }

    TrackingIterator begin() { return TrackingIterator(m_begin, &m_furthest); }
    TrackingIterator end() { return TrackingIterator(m_begin + m_source.utf8().size(), &m_furthest); }

    ParsedTree takeResult()
    {
        ParsedTree tree;
        tree.format = ParsedTree::Format::Json;
        tree.value = std::move(m_root);
        tree.locations.reserve(m_locations.size());
        for (auto& [pointer, location] : m_locations)
            tree.locations.insert_or_assign(std::move(pointer), location);
        return tree;
    }

    bool null() { return addScalar(literalStart(4), nullptr, 0); }
    bool boolean(bool value) { return addScalar(literalStart(value ? 4 : 5), value, 0); }
    bool number_integer(number_integer_t value) { return addScalar(numberStart(consumed()), value, 0); }
    bool number_unsigned(number_unsigned_t value) { return addScalar(numberStart(consumed()), value, 0); }
    bool number_float(number_float_t value, const string_t&) { return addScalar(numberStart(consumed()), value, 0); }

    bool string(string_t& value)
    {
        const std::size_t size = value.size();
        return addScalar(stringStart(consumed()), std::move(value), size);
    }

    bool binary(binary_t&) { return false; }

    bool start_object(std::size_t) { return openCollection(true); }
    bool end_object() { return closeCollection(); }
    bool start_array(std::size_t) { return openCollection(false); }
    bool end_array() { return closeCollection(); }

    bool key(string_t& key)
    {
        const std::size_t start = stringStart(consumed());
        Frame& object = m_stack.back();
        const SourceLocation location = m_source.locate(start);
        const auto [existing, inserted] = object.keyLines.emplace(key, location.line);
        if (!inserted)
            fail(location, QStringLiteral("duplicate key '%1' (first defined at line %2)")
                               .arg(TreeParseError::excerpt(key))
                               .arg(existing->second));
        object.keyPointer = ParsedTree::childPointer(object.pointer, key);
        object.key = key;
        addBytes(location, static_cast<std::int64_t>(key.size()));
        recordLocation(location, object.keyPointer);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error)
    {
        const std::string what = error.what();
        const std::size_t reason = what.find(": ", what.find("parse error"));
        const std::string message = reason == std::string::npos ? what : what.substr(reason + 2);
        const bool unexpectedToken = message.find(" - unexpected ") != std::string::npos
            && message.find("unexpected end of input") == std::string::npos;
        const std::size_t offset = unexpectedToken ? tokenStart(position) : (position > 0 ? position - 1 : 0);
        fail(m_source.locate(offset), QString::fromStdString(message));
    }

private:
    struct Frame
    {
        bool isObject = false;
        JsonTree value;
        std::string pointer;
        std::string key;
        std::string keyPointer;
        std::unordered_map<std::string, int> keyLines;
    };

    [[noreturn]] void fail(const SourceLocation& location, const QString& message) const
    {
        throw TreeParseError(m_fileName, location, message);
    }

    std::size_t consumed() const { return static_cast<std::size_t>(m_furthest - m_begin); }

    std::size_t literalStart(std::size_t length) const { return consumed() - length; }

    /** Start of the number ending at or one character before end (the lexer reads one past it). */
    std::size_t numberStart(std::size_t end) const
    {
        std::size_t position = end;
        if (position > 0 && !isNumberCharacter(m_begin[position - 1]))
            --position;
        while (position > 0 && isNumberCharacter(m_begin[position - 1]))
            --position;
        return position;
    }

    /** Offset of the opening quote of the string whose closing quote is just before end. */
    std::size_t stringStart(std::size_t end) const
    {
        std::size_t quote = end > 0 ? end - 1 : 0;
        while (quote > 0) {
            --quote;
            if (m_begin[quote] != '"')
                continue;
            std::size_t backslashes = 0;
            while (quote > backslashes && m_begin[quote - backslashes - 1] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0)
                return quote;
        }
        return 0;
    }

    /** Start of the complete token that ends just before end. */
    std::size_t tokenStart(std::size_t end) const
    {
        end = std::min(end, static_cast<std::size_t>(m_source.utf8().size()));
        if (end == 0)
            return 0;
        const char last = m_begin[end - 1];
        if (last == '"')
            return stringStart(end);
        if (isNumberCharacter(last))
            return numberStart(end);
        std::size_t start = end - 1;
        while (start > 0 && m_begin[start - 1] >= 'a' && m_begin[start - 1] <= 'z')
            --start;
        return start;
    }

    void addNode(const SourceLocation& location)
    {
        if (++m_nodes > m_limits.maxNodes)
            fail(location, QStringLiteral("the document has more than %1 nodes").arg(m_limits.maxNodes));
    }

    void addBytes(const SourceLocation& location, std::int64_t bytes)
    {
        m_bytes += bytes;
        if (m_bytes > m_limits.maxExpandedBytes)
            fail(location, QStringLiteral("the document holds more than %1 bytes of text")
                               .arg(m_limits.maxExpandedBytes));
    }

    void recordLocation(const SourceLocation& location, const std::string& pointer)
    {
        addBytes(location, static_cast<std::int64_t>(pointer.size()));
        m_locations.emplace_back(pointer, location);
    }

    /** The pointer of the next node; records its location unless its key already did. */
    std::string openSlot(const SourceLocation& location)
    {
        addNode(location);
        if (m_stack.empty()) {
            recordLocation(location, std::string());
            return std::string();
        }
        const Frame& parent = m_stack.back();
        if (parent.isObject)
            return parent.keyPointer;
        std::string pointer = ParsedTree::childPointer(parent.pointer, parent.value.size());
        recordLocation(location, pointer);
        return pointer;
    }

    void place(JsonTree&& value)
    {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return;
        }
        Frame& parent = m_stack.back();
        if (parent.isObject) {
            auto& entries = static_cast<JsonTree::object_t::Container&>(
                parent.value.get_ref<JsonTree::object_t&>());
            entries.emplace_back(std::move(parent.key), std::move(value));
        } else {
            parent.value.get_ref<JsonTree::array_t&>().push_back(std::move(value));
        }
    }

    bool addScalar(std::size_t start, JsonTree&& value, std::size_t textSize)
    {
        const SourceLocation location = m_source.locate(start);
        openSlot(location);
        addBytes(location, static_cast<std::int64_t>(textSize));
        place(std::move(value));
        return true;
    }

    bool openCollection(bool isObject)
    {
        const SourceLocation location = m_source.locate(consumed() - 1);
        if (static_cast<int>(m_stack.size()) + 1 > m_limits.maxDepth)
            fail(location, QStringLiteral("the nesting is deeper than %1 levels").arg(m_limits.maxDepth));
        Frame frame;
        frame.isObject = isObject;
        frame.value = isObject ? JsonTree::object() : JsonTree::array();
        frame.pointer = openSlot(location);
        m_stack.push_back(std::move(frame));
        return true;
    }

    bool closeCollection()
    {
        JsonTree value = std::move(m_stack.back().value);
        m_stack.pop_back();
        place(std::move(value));
        return true;
    }

    const SourceText& m_source;
    const QString& m_fileName;
    const TreeReadLimits& m_limits;
    const char* m_begin;
    const char* m_furthest;

    std::vector<Frame> m_stack;
    JsonTree m_root;
    std::vector<std::pair<std::string, SourceLocation>> m_locations;
    std::int64_t m_nodes = 0;
    std::int64_t m_bytes = 0;
};

} // namespace

ParsedTree JsonTreeReader::read(const QByteArray& text, const QString& fileName, const TreeReadLimits& limits)
{
    const SourceText source = SourceText::forReading(text, fileName, limits);

    JsonTreeBuilder builder(source, fileName, limits);
    if (!JsonTree::sax_parse(builder.begin(), builder.end(), &builder, JsonTree::input_format_t::json,
                             true, false))
        throw TreeParseError(fileName, 0, 0, QStringLiteral("the file cannot be read as JSON"));
    return builder.takeResult();
}

} // namespace tributary
