#pragma once

#include "model/tree/JsonTree.h"

namespace tributary {

/**
 * cfn-lint refuses a fractional number anywhere under a template's top-level Metadata (rule
 * E4002), though CloudFormation takes it; Tributary's settings kept there (the scenario's rates,
 * factors and payloads) need fractions. So the writer keeps each fraction as decimal text ("0.9")
 * and the reader turns decimal text back into a number. The one thing this cannot keep is a
 * string in a scenario that looks like a decimal number: it is read back as the number.
 */
class MetadataNumbers
{
public:
    /** A copy of tree with every fraction as decimal text and every whole float as an integer. */
    static JsonTree asWritten(const JsonTree& tree);
    /** Turns every decimal text in tree ("0.9", "-12.5", "1e-05"; not "12" nor "1.") back into a number. */
    static void readBack(JsonTree& tree);
};

} // namespace tributary
