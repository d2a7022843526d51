#pragma once

#include "model/Architecture.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace tributary {

/** Reading a template for a subcommand: with the built-in catalogue, and a message on err when it fails. */
class TemplateLoading
{
public:
    /** The architecture in path, or nothing after writing "tributary-cli: FILE:LINE:COLUMN: why" to err. */
    static std::optional<Architecture> read(const QString& path, QStringList& warnings, QTextStream& err);
};

} // namespace tributary
