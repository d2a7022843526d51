#pragma once

#include "model/catalogue/PropertyField.h"
#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tributary {

/** A kind of resource as the catalogue describes it: one descriptor file, no C++ of its own. */
struct ResourceKind
{
    QString id;
    QString displayName;
    /** compute, integration, storage, database, api or other. */
    QString category;
    /** Resource path of the kind's SVG icon, e.g. ":/icons/queue.svg". */
    QString iconPath;
    QString description;
    /** The CloudFormation types read as this kind; the first is the one written. */
    QStringList cfnTypes;
    /** True for the kind that holds any CloudFormation type the catalogue does not know. */
    bool generic = false;
    /** Properties of a new resource; "{{id}}" in strings stands for its logical id. */
    JsonTree defaultProperties = JsonTree::object();
    std::vector<PropertyField> fields;
    /** What Fn::GetAtt may read. */
    QStringList attributes;
    /** Defaults read by the simulator. */
    JsonTree simulation = JsonTree::object();

    /** The categories a descriptor may name, in palette order. */
    static const QStringList& knownCategories();
};

} // namespace tributary
