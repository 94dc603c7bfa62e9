#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "emulator/card/EmulatedCard.h"

namespace cccd::emulator {

/// The place on the reader where a card lies: empty or holding one emulated card. Shared by
/// the vpcd link and the control interface, so every access goes through its lock.
class CardSlot {
public:
    /// Puts a card on the reader (replacing any card). label: a profile name, no personal data.
    void present(std::shared_ptr<EmulatedCard> card, std::string label);

    /// Takes the card away.
    void remove();

    struct Status {
        bool present = false;
        std::string label;
        std::uint64_t generation = 0; ///< changes on every present and remove
        CardStatistics statistics;
    };

    [[nodiscard]] Status status() const;

    [[nodiscard]] std::uint64_t generation() const;

    /// Runs fn on the card under the lock; false when the slot is empty. A card whose removal
    /// fault fired leaves the slot.
    bool withCard(const std::function<void(EmulatedCard&)>& fn);

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<EmulatedCard> m_card;
    std::string m_label;
    std::uint64_t m_generation = 0;
};

} // namespace cccd::emulator
