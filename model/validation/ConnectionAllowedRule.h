#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-E002: a connection the catalogue does not allow — its rule does not exist, or does not join
 * the kinds of its ends — or one that is malformed (a missing end, an edge to itself, a bad id).
 * The same judgement ConnectionCheck makes before a connection is added.
 */
class ConnectionAllowedRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-E002"); }
    Finding::Severity severity() const override { return Finding::Severity::Error; }
    QString title() const override { return QStringLiteral("Connection not allowed by the catalogue"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
