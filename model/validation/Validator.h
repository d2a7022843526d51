#pragma once

#include "model/validation/Finding.h"
#include "model/validation/ValidationRule.h"

#include <memory>
#include <vector>

namespace tributary {

class Architecture;
class Catalogue;

/** Runs validation rules over an architecture and returns their findings, sorted. */
class Validator
{
public:
    /** A validator with no rules. */
    Validator() = default;
    /** A validator holding every built-in rule (TRIB-E…, TRIB-W…, TRIB-I…). */
    static Validator withBuiltInRules();

    void addRule(std::unique_ptr<ValidationRule> rule);
    const std::vector<std::unique_ptr<ValidationRule>>& rules() const { return m_rules; }
    /** The rule with that id, or nullptr. */
    const ValidationRule* rule(const QString& id) const;

    /**
     * The findings of every rule, without duplicates (same rule, resources and message), sorted by
     * sortFindings(). A rule that throws is reported as an error finding of its own id, not passed on.
     */
    std::vector<Finding> validate(const Architecture& architecture, const Catalogue& catalogue) const;

    /** Errors first, then warnings, then info; within a severity by rule id, resources, then message. */
    static void sortFindings(std::vector<Finding>& findings);

private:
    std::vector<std::unique_ptr<ValidationRule>> m_rules;
};

} // namespace tributary
