#pragma once

#include "model/simulation/SimDistribution.h"
#include "model/tree/JsonTree.h"

#include <string>

namespace tributary {

/**
 * The behaviour settings of one resource: its kind's catalogue `simulation:` map with the scenario's
 * overrides merged over it. Reading a key of the wrong type throws ScenarioError naming it.
 */
class SimSettings
{
public:
    /** The kind's defaults with the scenario's override (an object, or null) merged over them. */
    SimSettings(const JsonTree& defaults, const JsonTree& override, std::string where);

    /** defaults with override merged over it, object by object. */
    static JsonTree merge(const JsonTree& defaults, const JsonTree& override);

    bool has(const char* key) const { return m_values.contains(key); }
    double number(const char* key, double fallback) const;
    /**
     * The scenario's override of key when it has one, else the template's value at pointer in
     * properties, else the kind's default for key, else fallback.
     */
    double number(const char* key, const JsonTree& properties, const char* pointer, double fallback) const;
    bool boolean(const char* key, bool fallback) const;
    std::string text(const char* key, const std::string& fallback) const;
    SimDistribution distribution(const char* key, const SimDistribution& fallback) const;
    /** The value at key, or null. */
    const JsonTree& value(const char* key) const;
    const std::string& where() const { return m_where; }

    /** A number (or numeric string) at pointer in a template's Properties; fallback when absent or an intrinsic. */
    static double templateNumber(const JsonTree& properties, const char* pointer, double fallback);
    /** A string (or boolean as "true"/"false") at pointer in a template's Properties, or fallback. */
    static std::string templateText(const JsonTree& properties, const char* pointer, const std::string& fallback);
    /**
     * Where a polled edge keeps its batching settings: the edge's properties, or for a pipe's source
     * the SqsQueueParameters, KinesisStreamParameters or DynamoDBStreamParameters in them.
     */
    static const JsonTree& pollingParameters(const JsonTree& properties);
    /** A key for error messages: where/key. */
    std::string keyName(const char* key) const { return m_where + "/" + key; }

private:
    JsonTree m_values;
    JsonTree m_override;
    std::string m_where;
};

} // namespace tributary
