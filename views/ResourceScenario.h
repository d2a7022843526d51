#pragma once

#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tributary {

class Document;

/**
 * What a document's simulation scenario says about one resource, and its edits: the behaviour
 * keys of the resource's kind (the catalogue's `simulation:` map) with the scenario's override
 * merged over them, the entry that sends it load and the failure injected into it (the first
 * item of `simulation/entries` or `simulation/failures` whose `resource` names it). Every edit
 * is one undoable SetSettingsCommand; removing the last key of a map or item of a list removes
 * the emptied map or list too, so the template holds nothing empty.
 */
class ResourceScenario
{
public:
    enum class List { Entries, Failures };

    ResourceScenario(Document* document, const QString& resourceId);

    const QString& resourceId() const { return m_resourceId; }
    /** The kind's defaults followed by the keys only the override has, in order. */
    QStringList behaviourKeys() const;
    /** The key's value the simulator uses: the override merged over the kind's default; null when neither has it. */
    JsonTree effective(const QString& key) const;
    /** The kind's default of key, or null. */
    JsonTree defaultOf(const QString& key) const;
    bool isOverridden(const QString& key) const;
    QString overridePointer(const QString& key) const;

    /** The first item of list naming this resource, or null. */
    JsonTree item(List list) const;
    /** How many items of list name this resource. */
    int itemCount(List list) const;
    /** Pointer of subpointer ("/load/ratePerSecond", "" for the item itself) in the item; empty when there is none. */
    QString itemPointer(List list, const QString& subpointer) const;

    /**
     * Why setting value at pointer (nothing removes it) would give a scenario the simulator
     * refuses, naming the key; empty when it would run. (A scenario that already fails gives the
     * same problem whatever the edit: compare with currentProblem().)
     */
    QString problemSetting(const QString& pointer, const std::optional<JsonTree>& value) const;
    /** Why the scenario as it stands cannot run, or empty. */
    QString currentProblem() const;
    /** Sets (or removes) the value at pointer as one undo step named text; returns why it was refused, or empty. */
    QString set(const QString& pointer, std::optional<JsonTree> value, const QString& text) const;
    /** Appends item, naming this resource, to list. */
    QString addItem(List list, JsonTree item, const QString& text) const;

private:
    const JsonTree& simulation() const;
    JsonTree overrideObject() const;
    int itemIndex(List list) const;
    /** The pointer a removal at pointer really removes: the highest parent below /simulation that would be left empty. */
    QString removalPointer(const QString& pointer) const;

    Document* m_document;
    QString m_resourceId;
};

} // namespace tributary
