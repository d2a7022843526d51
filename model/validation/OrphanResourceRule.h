#pragma once

#include "model/validation/ValidationRule.h"

namespace tributary {

/**
 * TRIB-I001: a resource connected to nothing. A resource of a catalogue kind (generic resources —
 * roles, policies, permissions, mappings, anything that exists for others — are ignored) is an
 * orphan when no connection starts or ends at it, no other resource names it (Ref, Fn::GetAtt,
 * Fn::Sub, DependsOn) and it names no other resource, and, for a SAM function or state machine, its
 * Events are empty (an Api or Schedule event is a trigger without a resource of its own). Resources
 * whose definition lives outside the template (DefinitionUri, DefinitionS3Location, BodyS3Location,
 * or an Fn::Transform such as AWS::Include) are not judged: their wiring cannot be seen.
 */
class OrphanResourceRule : public ValidationRule
{
public:
    QString id() const override { return QStringLiteral("TRIB-I001"); }
    Finding::Severity severity() const override { return Finding::Severity::Info; }
    QString title() const override { return QStringLiteral("Resource connected to nothing"); }
    std::vector<Finding> check(const Architecture& architecture, const Catalogue& catalogue) const override;
};

} // namespace tributary
