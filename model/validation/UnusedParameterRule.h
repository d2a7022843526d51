#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-W004: a template parameter (in the Parameters section) that nothing names: no Ref, and no
 * ${Name} in an Fn::Sub, in any resource's properties or other entry keys, in any other template
 * section (Conditions, Outputs, Globals, Rules, Metadata …) or in any connection's properties.
 * The same judgement as cfn-lint's W2001.
 */
class UnusedParameterRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-W004"); }
    Finding::Severity severity() const override { return Finding::Severity::Warning; }
    QString title() const override { return QStringLiteral("Parameter never referenced"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
