#include "model/tree/JsonTreeWriter.h"

#include <string>

namespace tributary {

QByteArray JsonTreeWriter::write(const JsonTree& tree)
{
    std::string text = tree.dump(2, ' ', false, JsonTree::error_handler_t::replace);
    text += '\n';
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace tributary
