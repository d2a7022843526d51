#include "exporters/CloudFormationExpander.h"

#include "exporters/SamApiExpander.h"
#include "exporters/SamConnectorExpander.h"
#include "exporters/SamExpansion.h"
#include "exporters/SamFunctionExpander.h"
#include "exporters/SamResourceExpander.h"
#include "exporters/SamStateMachineExpander.h"
#include "exporters/TemplateWriter.h"
#include "model/tree/JsonTreeWriter.h"
#include "model/tree/YamlTreeWriter.h"

#include <functional>
#include <map>

namespace tributary {

namespace {

const std::string kTransform = "AWS::Serverless-2016-10-31";
const std::string kServerless = "AWS::Serverless::";

using Expand = std::function<void(const std::string&, SamExpansion&)>;

const std::map<std::string, Expand>& expanders()
{
    static const std::map<std::string, Expand> table = {
        {"AWS::Serverless::Function", SamFunctionExpander::expand},
        {"AWS::Serverless::StateMachine", SamStateMachineExpander::expand},
        {"AWS::Serverless::HttpApi", [](const std::string& id, SamExpansion& expansion) { expansion.reserve(id); }},
        {"AWS::Serverless::Api", [](const std::string& id, SamExpansion& expansion) { expansion.reserve(id); }},
        {"AWS::Serverless::SimpleTable", SamResourceExpander::expandTable},
        {"AWS::Serverless::LayerVersion", SamResourceExpander::expandLayer},
        {"AWS::Serverless::Application", SamResourceExpander::expandApplication},
        {"AWS::Serverless::Connector", SamConnectorExpander::expand},
    };
    return table;
}

bool usesSam(const JsonTree& samTemplate)
{
    const JsonTree transform = samTemplate.value("Transform", JsonTree());
    if (transform == kTransform)
        return true;
    if (transform.is_array()) {
        for (const JsonTree& item : transform) {
            if (item == kTransform)
                return true;
        }
    }
    const JsonTree resources = samTemplate.value("Resources", JsonTree::object());
    if (!resources.is_object())
        return false;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const JsonTree& type = it.value().is_object() ? it.value().value("Type", JsonTree()) : JsonTree();
        if (type.is_string() && type.get<std::string>().rfind(kServerless, 0) == 0)
            return true;
    }
    return false;
}

/** The Transform without SAM's, or null when nothing is left. */
JsonTree otherTransforms(const JsonTree& transform)
{
    if (!transform.is_array())
        return transform == kTransform ? JsonTree() : transform;
    JsonTree rest = JsonTree::array();
    for (const JsonTree& item : transform) {
        if (item != kTransform)
            rest.push_back(item);
    }
    if (rest.empty())
        return nullptr;
    return rest.size() == 1 ? rest[0] : rest;
}

} // namespace

CloudFormationExpander::Result CloudFormationExpander::expand(const JsonTree& samTemplate)
{
    Result result;
    if (!samTemplate.is_object() || !usesSam(samTemplate)) {
        result.tree = samTemplate;
        return result;
    }
    SamExpansion expansion(samTemplate);
    const JsonTree resources = samTemplate.value("Resources", JsonTree::object());
    std::vector<std::string> apis;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const std::string& id = it.key();
        const JsonTree& entry = it.value();
        const std::string type = expansion.sourceType(id);
        const auto expander = expanders().find(type);
        if (expander != expanders().end()) {
            expander->second(id, expansion);
            if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi")
                apis.push_back(id);
        } else if (type.rfind(kServerless, 0) == 0) {
            expansion.fail(QStringLiteral("%1: %2 cannot be expanded to plain CloudFormation by Tributary")
                               .arg(SamExpansion::q(id), QString::fromStdString(type)));
        } else {
            JsonTree copy = entry;
            if (copy.is_object())
                copy.erase("Connectors");
            expansion.add(id, type, nullptr);
            expansion.output(id) = std::move(copy);
        }
        if (entry.is_object() && entry.contains("Connectors") && entry["Connectors"].is_object()) {
            const JsonTree& connectors = entry["Connectors"];
            for (auto connector = connectors.begin(); connector != connectors.end(); ++connector)
                SamConnectorExpander::expandEmbedded(id, connector.key(), connector.value(), expansion);
        }
    }
    for (const std::string& api : apis)
        SamApiExpander::expand(api, expansion);
    SamApiExpander::expandImplicit(expansion);

    JsonTree tree = JsonTree::object();
    const JsonTree finished = expansion.finishResources();
    for (auto it = samTemplate.begin(); it != samTemplate.end(); ++it) {
        if (it.key() == "Globals" || (it.value().is_null() && it.key() != "Resources"))
            continue;
        if (it.key() == "Transform") {
            const JsonTree rest = otherTransforms(it.value());
            if (!rest.is_null())
                tree["Transform"] = rest;
        } else if (it.key() == "Resources") {
            tree["Resources"] = finished;
        } else {
            tree[it.key()] = expansion.rewriteReferences(it.value());
        }
    }
    result.tree = std::move(tree);
    result.warnings = expansion.warnings();
    result.errors = expansion.errors();
    return result;
}

CloudFormationExpander::Result CloudFormationExpander::toTree(const Architecture& architecture)
{
    return expand(TemplateWriter::toTree(architecture));
}

QByteArray CloudFormationExpander::write(const Architecture& architecture, TemplateStyle::Format format, Result* result)
{
    Result expanded = toTree(architecture);
    QByteArray bytes;
    if (format == TemplateStyle::Format::Json) {
        bytes = JsonTreeWriter::write(expanded.tree);
    } else {
        TemplateStyle style = architecture.style();
        if (style.format != TemplateStyle::Format::Yaml) {
            style = TemplateStyle();
            style.format = TemplateStyle::Format::Yaml;
        }
        bytes = YamlTreeWriter::write(expanded.tree, style, {"", "/Resources"});
    }
    if (result)
        *result = std::move(expanded);
    return bytes;
}

} // namespace tributary
