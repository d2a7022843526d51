#include "model/validation/UnusedParameterRule.h"

#include "model/Architecture.h"
#include "model/tree/ParsedTree.h"
#include "model/validation/ValidationSupport.h"

#include <set>

namespace tributary {

std::vector<Finding> UnusedParameterRule::check(const Architecture& architecture, const Catalogue&) const
{
    std::vector<Finding> findings;
    const JsonTree& sections = architecture.templateSections();
    const JsonTree* parameters = ValidationSupport::at(sections, "/Parameters");
    if (!parameters || !parameters->is_object() || parameters->empty())
        return findings;

    std::set<std::string> used;
    const auto collect = [&used](const JsonTree& value) {
        ValidationSupport::forEachReference(value, [&used](const std::string& name) { used.insert(name); });
    };
    for (const Resource& resource : architecture.resources()) {
        collect(resource.properties);
        collect(resource.attributes);
    }
    for (auto section = sections.begin(); section != sections.end(); ++section) {
        if (section.key() != "Parameters")
            collect(section.value());
    }
    for (const Connection& connection : architecture.connections())
        collect(connection.properties);

    for (auto parameter = parameters->begin(); parameter != parameters->end(); ++parameter) {
        if (used.count(parameter.key()))
            continue;
        const QString name = QString::fromStdString(parameter.key());
        findings.push_back(finding(QStringLiteral("Parameter %1 is declared but never used: no Ref or ${%1} names it. "
                                                  "Remove it, or use it.")
                                       .arg(name),
                                   {}, {}, QString::fromStdString(ParsedTree::childPointer("/Parameters", parameter.key()))));
    }
    return findings;
}

} // namespace tributary
