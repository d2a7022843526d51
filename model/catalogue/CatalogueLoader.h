#pragma once

#include "model/catalogue/Catalogue.h"

#include <QString>

namespace tributary {

class DescriptorFile;

/**
 * Reads a catalogue folder (kinds/<id>.yaml and connections/<id>.yaml, see resources/catalogue/README.md)
 * and checks every descriptor: required keys with the right types, known categories, field types
 * and meanings, ids equal to file names, unique ids, and rules that name existing kinds.
 */
class CatalogueLoader
{
public:
    /**
     * The catalogue in directory (a path or a ":/" resource path), with icons in its sibling folder
     * icons/; throws CatalogueError naming file, key and line.
     */
    static Catalogue load(const QString& directory);

private:
    static ResourceKind readKind(const DescriptorFile& file, const QString& iconDirectory);
    static ConnectionRule readRule(const DescriptorFile& file);
    static std::vector<PropertyField> readFields(const DescriptorFile& file, const std::string& key);
};

} // namespace tributary
