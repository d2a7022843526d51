#pragma once

#include "model/tree/JsonTree.h"

#include <QByteArray>

namespace tributary {

/**
 * Writes a tree as JSON that JsonTreeReader reads back as the same tree: keys in order, 2-space
 * indent, text other than ASCII kept as UTF-8, a newline at the end. Bytes that are not UTF-8
 * become U+FFFD rather than failing.
 */
class JsonTreeWriter
{
public:
    static QByteArray write(const JsonTree& tree);
};

} // namespace tributary
