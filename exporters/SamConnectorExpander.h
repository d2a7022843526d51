#pragma once

#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

class SamExpansion;

/**
 * Expands AWS::Serverless::Connector resources and the `Connectors` attribute of any resource
 * into the permissions they stand for. A source with a role (a function or state machine) gets an
 * AWS::IAM::ManagedPolicy `<Connector>Policy` on that role; a source that a service principal
 * acts for (SNS topic, EventBridge rule, S3 bucket, API) gets a resource policy on the destination:
 * `<Connector>QueuePolicy`, `<Connector>TopicPolicy` or `<Connector>WriteLambdaPermission`; a queue,
 * stream or table polled by a SAM function gives that function's role what polling needs. With
 * several Destinations (or a list as Destination) the ids take `Destination<N>`. Pairs it does not know are warnings.
 */
class SamConnectorExpander
{
public:
    /** Expands the connector resource id. */
    static void expand(const std::string& id, SamExpansion& expansion);
    /** Expands the connector named name that the resource owner embeds (`Connectors: {name: …}`). */
    static void expandEmbedded(const std::string& owner, const std::string& name, const JsonTree& connector,
                               SamExpansion& expansion);
};

} // namespace tributary
