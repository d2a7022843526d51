#pragma once

#include "model/tree/JsonTree.h"

#include <QString>

namespace tributary {

class Catalogue;

/** The catalogue as `tributary-cli kinds` shows it: as JSON, or as a readable listing. */
class CatalogueReport
{
public:
    /** {"kinds": [{"id", "displayName", "category", "cfnTypes", ...}], "connections": [{"id", "source", "target", "meaning", ...}]} */
    static JsonTree toJson(const Catalogue& catalogue);
    /** Kinds by category, then connection rules, one per line. */
    static QString toText(const Catalogue& catalogue);
};

} // namespace tributary
