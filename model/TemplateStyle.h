#pragma once

namespace tributary {

/** How a template was written, so that saving writes it back the same way. */
struct TemplateStyle
{
    enum class Format { Yaml, Json };

    Format format = Format::Yaml;
    /** Intrinsic functions as YAML short-form tags (`!Ref X`) rather than long form (`Ref: X`). */
    bool shortForms = true;
    /** `!GetAtt A.B` rather than `!GetAtt [A, B]` where short forms are written. */
    bool getAttDotForm = true;

    bool operator==(const TemplateStyle& other) const
    {
        return format == other.format && shortForms == other.shortForms && getAttDotForm == other.getAttDotForm;
    }
    bool operator!=(const TemplateStyle& other) const { return !(*this == other); }
};

} // namespace tributary
