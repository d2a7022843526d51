#include "exporters/SamApiExpander.h"

#include "exporters/SamExpansion.h"

namespace tributary {

namespace {

const std::string kImplicitHttp = "ServerlessHttpApi";
const std::string kImplicitRest = "ServerlessRestApi";

JsonTree definition(bool http, const JsonTree& properties)
{
    if (properties.contains("DefinitionBody") && properties["DefinitionBody"].is_object())
        return properties["DefinitionBody"];
    JsonTree info = {{"version", "1.0"}, {"title", properties.value("Name", SamExpansion::ref("AWS::StackName"))}};
    if (properties.contains("Description") && http)
        info["description"] = properties["Description"];
    JsonTree body = JsonTree::object();
    body[http ? "openapi" : "swagger"] = http ? "3.0.1" : "2.0";
    body["info"] = info;
    body["paths"] = JsonTree::object();
    return body;
}

void addRoutes(const std::string& id, JsonTree& body, SamExpansion& expansion)
{
    JsonTree& paths = body["paths"];
    if (!paths.is_object()) {
        expansion.warn(QStringLiteral("%1: the API definition's paths is not a map; routes of events are left out")
                           .arg(SamExpansion::q(id)));
        return;
    }
    for (const SamExpansion::Route& route : expansion.routes(id)) {
        JsonTree& path = paths[route.path];
        if (!path.is_object())
            path = JsonTree::object();
        if (!path.contains(route.method))
            path[route.method] = route.operation;
    }
}

JsonTree camelCors(const JsonTree& cors)
{
    if (cors == true)
        return {{"allowOrigins", JsonTree::array({"*"})}, {"allowMethods", JsonTree::array({"*"})},
                {"allowHeaders", JsonTree::array({"*"})}};
    JsonTree result = JsonTree::object();
    if (!cors.is_object())
        return result;
    for (auto it = cors.begin(); it != cors.end(); ++it) {
        std::string key = it.key();
        if (!key.empty())
            key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
        result[key] = it.value();
    }
    return result;
}

/** A stage's logical id: `<Api><StageName>Stage`, or `<Api>Stage` when the name is not literal text. */
std::string stageId(const std::string& api, const JsonTree& stageName)
{
    return api + (stageName.is_string() ? stageName.get<std::string>() : std::string()) + "Stage";
}

void expandHttp(const std::string& id, const JsonTree& properties, const std::string& owner, SamExpansion& expansion)
{
    JsonTree api = JsonTree::object();
    const JsonTree location = SamExpansion::s3Location(properties.value("DefinitionUri", JsonTree()), "Bucket", "Key",
                                                       "Version");
    if (!location.is_null()) {
        api["BodyS3Location"] = location;
        if (!expansion.routes(id).empty())
            expansion.warn(QStringLiteral("%1: routes of events cannot be added to a DefinitionUri; add them to the "
                                          "definition").arg(SamExpansion::q(id)));
    } else {
        JsonTree body = definition(true, properties);
        addRoutes(id, body, expansion);
        if (properties.contains("CorsConfiguration"))
            body["x-amazon-apigateway-cors"] = camelCors(properties["CorsConfiguration"]);
        api["Body"] = std::move(body);
    }
    SamExpansion::copyKeys(properties, api, {"FailOnWarnings", "DisableExecuteApiEndpoint", "Tags"});
    expansion.warnNotExpanded(id, properties, {"Auth", "Domain"});
    expansion.add(id, "AWS::ApiGatewayV2::Api", api, owner);
    expansion.copyAttributes(id, id);

    const JsonTree stageName = properties.value("StageName", JsonTree("$default"));
    const std::string stage = stageName == "$default" ? id + "ApiGatewayDefaultStage" : stageId(id, stageName);
    JsonTree stageProperties = {{"ApiId", SamExpansion::ref(id)}, {"StageName", stageName}, {"AutoDeploy", true}};
    SamExpansion::copyKeys(properties, stageProperties,
             {"StageVariables", "AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "Tags"});
    expansion.add(stage, "AWS::ApiGatewayV2::Stage", stageProperties, owner);
    expansion.aliasReference(id + ".Stage", stage);
}

/** The allowed methods of a path for its preflight: its methods and OPTIONS, as the quoted header value. */
std::string pathMethods(const JsonTree& path)
{
    std::string methods;
    for (auto it = path.begin(); it != path.end(); ++it) {
        const std::string method
            = it.key() == "x-amazon-apigateway-any-method" ? std::string("*") : SamExpansion::upper(it.key());
        methods += (methods.empty() ? "" : ",") + method;
    }
    return "'" + methods + (methods.empty() ? "" : ",") + "OPTIONS'";
}

/** Adds SAM's CORS preflight (a mock OPTIONS method) to every path of a Swagger body. */
void addCorsPreflight(JsonTree& body, const JsonTree& cors)
{
    JsonTree& paths = body["paths"];
    if (!paths.is_object())
        return;
    const JsonTree settings = cors.is_object() ? cors : JsonTree({{"AllowOrigin", cors}});
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        JsonTree& path = it.value();
        if (!path.is_object() || path.contains("options"))
            continue;
        JsonTree parameters = JsonTree::object();
        JsonTree headers = JsonTree::object();
        const auto header = [&](const char* name, const JsonTree& value) {
            parameters[std::string("method.response.header.") + name] = value;
            headers[name] = {{"type", "string"}};
        };
        header("Access-Control-Allow-Origin", settings.value("AllowOrigin", JsonTree("'*'")));
        header("Access-Control-Allow-Methods", settings.value("AllowMethods", JsonTree(pathMethods(path))));
        if (settings.contains("AllowHeaders"))
            header("Access-Control-Allow-Headers", settings["AllowHeaders"]);
        if (settings.contains("MaxAge"))
            header("Access-Control-Max-Age", settings["MaxAge"]);
        if (settings.value("AllowCredentials", JsonTree(false)) == true)
            header("Access-Control-Allow-Credentials", "'true'");
        JsonTree integration = {
            {"type", "mock"},
            {"requestTemplates", {{"application/json", "{\n  \"statusCode\" : 200\n}\n"}}},
            {"responses", {{"default", {{"statusCode", "200"}, {"responseParameters", parameters},
                                        {"responseTemplates", {{"application/json", "{}\n"}}}}}}}};
        path["options"] = {{"summary", "CORS support"},
                           {"consumes", JsonTree::array({"application/json"})},
                           {"produces", JsonTree::array({"application/json"})},
                           {"x-amazon-apigateway-integration", integration},
                           {"responses", {{"200", {{"description", "Default response for CORS method"},
                                                   {"headers", headers}}}}}};
    }
}

JsonTree endpointConfiguration(const JsonTree& value)
{
    if (value.is_string())
        return {{"Types", JsonTree::array({value})}};
    if (value.is_object() && value.contains("Type")) {
        JsonTree result = {{"Types", JsonTree::array({value["Type"]})}};
        if (value.contains("VPCEndpointIds"))
            result["VpcEndpointIds"] = value["VPCEndpointIds"];
        return result;
    }
    return value;
}

void expandRest(const std::string& id, const JsonTree& properties, const std::string& owner, SamExpansion& expansion)
{
    JsonTree api = JsonTree::object();
    const JsonTree location = SamExpansion::s3Location(properties.value("DefinitionUri", JsonTree()), "Bucket", "Key",
                                                       "Version");
    if (!location.is_null()) {
        api["BodyS3Location"] = location;
    } else {
        JsonTree body = definition(false, properties);
        addRoutes(id, body, expansion);
        if (properties.contains("Cors"))
            addCorsPreflight(body, properties["Cors"]);
        api["Body"] = std::move(body);
    }
    if (!properties.contains("Name") && !properties.contains("DefinitionBody"))
        api["Name"] = SamExpansion::ref("AWS::StackName");
    SamExpansion::copyKeys(properties, api, {"Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "ApiKeySourceType",
                               "Mode", "FailOnWarnings", "DisableExecuteApiEndpoint"});
    if (properties.contains("EndpointConfiguration"))
        api["EndpointConfiguration"] = endpointConfiguration(properties["EndpointConfiguration"]);
    expansion.warnNotExpanded(id, properties, {"Auth", "Domain", "GatewayResponses", "Models", "Policy", "UsagePlan"});
    expansion.add(id, "AWS::ApiGateway::RestApi", api, owner);
    expansion.copyAttributes(id, id);

    const std::string hash = SamExpansion::hashOf(api);
    const std::string deployment = id + "Deployment" + hash;
    expansion.add(deployment, "AWS::ApiGateway::Deployment",
                  {{"RestApiId", SamExpansion::ref(id)}, {"Description", "RestApi deployment id: " + hash}}, owner);
    const JsonTree stageName = properties.value("StageName", JsonTree("Prod"));
    const std::string stage = stageId(id, stageName);
    JsonTree stageProperties = {{"DeploymentId", SamExpansion::ref(deployment)}, {"RestApiId", SamExpansion::ref(id)},
                                {"StageName", stageName}};
    SamExpansion::copyKeys(properties, stageProperties, {"MethodSettings", "TracingEnabled", "CacheClusterEnabled",
                                           "CacheClusterSize", "AccessLogSetting", "CanarySetting"});
    if (properties.contains("Variables"))
        stageProperties["Variables"] = properties["Variables"];
    if (properties.contains("Tags"))
        stageProperties["Tags"] = SamExpansion::tagList(properties["Tags"]);
    expansion.add(stage, "AWS::ApiGateway::Stage", stageProperties, owner);
    expansion.aliasReference(id + ".Stage", stage);
    expansion.aliasReference(id + ".Deployment", deployment);
}

} // namespace

void SamApiExpander::expand(const std::string& id, SamExpansion& expansion)
{
    const JsonTree properties = expansion.properties(id);
    if (expansion.sourceType(id) == "AWS::Serverless::HttpApi")
        expandHttp(id, properties, id, expansion);
    else
        expandRest(id, properties, id, expansion);
}

void SamApiExpander::expandImplicit(SamExpansion& expansion)
{
    for (const std::string& api : expansion.routedApis()) {
        if (!expansion.sourceEntry(api)) {
            if (api == kImplicitHttp)
                expandHttp(api, expansion.withGlobals("HttpApi", JsonTree::object()), {}, expansion);
            else if (api == kImplicitRest)
                expandRest(api, expansion.withGlobals("Api", JsonTree::object()), {}, expansion);
        }
    }
}

} // namespace tributary
