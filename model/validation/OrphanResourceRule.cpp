#include "model/validation/OrphanResourceRule.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/validation/ValidationSupport.h"

#include <QSet>

namespace tributary {

namespace {

/** Ids of the resources a resource names in its properties and other entry keys (DependsOn included). */
QSet<QString> namedBy(const Architecture& architecture, const Resource& resource)
{
    QSet<QString> names;
    const auto add = [&](const std::string& name) {
        const QString id = QString::fromStdString(name);
        if (id != resource.id && architecture.resource(id))
            names.insert(id);
    };
    ValidationSupport::forEachReference(resource.properties, add);
    ValidationSupport::forEachReference(resource.attributes, add);
    if (const JsonTree* dependsOn = ValidationSupport::at(resource.attributes, "/DependsOn")) {
        if (dependsOn->is_string())
            add(dependsOn->get<std::string>());
        else if (dependsOn->is_array()) {
            for (const JsonTree& item : *dependsOn) {
                if (item.is_string())
                    add(item.get<std::string>());
            }
        }
    }
    return names;
}

bool containsTransform(const JsonTree& value)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (it.key() == "Fn::Transform" || containsTransform(it.value()))
                return true;
        }
    } else if (value.is_array()) {
        for (const JsonTree& item : value) {
            if (containsTransform(item))
                return true;
        }
    }
    return false;
}

/** True when the resource's wiring may live outside the template: an OpenAPI or ASL file, or an included snippet. */
bool definedElsewhere(const Resource& resource)
{
    for (const char* key : {"/DefinitionUri", "/DefinitionS3Location", "/BodyS3Location"}) {
        if (ValidationSupport::at(resource.properties, key))
            return true;
    }
    return containsTransform(resource.properties);
}

} // namespace

std::vector<Finding> OrphanResourceRule::check(const Architecture& architecture, const Catalogue& catalogue) const
{
    QSet<QString> referred;
    for (const Resource& resource : architecture.resources()) {
        const QSet<QString> names = namedBy(architecture, resource);
        if (!names.isEmpty())
            referred.insert(resource.id);
        referred.unite(names);
    }
    std::vector<Finding> findings;
    for (const Resource& resource : architecture.resources()) {
        const ResourceKind* kind = catalogue.kind(resource.kind);
        if (!kind || kind->generic || referred.contains(resource.id) || !architecture.connectionsOf(resource.id).isEmpty())
            continue;
        const JsonTree* events = ValidationSupport::at(resource.properties, "/Events");
        if ((events && events->is_object() && !events->empty()) || definedElsewhere(resource))
            continue;
        findings.push_back(finding(QStringLiteral("%1 %2 is connected to nothing: no connection starts or ends at it and "
                                                  "no other resource refers to it. Connect it, or remove it.")
                                       .arg(kind->displayName, resource.id),
                                   {resource.id}, {}, ValidationSupport::resourcePointer(resource.id)));
    }
    return findings;
}

} // namespace tributary
