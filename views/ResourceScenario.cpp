#include "views/ResourceScenario.h"

#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/commands/SetSettingsCommand.h"
#include "model/simulation/SimSettings.h"
#include "views/ScenarioCheck.h"

namespace tributary {

namespace {

const char* listKey(ResourceScenario::List list)
{
    return list == ResourceScenario::List::Entries ? "entries" : "failures";
}

QString escaped(QString token)
{
    return token.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

const JsonTree& emptyObject()
{
    static const JsonTree empty = JsonTree::object();
    return empty;
}

/** Why the scenario in settings cannot run on the document's architecture, or empty. */
QString problemOf(const Document& document, const JsonTree& settings)
{
    const auto found = settings.find("simulation");
    return ScenarioCheck::problem(document.architecture(), document.catalogue(),
                                  found == settings.end() ? std::nullopt : std::optional<JsonTree>(*found));
}

} // namespace

ResourceScenario::ResourceScenario(Document* document, const QString& resourceId)
    : m_document(document)
    , m_resourceId(resourceId)
{
}

const JsonTree& ResourceScenario::simulation() const
{
    const JsonTree& settings = m_document->architecture().settings();
    const auto found = settings.is_object() ? settings.find("simulation") : settings.end();
    return found != settings.end() && found->is_object() ? *found : emptyObject();
}

JsonTree ResourceScenario::overrideObject() const
{
    const JsonTree overrides = simulation().value("overrides", JsonTree::object());
    const JsonTree own = overrides.is_object() ? overrides.value(m_resourceId.toStdString(), JsonTree::object()) : JsonTree::object();
    return own.is_object() ? own : JsonTree::object();
}

JsonTree ResourceScenario::defaultOf(const QString& key) const
{
    const Resource* resource = m_document->architecture().resource(m_resourceId);
    const ResourceKind* kind = resource ? m_document->catalogue().kind(resource->kind) : nullptr;
    return kind && kind->simulation.is_object() ? kind->simulation.value(key.toStdString(), JsonTree()) : JsonTree();
}

QStringList ResourceScenario::behaviourKeys() const
{
    QStringList keys;
    const Resource* resource = m_document->architecture().resource(m_resourceId);
    const ResourceKind* kind = resource ? m_document->catalogue().kind(resource->kind) : nullptr;
    if (kind && kind->simulation.is_object())
        for (auto it = kind->simulation.begin(); it != kind->simulation.end(); ++it)
            keys << QString::fromStdString(it.key());
    const JsonTree own = overrideObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        if (!keys.contains(QString::fromStdString(it.key())))
            keys << QString::fromStdString(it.key());
    return keys;
}

JsonTree ResourceScenario::effective(const QString& key) const
{
    const JsonTree own = overrideObject();
    const auto found = own.find(key.toStdString());
    return SimSettings::merge(defaultOf(key), found == own.end() ? JsonTree() : *found);
}

bool ResourceScenario::isOverridden(const QString& key) const
{
    return overrideObject().contains(key.toStdString());
}

QString ResourceScenario::overridePointer(const QString& key) const
{
    return QStringLiteral("/simulation/overrides/%1/%2").arg(escaped(m_resourceId), escaped(key));
}

int ResourceScenario::itemIndex(List list) const
{
    const JsonTree items = simulation().value(listKey(list), JsonTree::array());
    if (!items.is_array())
        return -1;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].is_object() && items[i].value("resource", JsonTree()) == JsonTree(m_resourceId.toStdString()))
            return static_cast<int>(i);
    return -1;
}

int ResourceScenario::itemCount(List list) const
{
    const JsonTree items = simulation().value(listKey(list), JsonTree::array());
    int count = 0;
    if (items.is_array())
        for (const JsonTree& item : items)
            count += item.is_object() && item.value("resource", JsonTree()) == JsonTree(m_resourceId.toStdString()) ? 1 : 0;
    return count;
}

JsonTree ResourceScenario::item(List list) const
{
    const int index = itemIndex(list);
    return index < 0 ? JsonTree() : simulation()[listKey(list)][static_cast<std::size_t>(index)];
}

QString ResourceScenario::itemPointer(List list, const QString& subpointer) const
{
    const int index = itemIndex(list);
    return index < 0 ? QString() : QStringLiteral("/simulation/%1/%2%3").arg(QLatin1String(listKey(list))).arg(index).arg(subpointer);
}

QString ResourceScenario::removalPointer(const QString& pointer) const
{
    const JsonTree& settings = m_document->architecture().settings();
    QString removed = pointer;
    for (;;) {
        const QString parent = removed.left(removed.lastIndexOf(QLatin1Char('/')));
        if (parent.count(QLatin1Char('/')) < 2)
            return removed;
        const std::optional<JsonTree> holder = JsonTreeEdit::valueAt(settings, parent);
        if (!holder || holder->size() != 1)
            return removed;
        removed = parent;
    }
}

QString ResourceScenario::problemSetting(const QString& pointer, const std::optional<JsonTree>& value) const
{
    const JsonTree& settings = m_document->architecture().settings();
    const QString structural = JsonTreeEdit::problemSetting(settings, pointer);
    if (!structural.isEmpty())
        return structural;
    JsonTree changed = settings;
    JsonTreeEdit::apply(changed, pointer, value);
    return problemOf(*m_document, changed);
}

QString ResourceScenario::currentProblem() const
{
    return problemOf(*m_document, m_document->architecture().settings());
}

QString ResourceScenario::set(const QString& pointer, std::optional<JsonTree> value, const QString& text) const
{
    auto* command = new SetSettingsCommand(m_document, value ? pointer : removalPointer(pointer), std::move(value));
    command->setText(text);
    return m_document->push(command);
}

QString ResourceScenario::addItem(List list, JsonTree item, const QString& text) const
{
    JsonTree named = JsonTree::object({{"resource", m_resourceId.toStdString()}});
    for (auto it = item.begin(); it != item.end(); ++it)
        named[it.key()] = it.value();
    return set(QStringLiteral("/simulation/%1/-").arg(QLatin1String(listKey(list))), std::move(named), text);
}

} // namespace tributary
