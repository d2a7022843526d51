#pragma once

#include "model/tree/JsonTree.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string>

namespace tributary {

class Architecture;
class Catalogue;
struct Connection;
struct Resource;

/** Reading template values the way validation rules need: safely, through intrinsics and SAM Globals. */
class ValidationSupport
{
public:
    /** The value at a JSON pointer inside value, or nullptr when there is none; never throws. */
    static const JsonTree* at(const JsonTree& value, const std::string& pointer);

    /** True for an intrinsic function ({"Ref": …}, {"Fn::…": …}, {"Condition": …}): a value known only at deploy time. */
    static bool isIntrinsic(const JsonTree& value);
    /** True when value is or holds an intrinsic function anywhere. */
    static bool containsIntrinsic(const JsonTree& value);
    /** A number, or a string that is one (CloudFormation accepts both); nullopt otherwise. */
    static std::optional<double> number(const JsonTree& value);
    /** A boolean, or the string "true"/"false" in any case; nullopt otherwise. */
    static std::optional<bool> boolean(const JsonTree& value);
    /** The text of a string value; empty for anything else. */
    static QString text(const JsonTree* value);

    /**
     * A property of a resource at pointer (into its Properties); for a SAM resource the value its
     * type's section of Globals gives when the resource has none. nullptr when neither has it.
     * foundAt, when given, receives the template pointer of the value returned.
     */
    static const JsonTree* property(const Architecture& architecture, const Resource& resource,
                                    const std::string& pointer, QString* foundAt = nullptr);
    /** The catalogue's default for the field at pointer of a kind (or a connection rule); null when none. */
    static JsonTree kindFieldDefault(const Catalogue& catalogue, const QString& kind, const QString& pointer);
    static JsonTree ruleFieldDefault(const Catalogue& catalogue, const QString& rule, const QString& pointer);

    /** The logical id a value names as a whole: Ref X, Fn::GetAtt [X, …], "X.Attr", Fn::Sub "${X}" or "${X.Arn}". */
    static QString referencedId(const JsonTree& value);
    /**
     * Calls found with every name value refers to: Ref names, the resource of every Fn::GetAtt, and
     * every ${Name} or ${Name.Attr} of an Fn::Sub string that is not "${!…}" and not one of the
     * Fn::Sub's own variables.
     */
    static void forEachReference(const JsonTree& value, const std::function<void(const std::string&)>& found);

    /**
     * Whether a queue (FifoQueue) or topic (FifoTopic) is FIFO; false for other kinds and when
     * unset; nullopt when an intrinsic function decides.
     */
    static std::optional<bool> isFifo(const Resource& resource);

    /**
     * True when a topic-to-function edge goes through a queue SAM adds (its SNS event sets
     * SqsSubscription): the function then polls that queue instead of being invoked by the topic.
     * Looks at the edge's properties and at the SAM events among its template parts.
     */
    static bool isSqsSubscription(const Architecture& architecture, const Connection& connection);
    /** True for a SAM SNS event's Properties with SqsSubscription true or a map. */
    static bool setsSqsSubscription(const JsonTree& eventProperties);

    /** "/Resources/<id>" or "/Resources/<id>/Properties<propertyPointer>", escaped as RFC 6901 says. */
    static QString resourcePointer(const QString& id, const std::string& propertyPointer = {});
    /** The template pointer of the first template part that realises connection; empty when it has none. */
    static QString connectionPointer(const Connection& connection);
    /** True when some connection's template parts include the resource's Properties at pointer (or the whole resource). */
    static bool coveredByConnection(const Architecture& architecture, const QString& resourceId, const std::string& pointer);

    /** "A", "A and B", "A, B and C". */
    static QString joined(const QStringList& names);
    /** A JSON value as short text for a message ("30", "\"Image\""). */
    static QString shortText(const JsonTree& value);
};

} // namespace tributary
