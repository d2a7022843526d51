#pragma once

#include "model/tree/ParsedTree.h"
#include "model/tree/TreeReadLimits.h"

#include <QByteArray>
#include <QString>

namespace tributary {

/** Reads a template file from disk as JSON or YAML. */
class TreeFileReader
{
public:
    /**
     * Reads the file at path: JSON when its name ends in .json or its first character other than
     * white space is '{', YAML otherwise. Throws TreeParseError naming the file when it cannot be
     * opened or read, when it is larger than limits.maxBytes (checked before reading it), or when
     * its text cannot be parsed.
     */
    static ParsedTree read(const QString& path, const TreeReadLimits& limits = {});

    /** The format read() would choose for a file named path holding text. */
    static ParsedTree::Format detectFormat(const QString& path, const QByteArray& text);
};

} // namespace tributary
