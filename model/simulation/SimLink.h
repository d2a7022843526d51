#pragma once

#include <cstdint>
#include <vector>

namespace tributary {

class SimModel;

/** What an edge does in the simulation (the rule's `meaning`). */
enum class LinkMeaning : std::int8_t { Sync, Async, Polled, Stream, Sdk, OnSuccess, OnFailure, DeadLetter, Task, PipeSource, PipeTarget };

/** An outgoing edge of a model, resolved to its target model. */
struct SimLink
{
    /** Index in Architecture::connections(). */
    int connection = -1;
    SimModel* target = nullptr;
    LinkMeaning meaning = LinkMeaning::Async;
    /** Per scenario entry: 1 when that entry's messages pass the edge's filter; empty when everything passes. */
    std::vector<char> passes;

    bool passesEntry(int entry) const
    {
        return passes.empty() || (entry >= 0 && entry < static_cast<int>(passes.size()) && passes[entry]);
    }
};

} // namespace tributary
