#pragma once

#include <cstdint>

namespace tributary {

/**
 * Bounds that a template reader enforces so that a hostile or broken file is refused quickly,
 * with bounded memory, instead of exhausting the machine.
 */
struct TreeReadLimits
{
    /** Largest file accepted, checked before anything is parsed. */
    std::int64_t maxBytes = 20 * 1024 * 1024;
    /** Deepest nesting of objects and arrays in the tree read (a YAML short-form tag adds one). */
    int maxDepth = 256;
    /** Most nodes (maps, sequences, scalars) held after expanding YAML aliases. */
    std::int64_t maxNodes = 2'000'000;
    /** Most uses of YAML aliases (`*name`) in one file. */
    int maxAliasUses = 10'000;
    /**
     * Most bytes of key and scalar text plus JSON-pointer text the reader may hold once aliases
     * are expanded; guards against a small file whose aliases or long, deep keys multiply.
     */
    std::int64_t maxExpandedBytes = 256 * 1024 * 1024;
};

} // namespace tributary
