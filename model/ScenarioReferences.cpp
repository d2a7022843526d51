#include "model/ScenarioReferences.h"

#include <algorithm>
#include <vector>

namespace tributary {

namespace {

bool namesResource(const JsonTree& item, const std::string& id)
{
    if (!item.is_object())
        return false;
    const auto resource = item.find("resource");
    return resource != item.end() && resource->is_string() && resource->get<std::string>() == id;
}

/** The object under key of parent, or null when there is none. */
JsonTree* objectAt(JsonTree& parent, const char* key)
{
    if (!parent.is_object())
        return nullptr;
    const auto found = parent.find(key);
    return found != parent.end() && found->is_object() ? &*found : nullptr;
}

/** Renames key from to to in object, keeping its place; true when it was there. */
bool renameKey(JsonTree& object, const std::string& from, const std::string& to)
{
    if (!object.is_object() || !object.contains(from))
        return false;
    JsonTree renamed = JsonTree::object();
    for (auto it = object.begin(); it != object.end(); ++it)
        renamed[it.key() == from ? to : it.key()] = std::move(it.value());
    object = std::move(renamed);
    return true;
}

/** Removes the emptied object or array under key of parent. */
void dropIfEmpty(JsonTree& parent, const char* key)
{
    const auto found = parent.find(key);
    if (found != parent.end() && (found->is_object() || found->is_array()) && found->empty())
        parent.erase(found);
}

} // namespace

bool ScenarioReferences::rename(JsonTree& simulation, const std::string& from, const std::string& to)
{
    if (!simulation.is_object())
        return false;
    bool changed = false;
    if (JsonTree* overrides = objectAt(simulation, "overrides")) {
        changed = renameKey(*overrides, from, to) || changed;
        for (auto& [id, settings] : overrides->items()) {
            if (JsonTree* emits = objectAt(settings, "emits"))
                changed = renameKey(*emits, from, to) || changed;
        }
    }
    for (const char* list : {"entries", "failures"}) {
        const auto items = simulation.find(list);
        if (items == simulation.end() || !items->is_array())
            continue;
        for (JsonTree& item : *items) {
            if (namesResource(item, from)) {
                item["resource"] = to;
                changed = true;
            }
        }
    }
    return changed;
}

bool ScenarioReferences::removeResource(JsonTree& simulation, const std::string& id)
{
    if (!simulation.is_object())
        return false;
    bool changed = false;
    if (JsonTree* overrides = objectAt(simulation, "overrides")) {
        changed = overrides->erase(id) > 0;
        std::vector<std::string> functions;
        for (auto it = overrides->begin(); it != overrides->end(); ++it)
            functions.push_back(it.key());
        for (const std::string& function : functions)
            changed = removeEmits(simulation, function, id) || changed;
        dropIfEmpty(simulation, "overrides");
    }
    for (const char* list : {"entries", "failures"}) {
        const auto items = simulation.find(list);
        if (items == simulation.end() || !items->is_array())
            continue;
        const auto kept = std::remove_if(items->begin(), items->end(), [&id](const JsonTree& item) { return namesResource(item, id); });
        changed = changed || kept != items->end();
        items->erase(kept, items->end());
        dropIfEmpty(simulation, list);
    }
    return changed;
}

bool ScenarioReferences::removeEmits(JsonTree& simulation, const std::string& function, const std::string& target)
{
    JsonTree* overrides = objectAt(simulation, "overrides");
    JsonTree* settings = overrides ? objectAt(*overrides, function.c_str()) : nullptr;
    JsonTree* emits = settings ? objectAt(*settings, "emits") : nullptr;
    if (!emits || emits->erase(target) == 0)
        return false;
    dropIfEmpty(*settings, "emits");
    dropIfEmpty(*overrides, function.c_str());
    return true;
}

} // namespace tributary
