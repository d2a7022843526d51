#include "app/cli/TemplateLoading.h"

#include "exporters/TemplateError.h"
#include "exporters/TemplateReader.h"
#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"
#include "model/tree/TreeParseError.h"

namespace tributary {

std::optional<Architecture> TemplateLoading::read(const QString& path, QStringList& warnings, QTextStream& err)
{
    try {
        return TemplateReader::read(path, Catalogue::builtIn(), &warnings);
    } catch (const TreeParseError& error) {
        err << "tributary-cli: " << error.describe() << "\n";
    } catch (const MessageError& error) {
        err << "tributary-cli: " << error.message() << "\n";
    }
    return std::nullopt;
}

} // namespace tributary
