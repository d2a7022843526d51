#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E007: an event pattern, filter policy or filter criteria that is not valid JSON of the shape
 * the service accepts (see EventPatternCheck). Checked: an EventBridge rule's EventPattern; the
 * Pattern, FilterPolicy (with its FilterPolicyScope) and FilterCriteria of connections; a pipe's
 * SourceParameters.FilterCriteria; and, where no connection stands for them yet, the same keys in
 * AWS::SNS::Subscription and AWS::Lambda::EventSourceMapping resources and in the Events of SAM
 * functions and state machines.
 */
class EventPatternRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E007"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("Event pattern or filter policy of the wrong shape"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
