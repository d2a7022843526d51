#include "model/realisation/ConnectionRealisation.h"

#include "model/catalogue/ConnectionRule.h"
#include "model/tree/JsonTreeEdit.h"

#include <QRegularExpression>

namespace tributary {

namespace {

const QString kPropertyPrefix = QStringLiteral("{{property:");

/** The edge property a string stands for ("{{property:/P}}" → "/P"), or nothing. */
std::optional<QString> propertyPlaceholder(const JsonTree& value)
{
    if (!value.is_string())
        return std::nullopt;
    const QString text = QString::fromStdString(value.get<std::string>());
    if (!text.startsWith(kPropertyPrefix) || !text.endsWith(QStringLiteral("}}")))
        return std::nullopt;
    return text.mid(kPropertyPrefix.size(), text.size() - kPropertyPrefix.size() - 2);
}

QString escapeToken(QString token)
{
    return token.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

class Filler
{
public:
    Filler(const Connection& connection)
        : m_connection(connection)
    {
    }

    QString text(QString text) const
    {
        return text.replace(QStringLiteral("{{connection}}"), m_connection.id)
            .replace(QStringLiteral("{{source}}"), m_connection.source)
            .replace(QStringLiteral("{{target}}"), m_connection.target)
            .replace(QStringLiteral("{{SOURCE}}"), ConnectionRealisation::upperSnake(m_connection.source))
            .replace(QStringLiteral("{{TARGET}}"), ConnectionRealisation::upperSnake(m_connection.target));
    }

    /** The value with placeholders filled in; nothing when it is an edge property the edge does not have. */
    std::optional<JsonTree> value(const JsonTree& pattern) const
    {
        if (const std::optional<QString> property = propertyPlaceholder(pattern))
            return JsonTreeEdit::valueAt(m_connection.properties, *property);
        if (pattern.is_string())
            return JsonTree(text(QString::fromStdString(pattern.get<std::string>())).toStdString());
        if (pattern.is_object()) {
            JsonTree filled = JsonTree::object();
            for (auto it = pattern.begin(); it != pattern.end(); ++it) {
                if (std::optional<JsonTree> item = value(it.value()))
                    filled[text(QString::fromStdString(it.key())).toStdString()] = std::move(*item);
            }
            return filled;
        }
        if (pattern.is_array()) {
            JsonTree filled = JsonTree::array();
            for (const JsonTree& element : pattern) {
                if (std::optional<JsonTree> item = value(element))
                    filled.push_back(std::move(*item));
            }
            return filled;
        }
        return pattern;
    }

private:
    const Connection& m_connection;
};

/** Whether a part's pointer is one the write's path pattern leads to (placeholder and "-" steps match any). */
bool pathFits(const QString& pattern, const QString& pointer)
{
    const QStringList steps = pattern.split(QLatin1Char('/'));
    const QStringList actual = pointer.split(QLatin1Char('/'));
    if (steps.size() != actual.size())
        return false;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i] != actual[i] && !steps[i].contains(QStringLiteral("{{")) && steps[i] != QLatin1String("-"))
            return false;
    }
    return true;
}

/** The pointer inside a write's value of the placeholder that holds the edge property (or a parent of it). */
std::optional<std::pair<QString, QString>> placeholderFor(const JsonTree& pattern, const QString& at,
                                                          const QString& property)
{
    if (const std::optional<QString> placeholder = propertyPlaceholder(pattern)) {
        if (property == *placeholder)
            return std::make_pair(at, QString());
        if (property.startsWith(*placeholder + QLatin1Char('/')))
            return std::make_pair(at, property.mid(placeholder->size()));
        return std::nullopt;
    }
    if (pattern.is_object()) {
        for (auto it = pattern.begin(); it != pattern.end(); ++it) {
            const QString child = at + QLatin1Char('/') + escapeToken(QString::fromStdString(it.key()));
            if (auto found = placeholderFor(it.value(), child, property))
                return found;
        }
    }
    return std::nullopt;
}

QString partResource(const JsonTree& part)
{
    return QString::fromStdString(part.value("resource", std::string()));
}

QString partPointer(const JsonTree& part)
{
    return QString::fromStdString(part.value("path", std::string()));
}

} // namespace

