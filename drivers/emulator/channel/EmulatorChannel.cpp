#include "emulator/channel/EmulatorChannel.h"

#include <algorithm>
#include <cstdint>
#include <thread>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

constexpr std::size_t ShortResponseMax = 256 + 2;
constexpr std::uint16_t WrongLength = 0x6700;

// ISO/IEC 7816-4 §5.1: an extended APDU has 00 after the header followed by two length bytes;
// a short one has a non-zero Lc there, or a lone Le (00 = 256) as its fifth and last byte.
bool isExtended(ByteView apdu) {
    return apdu.size() >= 7 && apdu[4] == 0x00;
}

} // namespace

EmulatorChannel::EmulatorChannel(std::shared_ptr<EmulatedCard> card, LinkModel link, bool sleep,
                                 EmulatedReader reader)
    : m_card(std::move(card)), m_link(link), m_sleep(sleep), m_reader(std::move(reader)) {
    if (!m_card) {
        throw Error(ErrorCode::NoCard, "emulator channel without a card");
    }
}

Bytes EmulatorChannel::transmit(ByteView commandApdu) {
    if (m_cancel != nullptr && m_cancel->load()) {
        throw Error(ErrorCode::Cancelled, "exchange cancelled");
    }
    if (m_reader.limits.shortApdusOnly && isExtended(commandApdu)) {
        if (m_reader.refusal == EmulatedReader::Refusal::WrongLength) {
            return {static_cast<std::uint8_t>(WrongLength >> 8), WrongLength & 0xFF};
        }
        throw Error(ErrorCode::Transport, "the reader cannot carry an extended APDU");
    }

    Bytes response = exchange(commandApdu);
    std::size_t limit = m_reader.limits.maxResponseSize.value_or(SIZE_MAX);
    if (m_reader.limits.shortApdusOnly) {
        limit = std::min(limit, ShortResponseMax);
    }
    if (response.size() > limit) {
        throw Error(ErrorCode::Transport, "the response is longer than the reader's buffer");
    }
    return response;
}

Bytes EmulatorChannel::exchange(ByteView commandApdu) {
    Bytes response;
    if (m_cancel == nullptr && !m_reader.responseTimeout) {
        if (m_worker) {
            m_worker->settle(); // an exchange given up earlier still holds the card
        }
        response = m_card->transmit(commandApdu);
    } else {
        if (!m_worker) {
            m_worker = std::make_unique<transport::TransmitWorker>();
        }
        std::shared_ptr<EmulatedCard> card = m_card; // an abandoned exchange keeps the card
        response = m_worker->run(
            [card, command = Bytes(commandApdu.begin(), commandApdu.end())] {
                return card->transmit(command);
            },
            m_cancel, m_reader.responseTimeout, [card] { card->cutPower(); });
    }
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
    return m_reader.reportsLimits ? transport::limitedTo(caps, m_reader.limits) : caps;
}

} // namespace cccd::emulator
