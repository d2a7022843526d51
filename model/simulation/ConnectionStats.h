#pragma once

#include <cstdint>

namespace tributary {

/** What travelled along one connection. */
struct ConnectionStats
{
    std::uint64_t delivered = 0;
    std::uint64_t filtered = 0;
    std::uint64_t refused = 0;
};

} // namespace tributary
