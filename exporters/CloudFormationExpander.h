#pragma once

#include "model/Architecture.h"
#include "model/TemplateStyle.h"
#include "model/tree/JsonTree.h"

#include <QByteArray>
#include <QStringList>

namespace tributary {

/**
 * Turns a template that uses SAM (the AWS::Serverless-2016-10-31 transform, AWS::Serverless::*
 * types, Globals) into plain CloudFormation that deploys the same resources: no Transform (other
 * macros of a Transform list are kept), no Globals, no empty sections, each SAM resource replaced by what SAM
 * generates for it under SAM's documented logical ids (see the Sam*Expander classes). Every other
 * section and resource is carried through in order; Condition, DependsOn, DeletionPolicy,
 * UpdateReplacePolicy and Metadata stay on the resource that keeps the SAM resource's id, and
 * generated resources take its Condition. A template without SAM comes back unchanged.
 */
class CloudFormationExpander
{
public:
    struct Result
    {
        JsonTree tree;
        /** What was left out or needs a step of its own (packaging local code …). */
        QStringList warnings;
        /** What cannot be expanded at all; tree is not deployable when there are any. */
        QStringList errors;
    };

    /** Expands a template tree (intrinsic functions in long form, as the readers give them). */
    static Result expand(const JsonTree& samTemplate);
    /** Expands the template TemplateWriter writes for the architecture (with Tributary's layout metadata). */
    static Result toTree(const Architecture& architecture);
    /**
     * The expanded template as text in format: YAML keeps the architecture's short or long forms
     * (short forms from a JSON source).
     */
    static QByteArray write(const Architecture& architecture, TemplateStyle::Format format, Result* result = nullptr);
};

} // namespace tributary
