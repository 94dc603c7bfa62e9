#pragma once

#include <chrono>
#include <memory>

#include "emulator/card/EmulatedCard.h"
#include "emulator/card/LinkModel.h"
#include "transport/CardChannel.h"

namespace cccd::emulator {

/// A CardChannel straight into an emulated card in the same process: the terminal side can be
/// tested without pcscd. Capabilities follow the card profile. The link model's cost is added
/// up, and slept when `sleep` is set (benchmarks that want wall-clock realism).
class EmulatorChannel : public transport::CardChannel {
public:
    explicit EmulatorChannel(std::shared_ptr<EmulatedCard> card, LinkModel link = LinkModel::off(),
                             bool sleep = false);

    /// Errors: Error(CardRemoved) when the card has left (a removal fault).
    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override;

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    /// The link time of every exchange so far, as the model computes it.
    [[nodiscard]] std::chrono::microseconds simulatedTime() const { return m_simulatedTime; }

    [[nodiscard]] EmulatedCard& card() { return *m_card; }

private:
    std::shared_ptr<EmulatedCard> m_card;
    LinkModel m_link;
    bool m_sleep;
    std::chrono::microseconds m_simulatedTime{0};
};

} // namespace cccd::emulator
