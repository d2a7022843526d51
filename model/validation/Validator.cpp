#include "model/validation/Validator.h"

#include "model/validation/AsyncFailureDestinationRule.h"
#include "model/validation/ConnectionAllowedRule.h"
#include "model/validation/DeadLetterQueueTypeRule.h"
#include "model/validation/EventPatternRule.h"
#include "model/validation/FifoTargetRule.h"
#include "model/validation/FunctionCallsFunctionRule.h"
#include "model/validation/OrphanResourceRule.h"
#include "model/validation/RecursiveLoopRule.h"
#include "model/validation/RequiredPropertiesRule.h"
#include "model/validation/RuleTargetLimitRule.h"
#include "model/validation/UnusedParameterRule.h"
#include "model/validation/VisibilityTimeoutRule.h"

#include <QSet>

#include <algorithm>
#include <exception>

namespace tributary {

Validator Validator::withBuiltInRules()
{
    Validator validator;
    validator.addRule(std::make_unique<RequiredPropertiesRule>());
    validator.addRule(std::make_unique<ConnectionAllowedRule>());
    validator.addRule(std::make_unique<VisibilityTimeoutRule>());
    validator.addRule(std::make_unique<DeadLetterQueueTypeRule>());
    validator.addRule(std::make_unique<RuleTargetLimitRule>());
    validator.addRule(std::make_unique<FifoTargetRule>());
    validator.addRule(std::make_unique<EventPatternRule>());
    validator.addRule(std::make_unique<AsyncFailureDestinationRule>());
    validator.addRule(std::make_unique<RecursiveLoopRule>());
    validator.addRule(std::make_unique<FunctionCallsFunctionRule>());
    validator.addRule(std::make_unique<UnusedParameterRule>());
    validator.addRule(std::make_unique<OrphanResourceRule>());
    return validator;
}

void Validator::addRule(std::unique_ptr<ValidationRule> rule)
{
    m_rules.push_back(std::move(rule));
}

const ValidationRule* Validator::rule(const QString& id) const
{
    for (const auto& rule : m_rules) {
        if (rule->id() == id)
            return rule.get();
    }
    return nullptr;
}

std::vector<Finding> Validator::validate(const Architecture& architecture, const Catalogue& catalogue) const
{
    std::vector<Finding> findings;
    QSet<QString> seen;
    for (const auto& rule : m_rules) {
        std::vector<Finding> found;
        try {
            found = rule->check(architecture, catalogue);
        } catch (const std::exception& error) {
            Finding failure;
            failure.rule = rule->id();
            failure.severity = Finding::Severity::Error;
            failure.message = QStringLiteral("The check '%1' failed on this architecture: %2")
                                  .arg(rule->title(), QString::fromUtf8(error.what()));
            found.push_back(failure);
        }
        for (Finding& finding : found) {
            const QString key = finding.rule + QLatin1Char('\n') + finding.resources.join(QLatin1Char(','))
                + QLatin1Char('\n') + finding.message;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            findings.push_back(std::move(finding));
        }
    }
    sortFindings(findings);
    return findings;
}

void Validator::sortFindings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity)
            return static_cast<int>(a.severity) < static_cast<int>(b.severity);
        if (a.rule != b.rule)
            return a.rule < b.rule;
        const QString aResources = a.resources.join(QLatin1Char(','));
        const QString bResources = b.resources.join(QLatin1Char(','));
        if (aResources != bResources)
            return aResources < bResources;
        return a.message < b.message;
    });
}

} // namespace tributary
