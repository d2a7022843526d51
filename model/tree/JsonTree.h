#pragma once

#include <nlohmann/json.hpp>

namespace tributary {

/** An order-preserving JSON tree: template properties keep the order the author wrote. */
using JsonTree = nlohmann::ordered_json;

} // namespace tributary
