#include "model/tree/JsonTreeEdit.h"

#include <algorithm>

namespace tributary {

namespace {

/** Index of key in an ordered object, or its size when absent. */
std::size_t indexOfKey(const JsonTree& object, const std::string& key)
{
    std::size_t index = 0;
    for (auto it = object.begin(); it != object.end(); ++it, ++index) {
        if (it.key() == key)
            return index;
    }
    return index;
}

void insertKeyAt(JsonTree& object, std::size_t index, const std::string& key, const JsonTree& value)
{
    JsonTree rebuilt = JsonTree::object();
    std::size_t position = 0;
    for (auto it = object.begin(); it != object.end(); ++it, ++position) {
        if (position == index)
            rebuilt[key] = value;
        rebuilt[it.key()] = std::move(it.value());
    }
    if (position <= index)
        rebuilt[key] = value;
    object = std::move(rebuilt);
}

bool isArrayIndex(const std::string& token, std::size_t size, bool allowEnd)
{
    if (token == "-")
        return allowEnd;
    if (token.empty() || (token.size() > 1 && token[0] == '0'))
        return false;
    for (char c : token) {
        if (c < '0' || c > '9')
            return false;
    }
    if (token.size() > 9)
        return false;
    const auto index = std::stoul(token);
    return allowEnd ? index <= size : index < size;
}

} // namespace

JsonTree::json_pointer JsonTreeEdit::toPointer(const QString& pointer)
{
    return JsonTree::json_pointer(pointer.toStdString());
}

std::optional<JsonTree> JsonTreeEdit::valueAt(const JsonTree& tree, const QString& pointer)
{
    try {
        const auto path = toPointer(pointer);
        if (!tree.contains(path))
            return std::nullopt;
        return tree.at(path);
    } catch (const JsonTree::exception&) {
        return std::nullopt;
    }
}

QString JsonTreeEdit::problemSetting(const JsonTree& tree, const QString& pointer)
{
    if (pointer.isEmpty() || !pointer.startsWith(QLatin1Char('/')))
        return QStringLiteral("'%1' is not a JSON pointer to a property (it must start with '/')").arg(pointer);
    JsonTree::json_pointer path;
    try {
        path = toPointer(pointer);
    } catch (const JsonTree::exception& error) {
        return QStringLiteral("'%1' is not a valid JSON pointer: %2").arg(pointer, QString::fromUtf8(error.what()));
    }
    const JsonTree* node = &tree;
    std::vector<std::string> tokens;
    for (auto p = path; !p.empty(); p = p.parent_pointer())
        tokens.insert(tokens.begin(), p.back());
    if (std::find(tokens.begin(), tokens.end() - 1, "-") != tokens.end() - 1)
        return QStringLiteral("'%1' appends ('-') before its last step; '-' may only end a pointer").arg(pointer);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool last = i + 1 == tokens.size();
        const std::string& token = tokens[i];
        if (node->is_object()) {
            auto found = node->find(token);
            if (found == node->end())
                return {};
            node = &*found;
        } else if (node->is_array()) {
            if (!isArrayIndex(token, node->size(), last))
                return QStringLiteral("'%1' is not an index of the list at '%2'")
                    .arg(QString::fromStdString(token), pointer);
            if (last)
                return {};
            node = &(*node)[std::stoul(token)];
        } else {
            return QStringLiteral("'%1' goes through a value that is neither an object nor a list").arg(pointer);
        }
    }
    return {};
}

JsonTreeEdit::Previous JsonTreeEdit::apply(JsonTree& tree, const QString& pointer, const std::optional<JsonTree>& value)
{
    Previous previous;
    const auto path = toPointer(pointer);
    const auto parentPath = path.parent_pointer();
    std::string key = path.back();

    JsonTree* parentNode = nullptr;
    if (!tree.contains(parentPath)) {
        if (!value)
            return previous;
        // Create the missing parents one by one: a list where the token below is "-" or "0",
        // an object otherwise (tree[parentPath] would guess differently).
        std::vector<std::string> missing;
        auto existing = parentPath;
        for (; !existing.empty() && !tree.contains(existing); existing = existing.parent_pointer())
            missing.push_back(existing.back());
        previous.createdParents = static_cast<int>(missing.size());
        JsonTree* node = &tree[existing];
        for (std::size_t i = missing.size(); i-- > 0;) {
            const std::string& below = i == 0 ? key : missing[i - 1];
            JsonTree created = below == "-" || below == "0" ? JsonTree::array() : JsonTree::object();
            if (node->is_array()) {
                node->push_back(std::move(created));
                node = &node->back();
            } else {
                node = &((*node)[missing[i]] = std::move(created));
            }
        }
        parentNode = node;
    } else {
        parentNode = &tree[parentPath];
    }
    JsonTree& parent = *parentNode;

    if (parent.is_array()) {
        const std::size_t index = key == "-" ? parent.size() : std::stoul(key);
        previous.index = index;
        previous.inList = true;
        if (index < parent.size()) {
            previous.value = parent[index];
            if (value) {
                parent[index] = *value;
            } else {
                parent.erase(index);
                previous.removedFromList = true;
            }
        } else if (value) {
            parent.push_back(*value);
        }
        return previous;
    }

    previous.index = indexOfKey(parent, key);
    auto found = parent.find(key);
    if (found != parent.end()) {
        previous.value = *found;
        if (value)
            *found = *value;
        else
            parent.erase(found);
    } else if (value) {
        parent[key] = *value;
    }
    return previous;
}

void JsonTreeEdit::restore(JsonTree& tree, const QString& pointer, const Previous& previous)
{
    auto path = toPointer(pointer);
    auto parentPath = path.parent_pointer();
    if (!tree.contains(parentPath))
        return;
    JsonTree& parent = tree[parentPath];
    const std::string key = path.back();

    if (parent.is_array()) {
        const auto index = static_cast<std::ptrdiff_t>(previous.index);
        if (previous.removedFromList)
            parent.insert(parent.begin() + index, *previous.value);
        else if (previous.value)
            parent[previous.index] = *previous.value;
        else if (previous.index < parent.size())
            parent.erase(previous.index);
    } else if (previous.value) {
        parent.erase(key);
        insertKeyAt(parent, previous.index, key, *previous.value);
    } else {
        parent.erase(key);
    }

    for (int i = 0; i < previous.createdParents; ++i) {
        const std::string parentKey = parentPath.back();
        parentPath = parentPath.parent_pointer();
        JsonTree& holder = tree[parentPath];
        if (holder.is_array())
            holder.erase(holder.size() - 1);
        else
            holder.erase(parentKey);
    }
}

} // namespace tributary
