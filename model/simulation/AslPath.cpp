#include "model/simulation/AslPath.h"

#include <cctype>

namespace tributary {

namespace {

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || (c & 0x80);
}

} // namespace

AslPath AslPath::compile(const std::string& text)
{
    AslPath path;
    std::size_t at = 0;
    const std::string context = "$$.Execution.Input";
    if (text.compare(0, context.size(), context) == 0)
        at = context.size();
    else if (!text.empty() && text[0] == '$' && text.compare(0, 2, "$$") != 0)
        at = 1;
    else
        return path;
    while (at < text.size()) {
        Step step;
        if (text[at] == '.') {
            const std::size_t from = ++at;
            while (at < text.size() && isNameChar(text[at]))
                ++at;
            if (at == from)
                return AslPath();
            step.name = text.substr(from, at - from);
        } else if (text[at] == '[' && at + 1 < text.size() && (text[at + 1] == '\'' || text[at + 1] == '"')) {
            const char quote = text[at + 1];
            const std::size_t close = text.find(quote, at + 2);
            if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ']')
                return AslPath();
            step.name = text.substr(at + 2, close - at - 2);
            at = close + 2;
        } else if (text[at] == '[') {
            const std::size_t close = text.find(']', at);
            if (close == std::string::npos || close == at + 1)
                return AslPath();
            const std::string digits = text.substr(at + 1, close - at - 1);
            for (char c : digits)
                if (!std::isdigit(static_cast<unsigned char>(c)))
                    return AslPath();
            step.index = std::stoll(digits);
            at = close + 1;
        } else {
            return AslPath();
        }
        path.m_steps.push_back(std::move(step));
    }
    path.m_supported = true;
    return path;
}

const JsonTree* AslPath::find(const JsonTree& input) const
{
    if (!m_supported)
        return nullptr;
    const JsonTree* value = &input;
    for (const Step& step : m_steps) {
        if (step.index >= 0) {
            if (!value->is_array() || step.index >= static_cast<long long>(value->size()))
                return nullptr;
            value = &(*value)[static_cast<std::size_t>(step.index)];
            continue;
        }
        if (!value->is_object())
            return nullptr;
        const auto found = value->find(step.name);
        if (found == value->end())
            return nullptr;
        value = &*found;
    }
    return value;
}

} // namespace tributary
