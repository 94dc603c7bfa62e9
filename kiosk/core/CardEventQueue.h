#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "kiosk/core/CardEvent.h"

namespace cccd::kiosk {

/// Hands events from a service's worker thread to the thread that owns the workflow, in order.
class CardEventQueue {
public:
    /// A sink that pushes into this queue (the queue must outlive it).
    [[nodiscard]] CardEventSink sink();

    void push(CardEvent event);

    /// The oldest event, waiting at most `timeout`; nullopt when none came.
    [[nodiscard]] std::optional<CardEvent> pop(std::chrono::milliseconds timeout);

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<CardEvent> m_events;
};

} // namespace cccd::kiosk
