#include "emulator/vpcd/CardSlot.h"

namespace cccd::emulator {

void CardSlot::present(std::shared_ptr<EmulatedCard> card, std::string label) {
    std::lock_guard lock(m_mutex);
    m_card = std::move(card);
    m_label = std::move(label);
    ++m_generation;
}

void CardSlot::remove() {
    std::lock_guard lock(m_mutex);
    if (m_card) {
        m_card.reset();
        ++m_generation;
    }
}

CardSlot::Status CardSlot::status() const {
    std::lock_guard lock(m_mutex);
    Status status;
    status.present = m_card != nullptr;
    status.label = m_card ? m_label : std::string();
    status.generation = m_generation;
    if (m_card) {
        status.statistics = m_card->statistics();
    }
    return status;
}

std::uint64_t CardSlot::generation() const {
    std::lock_guard lock(m_mutex);
    return m_generation;
}

bool CardSlot::withCard(const std::function<void(EmulatedCard&)>& fn) {
    std::lock_guard lock(m_mutex);
    if (!m_card) {
        return false;
    }
    fn(*m_card);
    if (m_card->removed()) {
        m_card.reset();
        ++m_generation;
    }
    return true;
}

} // namespace cccd::emulator
