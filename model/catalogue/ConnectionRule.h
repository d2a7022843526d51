#pragma once

#include "model/catalogue/PropertyField.h"
#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tributary {

/** What an edge from one kind to another means, how templates write it and how they are read as it. */
struct ConnectionRule
{
    QString id;
    QString sourceKind;
    QString targetKind;
    /** sync, async, polled, stream, sdk, onSuccess, onFailure, deadLetter, task, pipeSource or pipeTarget. */
    QString meaning;
    QString label;
    QString description;
    std::vector<PropertyField> properties;
    /** The template changes the edge makes (see resources/catalogue/README.md). */
    JsonTree writes = JsonTree::array();
    /** Other template forms read as this edge. */
    JsonTree recognise = JsonTree::array();

    /** The meanings a descriptor may name. */
    static const QStringList& knownMeanings();
};

} // namespace tributary
