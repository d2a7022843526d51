#pragma once

#include <string>

namespace tributary {

class SamExpansion;

/**
 * Expands SAM APIs once every function's events have added their routes:
 * AWS::Serverless::HttpApi → AWS::ApiGatewayV2::Api (an OpenAPI 3 Body with the routes, merged
 * into DefinitionBody when there is one) and its Stage (`<Id>ApiGatewayDefaultStage` for
 * `$default`, `<Id><StageName>Stage` otherwise); AWS::Serverless::Api → AWS::ApiGateway::RestApi
 * (a Swagger 2 Body with SAM's CORS preflight OPTIONS methods when Cors is set; Name is the
 * stack's name, the title SAM gives the Body), a Deployment `<Id>Deployment<hash>` that changes with the Body, and the
 * Stage `<Id><StageName>Stage`. Events that name no API make SAM's implicit ServerlessHttpApi and
 * ServerlessRestApi (stage Prod). `<Id>.Stage` and `<Id>.Deployment` references are rewritten.
 */
class SamApiExpander
{
public:
    /** Expands the SAM API id (its output place already reserved). */
    static void expand(const std::string& id, SamExpansion& expansion);
    /** Expands the implicit APIs that routes name and the template does not define. */
    static void expandImplicit(SamExpansion& expansion);
};

} // namespace tributary
