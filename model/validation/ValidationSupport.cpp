#include "model/validation/ValidationSupport.h"

#include "model/Architecture.h"
#include "model/catalogue/Catalogue.h"
#include "model/tree/ParsedTree.h"

#include <cmath>
#include <cstdlib>
#include <set>

namespace tributary {

namespace {

std::string unescapeToken(const std::string& token)
{
    std::string result;
    result.reserve(token.size());
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            result += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            result += token[i];
        }
    }
    return result;
}

/** The SAM Globals section that applies to a resource type, or an empty string. */
std::string globalsSectionFor(const QString& cfnType)
{
    if (cfnType == QLatin1String("AWS::Serverless::Function"))
        return "Function";
    if (cfnType == QLatin1String("AWS::Serverless::Api"))
        return "Api";
    if (cfnType == QLatin1String("AWS::Serverless::HttpApi"))
        return "HttpApi";
    if (cfnType == QLatin1String("AWS::Serverless::SimpleTable"))
        return "SimpleTable";
    if (cfnType == QLatin1String("AWS::Serverless::StateMachine"))
        return "StateMachine";
    return {};
}

JsonTree fieldDefault(const std::vector<PropertyField>& fields, const QString& pointer)
{
    for (const PropertyField& field : fields) {
        if (field.path == pointer)
            return field.defaultValue;
    }
    return nullptr;
}

/** Names used as ${Name} or ${Name.Attr} in an Fn::Sub string; "${!x}" is a literal. */
void forEachSubName(const std::string& text, const std::function<void(const std::string&)>& found)
{
    std::size_t at = 0;
    while ((at = text.find("${", at)) != std::string::npos) {
        const std::size_t end = text.find('}', at + 2);
        if (end == std::string::npos)
            return;
        const std::string inner = text.substr(at + 2, end - at - 2);
        at = end + 1;
        if (inner.empty() || inner[0] == '!')
            continue;
        const std::size_t dot = inner.find('.');
        found(dot == std::string::npos ? inner : inner.substr(0, dot));
    }
}

} // namespace

const JsonTree* ValidationSupport::at(const JsonTree& value, const std::string& pointer)
{
    if (pointer.empty())
        return &value;
    if (pointer[0] != '/')
        return nullptr;
    const JsonTree* node = &value;
    std::size_t start = 1;
    while (true) {
        const std::size_t slash = pointer.find('/', start);
        const std::string token =
            unescapeToken(pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (node->is_object()) {
            const auto child = node->find(token);
            if (child == node->end())
                return nullptr;
            node = &*child;
        } else if (node->is_array()) {
            if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos || token.size() > 9)
                return nullptr;
            const std::size_t index = static_cast<std::size_t>(std::stoul(token));
            if (index >= node->size())
                return nullptr;
            node = &(*node)[index];
        } else {
            return nullptr;
        }
        if (slash == std::string::npos)
            return node;
        start = slash + 1;
    }
}

bool ValidationSupport::isIntrinsic(const JsonTree& value)
{
    if (!value.is_object() || value.size() != 1)
        return false;
    const std::string& key = value.begin().key();
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

bool ValidationSupport::containsIntrinsic(const JsonTree& value)
{
    if (isIntrinsic(value))
        return true;
    if (value.is_object() || value.is_array()) {
        for (const JsonTree& child : value) {
            if (containsIntrinsic(child))
                return true;
        }
    }
    return false;
}

std::optional<double> ValidationSupport::number(const JsonTree& value)
{
    if (value.is_number())
        return value.get<double>();
    if (!value.is_string())
        return std::nullopt;
    const std::string& text = value.get_ref<const std::string&>();
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double result = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(result))
        return std::nullopt;
    return result;
}