std::vector<ConnectionRealisation::Part> ConnectionRealisation::plan(const Architecture& architecture,
                                                                     const ConnectionRule& rule,
                                                                     const Connection& connection)
{
    const Filler fill(connection);
    std::vector<Part> parts;
    QSet<QString> newIds;
    for (const JsonTree& write : rule.writes) {
        const QString into = QString::fromStdString(write.value("into", std::string()));
        QString path = fill.text(QString::fromStdString(write.value("path", std::string())));
        const std::optional<JsonTree> value = fill.value(write.value("value", JsonTree()));
        Part part;
        part.value = value.value_or(JsonTree::object());
        if (into == QLatin1String("resource")) {
            const QString base = path.mid(1).remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")));
            QString id = base;
            for (int n = 2; architecture.isNameTaken(id) || newIds.contains(id); ++n)
                id = base + QString::number(n);
            newIds.insert(id);
            part.resource = id;
            part.cfnType = QString::fromStdString(write.value("type", std::string()));
        } else {
            part.resource = into == QLatin1String("source") ? connection.source : connection.target;
            const Resource* owner = architecture.resource(part.resource);
            if (path.endsWith(QStringLiteral("/-"))) {
                const QString list = path.left(path.size() - 2);
                std::size_t next = 0;
                if (owner) {
                    if (const std::optional<JsonTree> existing = JsonTreeEdit::valueAt(owner->properties, list);
                        existing && existing->is_array())
                        next = existing->size();
                }
                for (const Part& earlier : parts) {
                    if (earlier.resource == part.resource && earlier.pointer.startsWith(list + QLatin1Char('/')))
                        ++next;
                }
                path = list + QLatin1Char('/') + QString::number(next);
            }
            part.pointer = path;
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

JsonTree ConnectionRealisation::partsOf(const std::vector<Part>& parts)
{
    JsonTree list = JsonTree::array();
    for (const Part& part : parts) {
        JsonTree entry = JsonTree::object();
        entry["resource"] = part.resource.toStdString();
        if (!part.pointer.isEmpty())
            entry["path"] = part.pointer.toStdString();
        list.push_back(std::move(entry));
    }
    return list;
}

std::optional<std::pair<QString, QString>> ConnectionRealisation::propertyLocation(const Architecture& architecture,
                                                                                   const ConnectionRule& rule,
                                                                                   const Connection& connection,
                                                                                   const QString& pointer)
{
    for (const JsonTree& write : rule.writes) {
        const auto inside = placeholderFor(write.value("value", JsonTree()), QString(), pointer);
        if (!inside)
            continue;
        const QString into = QString::fromStdString(write.value("into", std::string()));
        const QString pathPattern = QString::fromStdString(write.value("path", std::string()));
        const QString type = QString::fromStdString(write.value("type", std::string()));
        for (const JsonTree& part : connection.parts) {
            const QString resource = partResource(part);
            const Resource* owner = architecture.resource(resource);
            if (!owner)
                continue;
            const bool fits = into == QLatin1String("resource")
                ? partPointer(part).isEmpty() && owner->cfnType == type
                : resource == (into == QLatin1String("source") ? connection.source : connection.target)
                    && pathFits(pathPattern, partPointer(part));
            if (fits)
                return std::make_pair(resource, partPointer(part) + inside->first + inside->second);
        }
    }
    // A carrier read in another form (an event source mapping, a subscription resource) names its settings as the edge does.
    for (const JsonTree& part : connection.parts) {
        if (partPointer(part).isEmpty() && architecture.resource(partResource(part)))
            return std::make_pair(partResource(part), pointer);
    }
    return std::nullopt;
}

QString ConnectionRealisation::upperSnake(const QString& id)
{
    QString snake;
    for (int i = 0; i < id.size(); ++i) {
        const QChar c = id[i];
        const bool boundary = i > 0 && c.isUpper()
            && (id[i - 1].isLower() || id[i - 1].isDigit() || (i + 1 < id.size() && id[i + 1].isLower()));
        if (boundary)
            snake += QLatin1Char('_');
        snake += c.toUpper();
    }
    return snake;
}

} // namespace tributary
