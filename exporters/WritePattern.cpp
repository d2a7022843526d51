#include "exporters/WritePattern.h"

#include "model/tree/ParsedTree.h"

namespace tributary {

namespace {

const std::string propertyPrefix = "{{property:";

bool hasPlaceholder(const std::string& text)
{
    return text.find("{{") != std::string::npos;
}

/** "source" or "target" when pattern is an intrinsic reference to that placeholder, else empty. */
std::string referencedPlaceholder(const JsonTree& pattern)
{
    if (!pattern.is_object() || pattern.size() != 1)
        return {};
    const auto only = pattern.begin();
    if (only.key() != "Ref" && only.key() != "Fn::GetAtt" && only.key() != "Fn::Sub")
        return {};
    const std::string text = only.value().dump();
    if (text.find("{{source}}") != std::string::npos)
        return "source";
    if (text.find("{{target}}") != std::string::npos)
        return "target";
    return {};
}

bool namesAnEnd(const JsonTree& pattern)
{
    if (!referencedPlaceholder(pattern).empty())
        return true;
    if (pattern.is_object() || pattern.is_array()) {
        for (const JsonTree& child : pattern) {
            if (namesAnEnd(child))
                return true;
        }
    }
    return false;
}

bool isOptional(const JsonTree& pattern)
{
    return pattern.is_string() && pattern.get<std::string>().rfind(propertyPrefix, 0) == 0;
}

bool bindEnd(std::string& slot, const std::string& id)
{
    if (id.empty() || (!slot.empty() && slot != id))
        return false;
    slot = id;
    return true;
}

} // namespace

std::vector<WritePattern::Place> WritePattern::places(const JsonTree& properties, const std::string& path)
{
    std::vector<std::string> steps;
    for (auto pointer = JsonTree::json_pointer(path); !pointer.empty(); pointer = pointer.parent_pointer())
        steps.insert(steps.begin(), pointer.back());
    std::vector<Place> found;
    collectPlaces(properties, steps, 0, "", "", found);
    return found;
}

void WritePattern::collectPlaces(const JsonTree& node, const std::vector<std::string>& steps, std::size_t step,
                                 const std::string& pointer, const std::string& connection, std::vector<Place>& places)
{
    if (step == steps.size()) {
        places.push_back({pointer, &node, connection});
        return;
    }
    const std::string& token = steps[step];
    if (token == "-") {
        if (node.is_array()) {
            for (std::size_t i = 0; i < node.size(); ++i)
                collectPlaces(node[i], steps, step + 1, ParsedTree::childPointer(pointer, i), connection, places);
        }
        return;
    }
    if (!node.is_object())
        return;
    if (hasPlaceholder(token)) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            collectPlaces(it.value(), steps, step + 1, ParsedTree::childPointer(pointer, it.key()),
                          token == "{{connection}}" ? it.key() : connection, places);
        }
        return;
    }
    const auto found = node.find(token);
    if (found != node.end())
        collectPlaces(*found, steps, step + 1, ParsedTree::childPointer(pointer, token), connection, places);
}

bool WritePattern::fits(const JsonTree& pattern, const JsonTree& actual, Binding& binding, const ResolveEnd& resolve)
{
    if (pattern.is_string()) {
        const std::string text = pattern.get<std::string>();
        if (text.rfind(propertyPrefix, 0) == 0 && text.size() > propertyPrefix.size() + 2) {
            const std::string property = text.substr(propertyPrefix.size(), text.size() - propertyPrefix.size() - 2);
            binding.properties[JsonTree::json_pointer(property)] = actual;
            return true;
        }
        return hasPlaceholder(text) || actual == pattern;
    }
    const std::string end = referencedPlaceholder(pattern);
    if (!end.empty())
        return bindEnd(end == "source" ? binding.source : binding.target, resolve(actual));
    if (pattern.is_object()) {
        if (!actual.is_object())
            return false;
        for (auto it = pattern.begin(); it != pattern.end(); ++it) {
            const auto present = actual.find(it.key());
            if (present == actual.end()) {
                if (!isOptional(it.value()))
                    return false;
            } else if (!fits(it.value(), *present, binding, resolve)) {
                return false;
            }
        }
        return true;
    }
    if (pattern.is_array()) {
        if (!actual.is_array())
            return false;
        for (const JsonTree& element : pattern) {
            if (!namesAnEnd(element))
                continue;
            bool matched = false;
            for (const JsonTree& item : actual) {
                Binding attempt = binding;
                if (fits(element, item, attempt, resolve)) {
                    binding = std::move(attempt);
                    matched = true;
                    break;
                }
            }
            if (!matched)
                return false;
        }
        return true;
    }
    return actual == pattern;
}

} // namespace tributary
