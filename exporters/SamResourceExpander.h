#pragma once

#include <string>

namespace tributary {

class SamExpansion;

/**
 * Expands the SAM types that map to one CloudFormation resource under the same id:
 * SimpleTable → AWS::DynamoDB::Table (PrimaryKey, on-demand unless ProvisionedThroughput),
 * LayerVersion → AWS::Lambda::LayerVersion (ContentUri as Content, RetentionPolicy as
 * DeletionPolicy), Application → AWS::CloudFormation::Stack (a TemplateURL Location; a
 * Serverless Application Repository application is refused: it needs the repository to resolve).
 */
class SamResourceExpander
{
public:
    static void expandTable(const std::string& id, SamExpansion& expansion);
    static void expandLayer(const std::string& id, SamExpansion& expansion);
    static void expandApplication(const std::string& id, SamExpansion& expansion);
};

} // namespace tributary
