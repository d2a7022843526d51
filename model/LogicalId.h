#pragma once

#include <QString>

#include <functional>

namespace tributary {

/** The rules of CloudFormation logical ids: ASCII letters and digits only, 1 to 255 characters. */
class LogicalId
{
public:
    static constexpr int maximumLength = 255;

    /** Why id is not a valid logical id, in a sentence naming it; empty when it is valid. */
    static QString problemWith(const QString& id);

    /** base made valid (other characters dropped, never empty) and then unique: Queue, Queue2, Queue3 … */
    static QString makeUnique(const QString& base, const std::function<bool(const QString&)>& isTaken);
};

} // namespace tributary
