#include "model/References.h"

#include "model/tree/ParsedTree.h"

#include <algorithm>

namespace tributary {

namespace {

bool renameString(JsonTree& value, const std::string& from, const std::string& to)
{
    if (value.is_string() && value.get<std::string>() == from) {
        value = to;
        return true;
    }
    return false;
}

bool renameGetAtt(JsonTree& argument, const std::string& from, const std::string& to)
{
    if (argument.is_array() && !argument.empty())
        return renameString(argument[0], from, to);
    if (argument.is_string()) {
        const std::string text = argument.get<std::string>();
        if (text.size() > from.size() && text.compare(0, from.size(), from) == 0 && text[from.size()] == '.') {
            argument = to + text.substr(from.size());
            return true;
        }
    }
    return false;
}

bool renameSub(JsonTree& argument, const std::string& from, const std::string& to)
{
    if (argument.is_string()) {
        std::string text = argument.get<std::string>();
        if (!References::renameInSubString(text, from, to))
            return false;
        argument = text;
        return true;
    }
    if (!argument.is_array() || argument.empty())
        return References::rename(argument, from, to);
    bool changed = false;
    const bool shadowed = argument.size() > 1 && argument[1].is_object() && argument[1].contains(from);
    if (argument[0].is_string() && !shadowed) {
        std::string text = argument[0].get<std::string>();
        if (References::renameInSubString(text, from, to)) {
            argument[0] = text;
            changed = true;
        }
    }
    for (std::size_t i = 1; i < argument.size(); ++i)
        changed = References::rename(argument[i], from, to) || changed;
    return changed;
}

/** A SAM connector names its ends as {"Id": logicalId}, alone or in a list. */
bool renameConnectorEnds(JsonTree& end, const std::string& from, const std::string& to)
{
    if (end.is_array()) {
        bool changed = false;
        for (JsonTree& item : end)
            changed = renameConnectorEnds(item, from, to) || changed;
        return changed;
    }
    if (end.is_object()) {
        auto id = end.find("Id");
        if (id != end.end())
            return renameString(*id, from, to);
    }
    return false;
}

} // namespace

bool References::rename(JsonTree& value, const std::string& from, const std::string& to)
{
    if (value.is_array()) {
        bool changed = false;
        for (JsonTree& item : value)
            changed = rename(item, from, to) || changed;
        return changed;
    }
    if (!value.is_object())
        return false;
    if (value.size() == 1) {
        auto only = value.begin();
        if (only.key() == "Ref")
            return renameString(only.value(), from, to);
        if (only.key() == "Fn::GetAtt")
            return renameGetAtt(only.value(), from, to);
        if (only.key() == "Fn::Sub")
            return renameSub(only.value(), from, to);
    }
    bool changed = false;
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (it.key() == "Source" || it.key() == "Destination")
            changed = renameConnectorEnds(it.value(), from, to) || changed;
        changed = rename(it.value(), from, to) || changed;
    }
    return changed;
}

bool References::renameInDependsOn(JsonTree& dependsOn, const std::string& from, const std::string& to)
{
    if (dependsOn.is_string())
        return renameString(dependsOn, from, to);
    bool changed = false;
    if (dependsOn.is_array()) {
        for (JsonTree& item : dependsOn)
            changed = renameString(item, from, to) || changed;
    }
    return changed;
}

namespace {

void visitSubString(const std::string& text, const std::string& pointer, const JsonTree* variables,
                    const References::Visitor& visitor)
{
    for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
        const std::size_t close = text.find('}', at + 2);
        if (close == std::string::npos)
            return;
        std::string name = text.substr(at + 2, close - at - 2);
        if (name.empty() || name[0] == '!')
            continue;
        name = name.substr(0, name.find('.'));
        if (name.rfind("AWS::", 0) == 0 || (variables && variables->is_object() && variables->contains(name)))
            continue;
        visitor(pointer, name);
    }
}

/** True for the pointer of a SAM connector's Source, Destination or Destination list item. */
bool isConnectorEnd(const std::string& pointer)
{
    const JsonTree::json_pointer path(pointer);
    if (path.empty())
        return false;
    const std::string last = path.back();
    if (last == "Source" || last == "Destination")
        return true;
    const auto parent = path.parent_pointer();
    return !parent.empty() && parent.back() == "Destination" && !last.empty()
        && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void report(const std::string& id, const std::string& pointer, const References::Visitor& visitor)
{
    if (!id.empty() && id.rfind("AWS::", 0) != 0)
        visitor(pointer, id);
}

} // namespace

void References::visit(const JsonTree& value, const std::string& pointer, const Visitor& visitor)
{
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            visit(value[i], pointer + "/" + std::to_string(i), visitor);
        return;
    }
    if (!value.is_object())
        return;
    if (value.size() == 1) {
        const auto only = value.begin();
        const JsonTree& argument = only.value();
        if (only.key() == "Ref" && argument.is_string())
            return report(argument.get<std::string>(), pointer, visitor);
        if (only.key() == "Fn::GetAtt") {
            if (argument.is_array() && !argument.empty() && argument[0].is_string())
                return report(argument[0].get<std::string>(), pointer, visitor);
            if (argument.is_string()) {
                const std::string text = argument.get<std::string>();
                return report(text.substr(0, text.find('.')), pointer, visitor);
            }
        }
        if (only.key() == "Fn::Sub") {
            if (argument.is_string())
                return visitSubString(argument.get<std::string>(), pointer, nullptr, visitor);
            if (argument.is_array() && !argument.empty() && argument[0].is_string()) {
                visitSubString(argument[0].get<std::string>(), pointer, argument.size() > 1 ? &argument[1] : nullptr,
                               visitor);
                for (std::size_t i = 1; i < argument.size(); ++i)
                    visit(argument[i], pointer + "/Fn::Sub/" + std::to_string(i), visitor);
                return;
            }
        }
    }
    const bool connectorEnd = isConnectorEnd(pointer);
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string child = ParsedTree::childPointer(pointer, it.key());
        if (connectorEnd && it.key() == "Id" && it.value().is_string())
            report(it.value().get<std::string>(), child, visitor);
        else
            visit(it.value(), child, visitor);
    }
}

bool References::renameInSubString(std::string& text, const std::string& from, const std::string& to)
{
    bool changed = false;
    std::size_t at = 0;
    while ((at = text.find("${", at)) != std::string::npos) {
        const std::size_t nameStart = at + 2;
        const std::size_t close = text.find('}', nameStart);
        if (close == std::string::npos)
            break;
        if (text.compare(nameStart, 1, "!") != 0 && text.compare(nameStart, from.size(), from) == 0
            && (nameStart + from.size() == close || text[nameStart + from.size()] == '.')) {
            text.replace(nameStart, from.size(), to);
            changed = true;
            at = close + to.size() - from.size() + 1;
        } else {
            at = close + 1;
        }
    }
    return changed;
}

bool References::renameInEntry(JsonTree& properties, JsonTree& attributes, const std::string& from, const std::string& to)
{
    bool changed = rename(properties, from, to);
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        changed = (it.key() == "DependsOn" ? renameInDependsOn(it.value(), from, to) : rename(it.value(), from, to)) || changed;
    return changed;
}

} // namespace tributary
