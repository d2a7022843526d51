#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E005: an EventBridge rule with more than five targets, the quota EventBridge enforces per
 * rule ("Amazon EventBridge quotas": targets per rule, 5). Counted both as the rule's outgoing
 * delivery edges and as the entries of its own Targets list, whichever is more (the two describe
 * the same targets once connections are derived from a template).
 */
class RuleTargetLimitRule : public ValidationRule
{
public:
    static constexpr int maximumTargets = 5;

    QString id() const override { return QStringLiteral("TRIB-E005"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("More than five targets on one EventBridge rule"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
