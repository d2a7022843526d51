#pragma once

#include "model/TemplateStyle.h"
#include "model/tree/JsonTree.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace tributary {

/**
 * Writes a tree as YAML (block style, 2-space indent, keys in order) that YamlTreeReader reads
 * back as the same tree.
 *
 * With style.shortForms, every intrinsic-function object that a short-form tag can hold is
 * written as one: `!Ref X`, `!GetAtt A.B` (or `!GetAtt [A, B]` without style.getAttDotForm),
 * `!Sub 'text'`, `!If [C, a, b]` … A tagged sequence is written in flow style when everything in
 * it fits on one line of at most 100 columns, in block style otherwise. `{"Condition": X}` is
 * the Condition function only as an item of Fn::And/Or/Not or as the value of an entry of the
 * top-level Conditions section; elsewhere it is a plain map. An object stays in long form when a
 * tag cannot hold it: Ref or Condition of a value that is not a string, a function of any other
 * scalar that is not a string, Fn::GetAtt of a string, and a function whose value is itself
 * written as a tag (`Fn::Base64: !Sub …`).
 *
 * Strings are plain unless YamlTreeReader, or a YAML 1.1 reader such as PyYAML (cfn-lint, the
 * SAM CLI), would read the plain text as something else — 'true', '123', '1.5', '1.0', 'yes',
 * '0755', '2012-10-17', '' — or YAML syntax needs quotes; then single quotes, or double quotes
 * with escapes when the text holds characters that single quotes cannot (control characters,
 * U+0085, U+2028, U+2029, U+FEFF). A string of several lines is a literal block scalar (`|`,
 * `|-` or `|+`) where it is a map value or a sequence item, in double quotes elsewhere. Whole
 * or exponent doubles are written `!!float 1.0`, infinities and NaN `null`; integers beyond 64
 * bits signed come back as strings. Output always ends in a newline.
 */
class YamlTreeWriter
{
public:
    /**
     * The YAML text of tree. The entries of each map whose JSON pointer is in spacedMaps ("" for
     * the root, "/Resources" …) are separated by a blank line, except between two entries that
     * each fit on one line (a scalar value), which stay together.
     */
    static QByteArray write(const JsonTree& tree, const TemplateStyle& style = {},
                            const std::vector<std::string>& spacedMaps = {});
};

} // namespace tributary
