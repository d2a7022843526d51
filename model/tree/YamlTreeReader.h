#pragma once

#include "model/tree/ParsedTree.h"
#include "model/tree/TreeReadLimits.h"

#include <QByteArray>
#include <QString>

namespace tributary {

/**
 * Reads one YAML document (a CloudFormation or SAM template) into a ParsedTree.
 *
 * Maps become objects in source order, sequences arrays. Quoted and block scalars are always
 * strings. A plain scalar becomes: a bool for true/True/TRUE/false/False/FALSE; null for
 * null/Null/NULL/~ or nothing; an integer when it reads -?(0|[1-9][0-9]*) and fits in 64 bits
 * ("-0" excepted); a double only when it is a decimal number with a fraction that is not a whole
 * number and whose shortest JSON spelling is the same text (1.5 and -0.25 are numbers; 1.0,
 * 1.10, 1e3, 0755, 012345678912, 2012-10-17, yes and .inf stay strings, so nothing a writer
 * prints back changes its spelling). Standard tags (!!str, !!int, !!float, !!bool, !!null, !!map,
 * !!seq) are honoured; other !! tags keep the text.
 *
 * CloudFormation short-form tags become the long form (`!Ref X` → {"Ref": "X"}, `!Sub …` →
 * {"Fn::Sub": …}; `!GetAtt A.B.C` → {"Fn::GetAtt": ["A", "B.C"]}); each such object's pointer is
 * recorded in shortForms, and a dotted !GetAtt also in getAttDotForms. Anchors and aliases are
 * expanded by copying. Throws TreeParseError (with line and column) for syntax errors, duplicate
 * keys, unknown tags, mapping keys that are not scalars, more than one document, an empty file,
 * and input beyond any of the limits.
 */
class YamlTreeReader
{
public:
    /** Parses text, naming fileName in errors. */
    static ParsedTree read(const QByteArray& text, const QString& fileName,
                           const TreeReadLimits& limits = {});
};

} // namespace tributary
