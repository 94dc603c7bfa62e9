#include "kiosk/core/CardEventQueue.h"

namespace cccd::kiosk {

CardEventSink CardEventQueue::sink() {
    return [this](CardEvent event) { push(std::move(event)); };
}

void CardEventQueue::push(CardEvent event) {
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    m_ready.notify_one();
}

std::optional<CardEvent> CardEventQueue::pop(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    if (!m_ready.wait_for(lock, timeout, [this] { return !m_events.empty(); })) {
        return std::nullopt;
    }
    CardEvent event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

} // namespace cccd::kiosk
