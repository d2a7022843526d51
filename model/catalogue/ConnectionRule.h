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
    /**
     * sync, async, polled, stream, sdk, onSuccess, onFailure, deadLetter, task, pipeSource,
     * pipeTarget, or reference / dependency for the plain edges a template reader derives from
     * remaining Ref/GetAtt/Sub references and DependsOn.
     */
    QString meaning;
    QString label;
    QString description;
    std::vector<PropertyField> properties;
    /** The template changes the edge makes (see resources/catalogue/README.md). */
    JsonTree writes = JsonTree::array();
    /** Other template forms read as this edge. */
    JsonTree recognise = JsonTree::array();

    /** The kind id that stands for any kind in a rule's source or target. */
    static const QString& anyKind();

    /** True when the rule joins these kinds (directly or through anyKind()). */
    bool joins(const QString& source, const QString& target) const;
    /** True when a person may draw it on the canvas: a rule of two named kinds. */
    bool isDrawable() const { return sourceKind != anyKind() && targetKind != anyKind(); }

    /** The meanings a descriptor may name. */
    static const QStringList& knownMeanings();
};

} // namespace tributary
