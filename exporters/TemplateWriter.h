#pragma once

#include "model/Architecture.h"
#include "model/TemplateStyle.h"
#include "model/tree/JsonTree.h"

#include <QByteArray>

namespace tributary {

/**
 * Writes an architecture back as a CloudFormation/SAM template, YAML or JSON.
 *
 * Top-level keys keep the order of templateSections(). Resources goes where a "Resources" key of
 * the sections stands, if the reader left one there as a marker (its value is ignored); otherwise
 * before the first section that is not one of AWSTemplateFormatVersion, Transform, Description,
 * Metadata, Parameters, Mappings, Conditions, Rules and Globals (so before Outputs), or last.
 *
 * Each resource entry keeps its keys in entryKeys order; keys it does not list follow in the order
 * Type, Condition, DependsOn, Properties, then the other attributes. Properties is left out when
 * it is empty and entryKeys does not name it.
 *
 * The layout and the groups go in Metadata/Tributary, after the other Metadata keys:
 *
 *     Metadata:
 *       Tributary:
 *         layout: {ResourceId: [x, y], …}      # every resource, whole numbers as integers
 *         groups:                              # only when there are groups
 *           - id: g1
 *             label: Ingest
 *             members: [A, B]                  # written as a block list
 *
 * A Metadata section is added when there is none, before the first section that is not
 * AWSTemplateFormatVersion, Transform or Description. A Metadata section that is not a map is
 * kept as it is and the layout is not written.
 *
 * In YAML, top-level sections and resources are separated by a blank line. A document this class
 * wrote reads back (TemplateReader) into an architecture it writes as the same bytes.
 */
class TemplateWriter
{
public:
    /** The template in the architecture's own format and style. */
    static QByteArray write(const Architecture& architecture);
    /**
     * The template in format: the architecture's style when that is its format; YAML from a JSON
     * source uses short forms with dotted !GetAtt.
     */
    static QByteArray write(const Architecture& architecture, TemplateStyle::Format format);
    /** The template as a tree. */
    static JsonTree toTree(const Architecture& architecture);
};

} // namespace tributary
