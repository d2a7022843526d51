#include "model/References.h"

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

} // namespace tributary
