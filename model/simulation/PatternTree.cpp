#include "model/simulation/PatternTree.h"

#include "model/MessageError.h"

#include <algorithm>

namespace tributary {

namespace {

const JsonTree& emptyObject()
{
    static const JsonTree empty = JsonTree::object();
    return empty;
}

std::string joined(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "/" + key;
}

} // namespace

PatternTree PatternTree::compile(const JsonTree& pattern, ValueMatcher::Dialect dialect, bool allowNesting)
{
    if (!pattern.is_string())
        return compileLevel(pattern, dialect, allowNesting, {});
    const JsonTree parsed = JsonTree::parse(pattern.get<std::string>(), nullptr, false);
    if (parsed.is_discarded())
        throw MessageError(QStringLiteral("the text is not JSON: %1").arg(QString::fromStdString(pattern.get<std::string>().substr(0, 60))));
    return compileLevel(parsed, dialect, allowNesting, {});
}

PatternTree PatternTree::compileLevel(const JsonTree& pattern, ValueMatcher::Dialect dialect, bool allowNesting,
                                      const std::string& path)
{
    if (!pattern.is_object())
        throw MessageError(QStringLiteral("%1must be an object of keys, not %2")
                               .arg(path.empty() ? QString() : QStringLiteral("key '%1' ").arg(QString::fromStdString(path)),
                                    QString::fromStdString(pattern.dump().substr(0, 60))));
    PatternTree tree;
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
        const std::string keyPath = joined(path, it.key());
        if (it.key() == "$or") {
            if (!it.value().is_array() || it.value().empty())
                throw MessageError(QStringLiteral("key '%1' must be a non-empty list of patterns").arg(QString::fromStdString(keyPath)));
            std::vector<PatternTree> alternatives;
            for (std::size_t i = 0; i < it.value().size(); ++i)
                alternatives.push_back(compileLevel(it.value()[i], dialect, allowNesting, keyPath + "/" + std::to_string(i)));
            tree.m_alternatives.push_back(std::move(alternatives));
            continue;
        }
        Field field;
        field.key = it.key();
        if (it.value().is_object()) {
            if (!allowNesting)
                throw MessageError(QStringLiteral("key '%1' holds an object, but this policy matches only flat "
                                                  "message attributes (nesting needs the MessageBody scope)")
                                       .arg(QString::fromStdString(keyPath)));
            field.nested.push_back(compileLevel(it.value(), dialect, allowNesting, keyPath));
        } else {
            field.values = ValueMatcher::compile(it.value(), dialect, keyPath);
        }
        tree.m_fields.push_back(std::move(field));
    }
    return tree;
}

bool PatternTree::nestedMatches(const JsonTree* value) const
{
    if (!value || !(value->is_object() || value->is_array()))
        return matches(emptyObject());
    if (value->is_object())
        return matches(*value);
    if (value->empty())
        return matches(emptyObject());
    return std::any_of(value->begin(), value->end(), [this](const JsonTree& element) {
        return element.is_array() ? nestedMatches(&element) : matches(element);
    });
}

bool PatternTree::matches(const JsonTree& object) const
{
    const JsonTree& level = object.is_object() ? object : emptyObject();
    for (const Field& field : m_fields) {
        const auto found = level.find(field.key);
        const JsonTree* value = found == level.end() ? nullptr : &*found;
        const bool fieldMatches = field.nested.empty() ? field.values.matches(value) : field.nested.front().nestedMatches(value);
        if (!fieldMatches)
            return false;
    }
    return std::all_of(m_alternatives.begin(), m_alternatives.end(), [&level](const std::vector<PatternTree>& alternatives) {
        return std::any_of(alternatives.begin(), alternatives.end(),
                           [&level](const PatternTree& alternative) { return alternative.matches(level); });
    });
}

} // namespace tributary
