#pragma once

#include <cstddef>
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
    /** Per payload (SimContext::payloads): 1 when its messages pass the edge's filter; empty when everything passes. */
    std::vector<char> passes;
    /** SDK edges: the payloads the function sends along it, in turn; empty when it passes the incoming one on. */
    std::vector<int> emits;
    /** Which of `emits` the next message carries. */
    std::size_t nextEmit = 0;

    bool passesPayload(int payload) const
    {
        return passes.empty() || (payload >= 0 && payload < static_cast<int>(passes.size()) && passes[payload]);
    }
};

} // namespace tributary
