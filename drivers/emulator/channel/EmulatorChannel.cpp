#include "emulator/channel/EmulatorChannel.h"

#include <thread>

#include "base/Error.h"

namespace cccd::emulator {

EmulatorChannel::EmulatorChannel(std::shared_ptr<EmulatedCard> card, LinkModel link, bool sleep)
    : m_card(std::move(card)), m_link(link), m_sleep(sleep) {
    if (!m_card) {
        throw Error(ErrorCode::NoCard, "emulator channel without a card");
    }
}

Bytes EmulatorChannel::transmit(ByteView commandApdu) {
    Bytes response = m_card->transmit(commandApdu);
    auto cost = m_link.exchangeTime(commandApdu.size(), response.size());
    m_simulatedTime += cost;
    if (m_sleep && cost.count() > 0) {
        std::this_thread::sleep_for(cost);
    }
    return response;
}

Bytes EmulatorChannel::atr() const {
    return m_card->atr();
}

transport::ChannelCapabilities EmulatorChannel::capabilities() const {
    transport::ChannelCapabilities caps;
    caps.extendedLength = m_card->profile().extendedLength;
    if (caps.extendedLength) {
        caps.maxCommandDataSize = 65535;
        caps.maxResponseDataSize = 65536;
    }
    return caps;
}

} // namespace cccd::emulator
