#include "model/catalogue/DescriptorFile.h"

#include "model/catalogue/CatalogueError.h"
#include "model/tree/TreeParseError.h"
#include "model/tree/YamlTreeReader.h"

#include <QFile>
#include <QFileInfo>

namespace tributary {

DescriptorFile::DescriptorFile(const QString& path)
    : m_path(path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw CatalogueError(QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    try {
        m_tree = YamlTreeReader::read(file.readAll(), path);
    } catch (const TreeParseError& error) {
        throw CatalogueError(error.describe());
    }
    if (!m_tree.value.is_object())
        throw CatalogueError(QStringLiteral("%1: a descriptor must be a YAML map of keys").arg(path));
}

QString DescriptorFile::baseName() const
{
    return QFileInfo(m_path).completeBaseName();
}

const JsonTree* DescriptorFile::find(const std::string& pointer) const
{
    const JsonTree::json_pointer path(pointer);
    return m_tree.value.contains(path) ? &m_tree.value.at(path) : nullptr;
}

const JsonTree& DescriptorFile::require(const std::string& pointer) const
{
    const JsonTree* value = find(pointer);
    if (!value)
        fail(pointer, QStringLiteral("is missing"));
    return *value;
}

QString DescriptorFile::requireString(const std::string& pointer) const
{
    const JsonTree& value = require(pointer);
    if (!value.is_string() || value.get<std::string>().empty())
        fail(pointer, QStringLiteral("must be a non-empty string"));
    return QString::fromStdString(value.get<std::string>());
}

QString DescriptorFile::optionalString(const std::string& pointer) const
{
    return find(pointer) ? requireString(pointer) : QString();
}

QStringList DescriptorFile::requireStringList(const std::string& pointer) const
{
    const JsonTree& list = requireArray(pointer);
    QStringList strings;
    for (std::size_t i = 0; i < list.size(); ++i)
        strings.append(requireString(pointer + "/" + std::to_string(i)));
    return strings;
}

QStringList DescriptorFile::optionalStringList(const std::string& pointer) const
{
    return find(pointer) ? requireStringList(pointer) : QStringList();
}

const JsonTree& DescriptorFile::requireObject(const std::string& pointer) const
{
    const JsonTree& value = require(pointer);
    if (!value.is_object())
        fail(pointer, QStringLiteral("must be a map of keys"));
    return value;
}

const JsonTree& DescriptorFile::requireArray(const std::string& pointer) const
{
    const JsonTree& value = require(pointer);
    if (!value.is_array())
        fail(pointer, QStringLiteral("must be a list"));
    return value;
}

QString DescriptorFile::requireOneOf(const std::string& pointer, const QStringList& allowed) const
{
    const QString value = requireString(pointer);
    if (!allowed.contains(value))
        fail(pointer, QStringLiteral("'%1' is not one of %2").arg(value, allowed.join(QStringLiteral(", "))));
    return value;
}

void DescriptorFile::fail(const std::string& pointer, const QString& problem) const
{
    std::string key = pointer.empty() ? std::string("(root)") : pointer.substr(1);
    QString where;
    for (std::string at = pointer;; at = JsonTree::json_pointer(at).parent_pointer().to_string()) {
        const auto location = m_tree.locations.find(at);
        if (location != m_tree.locations.end() && location->second.line > 0) {
            where = QStringLiteral(" (line %1)").arg(location->second.line);
            break;
        }
        if (at.empty())
            break;
    }
    throw CatalogueError(QStringLiteral("%1: key '%2'%3: %4").arg(m_path, QString::fromStdString(key), where, problem));
}

} // namespace tributary
