#include "exporters/MetadataNumbers.h"

#include <cmath>
#include <cstdlib>
#include <regex>

namespace tributary {

JsonTree MetadataNumbers::asWritten(const JsonTree& tree)
{
    if (tree.is_number_float()) {
        const double value = tree.get<double>();
        if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 9.0e15)
            return static_cast<std::int64_t>(value);
        return tree.dump();
    }
    if (!tree.is_structured())
        return tree;
    JsonTree copy = tree;
    for (auto& item : copy.items())
        item.value() = asWritten(item.value());
    return copy;
}

void MetadataNumbers::readBack(JsonTree& tree)
{
    // What a fraction dumps as: digits with a point, an exponent, or both.
    static const std::regex decimal(R"(-?[0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+))");
    if (tree.is_string()) {
        const std::string& text = tree.get_ref<const std::string&>();
        if (std::regex_match(text, decimal))
            tree = std::strtod(text.c_str(), nullptr);
        return;
    }
    if (!tree.is_structured())
        return;
    for (auto& item : tree.items())
        readBack(item.value());
}

} // namespace tributary
