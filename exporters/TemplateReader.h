#pragma once

#include "model/Architecture.h"

#include <QString>
#include <QStringList>

namespace tributary {

class Catalogue;

/**
 * Reads a CloudFormation/SAM template (YAML or JSON) into an architecture: every resource with its
 * kind, Properties and other entry keys, every other section kept as it is, and the layout stored
 * under Metadata/Tributary, and the connections the template's wiring realises (ConnectionDeriver).
 */
class TemplateReader
{
public:
    /**
     * Throws TreeParseError (syntax, duplicate keys, limits) or TemplateError (wrong section shapes).
     * Appends to warnings a line per resource kept as a generic resource, unless it exists only to
     * realise a derived connection (a subscription, a queue policy, a permission), and per bad group.
     */
    static Architecture read(const QString& path, const Catalogue& catalogue, QStringList* warnings);
};

} // namespace tributary
