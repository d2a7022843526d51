#pragma once

#include "model/tree/ParsedTree.h"
#include "model/tree/TreeReadLimits.h"

#include <QByteArray>
#include <QString>

namespace tributary {

/**
 * Reads one JSON document (a CloudFormation template) into a ParsedTree, keeping key order.
 *
 * Numbers keep the type JSON gives them. Every node's location is recorded (for an object
 * entry, the position of its key). shortForms and getAttDotForms stay empty. Throws
 * TreeParseError with line and column for syntax errors, duplicate keys and input beyond the
 * limits, and for an empty file.
 */
class JsonTreeReader
{
public:
    /** Parses text, naming fileName in errors. */
    static ParsedTree read(const QByteArray& text, const QString& fileName,
                           const TreeReadLimits& limits = {});
};

} // namespace tributary
