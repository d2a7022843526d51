#pragma once

namespace tributary {

/** A position in a source file: 1-based line and column (column in Unicode code points); 0 means unknown. */
struct SourceLocation
{
    int line = 0;
    int column = 0;
};

} // namespace tributary
