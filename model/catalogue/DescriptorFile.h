#pragma once

#include "model/tree/ParsedTree.h"

#include <QString>
#include <QStringList>

#include <string>

namespace tributary {

/** One parsed descriptor with typed accessors whose errors name the file, the key and the line. */
class DescriptorFile
{
public:
    /** Reads and parses the file; throws CatalogueError when it is unreadable or not a YAML map. */
    explicit DescriptorFile(const QString& path);

    const QString& path() const { return m_path; }
    /** The file name without folder and extension. */
    QString baseName() const;
    const JsonTree& root() const { return m_tree.value; }

    /** The value at pointer (e.g. "/fields/2/label"), or nullptr when absent. */
    const JsonTree* find(const std::string& pointer) const;
    /** The value at pointer; throws when absent. */
    const JsonTree& require(const std::string& pointer) const;
    QString requireString(const std::string& pointer) const;
    QString optionalString(const std::string& pointer) const;
    QStringList requireStringList(const std::string& pointer) const;
    QStringList optionalStringList(const std::string& pointer) const;
    const JsonTree& requireObject(const std::string& pointer) const;
    const JsonTree& requireArray(const std::string& pointer) const;
    /** Throws unless the string at pointer is one of allowed. */
    QString requireOneOf(const std::string& pointer, const QStringList& allowed) const;

    /** Throws a CatalogueError: "FILE: key 'KEY' (line N): problem". */
    [[noreturn]] void fail(const std::string& pointer, const QString& problem) const;

private:
    QString m_path;
    ParsedTree m_tree;
};

} // namespace tributary
