#pragma once

// Helpers shared by the model tests: JSON literals, a readable diff of two architectures, a
// recorder of Document signals, and look-ups in the built-in catalogue that fail loudly.

#include "model/Architecture.h"
#include "model/Document.h"
#include "model/catalogue/Catalogue.h"
#include "model/catalogue/CatalogueError.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <memory>
#include <utility>
#include <vector>

namespace tributary::test {

/** An order-preserving JSON value from its text. */
inline JsonTree json(const char* text)
{
    return JsonTree::parse(text);
}

inline QString dumpOf(const JsonTree& tree)
{
    return QString::fromStdString(tree.dump());
}

inline QString pointText(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

/** The first difference between two architectures, in words; empty when they are equal. */
inline QString differenceBetween(const Architecture& actual, const Architecture& expected)
{
    const auto& ar = actual.resources();
    const auto& er = expected.resources();
    for (std::size_t i = 0; i < std::min(ar.size(), er.size()); ++i) {
        const Resource& a = ar[i];
        const Resource& e = er[i];
        const QString at = QStringLiteral("resource #%1 ('%2' vs '%3')").arg(i).arg(a.id, e.id);
        if (a.id != e.id || a.kind != e.kind || a.cfnType != e.cfnType)
            return QStringLiteral("%1: id/kind/type %2/%3/%4 vs %5/%6/%7")
                .arg(at, a.id, a.kind, a.cfnType, e.id, e.kind, e.cfnType);
        if (a.properties != e.properties || a.properties.dump() != e.properties.dump())
            return QStringLiteral("%1: properties\n  %2\nvs\n  %3").arg(at, dumpOf(a.properties), dumpOf(e.properties));
        if (a.attributes != e.attributes || a.attributes.dump() != e.attributes.dump())
            return QStringLiteral("%1: attributes\n  %2\nvs\n  %3").arg(at, dumpOf(a.attributes), dumpOf(e.attributes));
        if (a.position != e.position)
            return QStringLiteral("%1: position %2 vs %3").arg(at, pointText(a.position), pointText(e.position));
    }
    if (ar.size() != er.size())
        return QStringLiteral("%1 resources vs %2").arg(ar.size()).arg(er.size());
    const auto& ac = actual.connections();
    const auto& ec = expected.connections();
    for (std::size_t i = 0; i < std::min(ac.size(), ec.size()); ++i) {
        const Connection& a = ac[i];
        const Connection& e = ec[i];
        if (a != e || a.properties.dump() != e.properties.dump())
            return QStringLiteral("connection #%1: %2 %3->%4 [%5] %6\nvs\n  %7 %8->%9 [%10] %11")
                .arg(i)
                .arg(a.id, a.source, a.target, a.rule, dumpOf(a.properties), e.id, e.source, e.target, e.rule)
                .arg(dumpOf(e.properties));
    }
    if (ac.size() != ec.size())
        return QStringLiteral("%1 connections vs %2").arg(ac.size()).arg(ec.size());
    const auto& ag = actual.groups();
    const auto& eg = expected.groups();
    for (std::size_t i = 0; i < std::min(ag.size(), eg.size()); ++i) {
        if (ag[i] != eg[i])
            return QStringLiteral("group #%1: %2 '%3' [%4] vs %5 '%6' [%7]")
                .arg(i)
                .arg(ag[i].id, ag[i].label, ag[i].members.join(QLatin1Char(',')), eg[i].id, eg[i].label,
                     eg[i].members.join(QLatin1Char(',')));
    }
    if (ag.size() != eg.size())
        return QStringLiteral("%1 groups vs %2").arg(ag.size()).arg(eg.size());
    if (actual.templateSections() != expected.templateSections()
        || actual.templateSections().dump() != expected.templateSections().dump())
        return QStringLiteral("template sections\n  %1\nvs\n  %2")
            .arg(dumpOf(actual.templateSections()), dumpOf(expected.templateSections()));
    if (actual != expected)
        return QStringLiteral("operator== says they differ, but no difference was found");
    return {};
}

/** Fails the calling test function, naming the first difference, unless the architectures are equal. */
#define TRIBUTARY_COMPARE_ARCHITECTURE(actual, expected)                                                           \
    do {                                                                                                           \
        const QString tributaryDifference_ = ::tributary::test::differenceBetween((actual), (expected));          \
        QVERIFY2((actual) == (expected) && tributaryDifference_.isEmpty(), qPrintable(tributaryDifference_));      \
    } while (false)

/** The index tables of an architecture agree with its vectors; returns what is wrong or an empty string. */
inline QString inconsistencyOf(const Architecture& architecture)
{
    const auto& resources = architecture.resources();
    for (std::size_t i = 0; i < resources.size(); ++i) {
        if (architecture.resourceIndex(resources[i].id) != static_cast<int>(i))
            return QStringLiteral("resourceIndex('%1') is %2, not %3")
                .arg(resources[i].id)
                .arg(architecture.resourceIndex(resources[i].id))
                .arg(i);
        if (architecture.resource(resources[i].id) != &resources[i])
            return QStringLiteral("resource('%1') does not find it").arg(resources[i].id);
    }
    const auto& connections = architecture.connections();
    for (std::size_t i = 0; i < connections.size(); ++i) {
        const Connection& connection = connections[i];
        if (architecture.connectionIndex(connection.id) != static_cast<int>(i))
            return QStringLiteral("connectionIndex('%1') is %2, not %3")
                .arg(connection.id)
                .arg(architecture.connectionIndex(connection.id))
                .arg(i);
        if (!architecture.resource(connection.source) || !architecture.resource(connection.target))
            return QStringLiteral("connection '%1' names a missing end (%2 -> %3)")
                .arg(connection.id, connection.source, connection.target);
    }
    QStringList grouped;
    for (const Group& group : architecture.groups()) {
        for (const QString& member : group.members) {
            if (!architecture.resource(member))
                return QStringLiteral("group '%1' names the missing resource '%2'").arg(group.id, member);
            if (grouped.contains(member))
                return QStringLiteral("'%1' is in two groups").arg(member);
            grouped.append(member);
        }
    }
    return {};
}

/**
 * Records every Document signal (except modifiedChanged and filePathChanged) through QSignalSpy,
 * as "name(arg, arg)" strings.
 */
class DocumentSignals
{
public:
    explicit DocumentSignals(Document* document)
    {
        add(document, "resourceAdded", &Document::resourceAdded);
        add(document, "resourceRemoved", &Document::resourceRemoved);
        add(document, "resourcePropertyChanged", &Document::resourcePropertyChanged);
        add(document, "resourceMoved", &Document::resourceMoved);
        add(document, "resourceRenamed", &Document::resourceRenamed);
        add(document, "connectionAdded", &Document::connectionAdded);
        add(document, "connectionRemoved", &Document::connectionRemoved);
        add(document, "connectionPropertyChanged", &Document::connectionPropertyChanged);
        add(document, "groupAdded", &Document::groupAdded);
        add(document, "groupRemoved", &Document::groupRemoved);
        add(document, "groupChanged", &Document::groupChanged);
        add(document, "templateSectionChanged", &Document::templateSectionChanged);
        add(document, "reset", &Document::reset);
    }

    /** The signals emitted since the last call, sorted (the order among them is not a contract). */
    QStringList take()
    {
        QStringList events;
        for (auto& [name, spy] : m_spies) {
            for (const QList<QVariant>& arguments : std::as_const(*spy)) {
                QStringList texts;
                for (const QVariant& argument : arguments)
                    texts.append(argument.toString());
                events.append(QStringLiteral("%1(%2)").arg(name, texts.join(QStringLiteral(", "))));
            }
            spy->clear();
        }
        events.sort();
        return events;
    }

private:
    template<typename Signal>
    void add(Document* document, const char* name, Signal signal)
    {
        auto spy = std::make_unique<QSignalSpy>(document, signal);
        QVERIFY(spy->isValid());
        m_spies.emplace_back(QString::fromLatin1(name), std::move(spy));
    }

    std::vector<std::pair<QString, std::unique_ptr<QSignalSpy>>> m_spies;
};

inline QStringList resourceIds(const Architecture& architecture)
{
    QStringList ids;
    for (const Resource& r : architecture.resources())
        ids.append(r.id);
    return ids;
}

inline QStringList connectionIds(const Architecture& architecture)
{
    QStringList ids;
    for (const Connection& c : architecture.connections())
        ids.append(c.id);
    return ids;
}

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/** The built-in catalogue; a broken one fails the test with the loader's message. */
inline const Catalogue* builtInCatalogue(QString* problem)
{
    try {
        return &Catalogue::builtIn();
    } catch (const CatalogueError& error) {
        *problem = error.message();
    } catch (const std::exception& error) {
        *problem = QString::fromUtf8(error.what());
    }
    return nullptr;
}

} // namespace tributary::test