std::optional<bool> ValidationSupport::boolean(const JsonTree& value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

QString ValidationSupport::text(const JsonTree* value)
{
    if (!value || !value->is_string())
        return {};
    return QString::fromStdString(value->get<std::string>());
}

const JsonTree* ValidationSupport::property(const Architecture& architecture, const Resource& resource,
                                            const std::string& pointer, QString* foundAt)
{
    if (const JsonTree* own = at(resource.properties, pointer)) {
        if (foundAt)
            *foundAt = resourcePointer(resource.id, pointer);
        return own;
    }
    const std::string section = globalsSectionFor(resource.cfnType);
    if (section.empty())
        return nullptr;
    const std::string globalsPointer = "/Globals/" + section + pointer;
    const JsonTree* global = at(architecture.templateSections(), globalsPointer);
    if (global && foundAt)
        *foundAt = QString::fromStdString(globalsPointer);
    return global;
}

JsonTree ValidationSupport::kindFieldDefault(const Catalogue& catalogue, const QString& kind, const QString& pointer)
{
    const ResourceKind* found = catalogue.kind(kind);
    return found ? fieldDefault(found->fields, pointer) : JsonTree();
}

JsonTree ValidationSupport::ruleFieldDefault(const Catalogue& catalogue, const QString& rule, const QString& pointer)
{
    const ConnectionRule* found = catalogue.rule(rule);
    return found ? fieldDefault(found->properties, pointer) : JsonTree();
}

QString ValidationSupport::referencedId(const JsonTree& value)
{
    if (!isIntrinsic(value))
        return {};
    const std::string& key = value.begin().key();
    const JsonTree& argument = value.begin().value();
    if (key == "Ref" && argument.is_string())
        return QString::fromStdString(argument.get<std::string>());
    if (key == "Fn::GetAtt") {
        if (argument.is_array() && !argument.empty() && argument[0].is_string())
            return QString::fromStdString(argument[0].get<std::string>());
        if (argument.is_string()) {
            const std::string& text = argument.get_ref<const std::string&>();
            return QString::fromStdString(text.substr(0, text.find('.')));
        }
    }
    if (key == "Fn::Sub" && argument.is_string()) {
        const std::string& text = argument.get_ref<const std::string&>();
        if (text.size() > 3 && text.compare(0, 2, "${") == 0 && text.back() == '}'
            && text.find("${", 2) == std::string::npos) {
            const std::string inner = text.substr(2, text.size() - 3);
            if (!inner.empty() && inner[0] != '!')
                return QString::fromStdString(inner.substr(0, inner.find('.')));
        }
    }
    return {};
}

void ValidationSupport::forEachReference(const JsonTree& value, const std::function<void(const std::string&)>& found)
{
    if (value.is_array()) {
        for (const JsonTree& item : value)
            forEachReference(item, found);
        return;
    }
    if (!value.is_object())
        return;
    if (value.size() == 1) {
        const std::string& key = value.begin().key();
        const JsonTree& argument = value.begin().value();
        if (key == "Ref" && argument.is_string()) {
            found(argument.get<std::string>());
            return;
        }
        if (key == "Fn::GetAtt") {
            const QString id = referencedId(value);
            if (!id.isEmpty())
                found(id.toStdString());
            if (argument.is_array()) {
                for (std::size_t i = 1; i < argument.size(); ++i)
                    forEachReference(argument[i], found);
            }
            return;
        }
        if (key == "Fn::Sub") {
            if (argument.is_string()) {
                forEachSubName(argument.get<std::string>(), found);
                return;
            }
            if (argument.is_array() && !argument.empty()) {
                const JsonTree* variables = argument.size() > 1 && argument[1].is_object() ? &argument[1] : nullptr;
                if (argument[0].is_string()) {
                    forEachSubName(argument[0].get<std::string>(), [&](const std::string& name) {
                        if (!variables || !variables->contains(name))
                            found(name);
                    });
                } else {
                    forEachReference(argument[0], found);
                }
                for (std::size_t i = 1; i < argument.size(); ++i)
                    forEachReference(argument[i], found);
                return;
            }
        }
    }
    for (const JsonTree& child : value)
        forEachReference(child, found);
}

std::optional<bool> ValidationSupport::isFifo(const Resource& resource)
{
    const char* key = nullptr;
    if (resource.kind == QLatin1String("queue"))
        key = "FifoQueue";
    else if (resource.kind == QLatin1String("topic"))
        key = "FifoTopic";
    else
        return false;
    if (!resource.properties.is_object())
        return false;
    const auto value = resource.properties.find(key);
    if (value == resource.properties.end())
        return false;
    return boolean(*value);
}

bool ValidationSupport::setsSqsSubscription(const JsonTree& eventProperties)
{
    const JsonTree* subscription = at(eventProperties, "/SqsSubscription");
    if (!subscription)
        return false;
    // A map configures the queue; an intrinsic may well mean one too: either way, no direct delivery.
    return subscription->is_object() || boolean(*subscription).value_or(false);
}

bool ValidationSupport::isSqsSubscription(const Architecture& architecture, const Connection& connection)
{
    if (setsSqsSubscription(connection.properties))
        return true;
    if (!connection.parts.is_array())
        return false;
    for (const JsonTree& part : connection.parts) {
        const Resource* resource = part.is_object() ? architecture.resource(text(at(part, "/resource"))) : nullptr;
        const JsonTree* path = part.is_object() ? at(part, "/path") : nullptr;
        if (!resource || !path || !path->is_string())
            continue;
        const JsonTree* event = at(resource->properties, path->get<std::string>());
        const JsonTree* properties = event ? at(*event, "/Properties") : nullptr;
        if (properties && setsSqsSubscription(*properties))
            return true;
    }
    return false;
}

QString ValidationSupport::resourcePointer(const QString& id, const std::string& propertyPointer)
{
    std::string pointer = ParsedTree::childPointer("/Resources", id.toStdString());
    if (!propertyPointer.empty())
        pointer += "/Properties" + propertyPointer;
    return QString::fromStdString(pointer);
}

QString ValidationSupport::connectionPointer(const Connection& connection)
{
    if (!connection.parts.is_array() || connection.parts.empty() || !connection.parts[0].is_object())
        return {};
    const JsonTree& part = connection.parts[0];
    const QString resource = text(at(part, "/resource"));
    if (resource.isEmpty())
        return {};
    return resourcePointer(resource, text(at(part, "/path")).toStdString());
}

bool ValidationSupport::coveredByConnection(const Architecture& architecture, const QString& resourceId,
                                            const std::string& pointer)
{
    for (const Connection& connection : architecture.connections()) {
        if (!connection.parts.is_array())
            continue;
        for (const JsonTree& part : connection.parts) {
            if (!part.is_object() || text(at(part, "/resource")) != resourceId)
                continue;
            const JsonTree* path = at(part, "/path");
            if (!path || !path->is_string())
                return true;
            const std::string& prefix = path->get_ref<const std::string&>();
            if (pointer.compare(0, prefix.size(), prefix) == 0
                && (pointer.size() == prefix.size() || pointer[prefix.size()] == '/'))
                return true;
        }
    }
    return false;
}

QString ValidationSupport::joined(const QStringList& names)
{
    if (names.size() <= 1)
        return names.value(0);
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + names.back();
}

QString ValidationSupport::shortText(const JsonTree& value)
{
    QString result = QString::fromStdString(value.dump(-1, ' ', false, JsonTree::error_handler_t::replace));
    if (result.size() > 60)
        result = result.left(57) + QStringLiteral("...");
    return result;
}

} // namespace tributary
