// A card whose every answer is fuzzed: a whole read session as the reader runs it (EF.CardAccess,
// SELECT, PACE or BAC, secure messaging, the files, chip authentication), then every file parsed
// and Passive Authentication run over what came back.
#include "HostileCard.h"

#include <memory>

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

namespace {

class HostileCardChannel : public transport::CardChannel {
public:
    HostileCardChannel(ByteView responses, std::uint8_t flags)
        : m_responses(responses), m_flags(flags) {}

    Bytes transmit(ByteView) override {
        if (++m_commands > MaxHostileCardCommands) {
            throw Error(ErrorCode::Transport, "fuzzing: the reader does not stop");
        }
        if (m_offset >= m_responses.size()) {
            throw Error(ErrorCode::CardRemoved, "fuzzing: the card has no more answers");
        }
        std::size_t length = m_responses[m_offset] << 8;
        if (m_offset + 1 < m_responses.size()) {
            length |= m_responses[m_offset + 1];
        }
        m_offset += 2;
        std::size_t start = std::min(m_offset, m_responses.size());
        std::size_t end = std::min(start + length, m_responses.size());
        m_offset = end;
        return Bytes(m_responses.begin() + static_cast<std::ptrdiff_t>(start),
                     m_responses.begin() + static_cast<std::ptrdiff_t>(end));
    }

    Bytes atr() const override { return hostileCardAtr(); }

    transport::ChannelCapabilities capabilities() const override {
        return hostileCardCapabilities(m_flags);
    }

private:
    ByteView m_responses;
    std::uint8_t m_flags;
    std::size_t m_offset = 0;
    std::size_t m_commands = 0;
};

} // namespace

Bytes hostileCardAtr() {
    return {0x3B, 0x80, 0x80, 0x01, 0x01};
}

transport::ChannelCapabilities hostileCardCapabilities(std::uint8_t flags) {
    transport::ChannelCapabilities out;
    if ((flags & HostileCardExtendedLength) != 0) {
        out.extendedLength = true;
        out.maxCommandDataSize = 65535;
        out.maxResponseDataSize = 65536;
    }
    return out;
}

reader::AccessKey hostileCardKey() {
    // Fixed, invented values: no real card's passwords.
    reader::AccessKey key = reader::AccessKey::fromCan("123456");
    key.mrz = mrz::MrzKey("T22000129", "640812", "101031");
    return key;
}

reader::ReadOptions hostileCardOptions(std::uint8_t flags) {
    reader::ReadOptions options;
    auto state = std::make_shared<std::uint32_t>(0x5EED);
    options.random = [state](std::size_t size) {
        Bytes out(size);
        for (std::uint8_t& b : out) {
            *state = *state * 1664525u + 1013904223u;
            b = static_cast<std::uint8_t>(*state >> 24);
        }
        return out;
    };
    options.extendedLength = (flags & HostileCardExtendedLength) != 0
                                 ? reader::ExtendedLengthMode::Always
                                 : reader::ExtendedLengthMode::Never;
    options.activeAuthenticationChallenge = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
    return options;
}

Bytes encodeHostileCardSession(std::uint8_t flags, const std::vector<Bytes>& responses) {
    Bytes out{flags};
    for (const Bytes& response : responses) {
        out.push_back(static_cast<std::uint8_t>(response.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(response.size()));
        append(out, response);
    }
    return out;
}

reader::Document readHostileCard(ByteView input) {
    if (input.empty()) {
        throw Error(ErrorCode::InvalidArgument, "fuzzing: no flag byte");
    }
    std::uint8_t flags = input[0];
    HostileCardChannel card(input.subspan(1), flags);
    reader::CardReadout readout =
        reader::readCard(card, hostileCardKey(), hostileCardOptions(flags));
    return reader::interpret(std::move(readout), defaultTrustStore());
}

int fuzzHostileCard(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        reader::Document document = readHostileCard(bytes);
        (void)document.verified();
        (void)document.chipVerdict();
        (void)document.paceInfoCheck();
        (void)document.portrait();
    });
}

} // namespace cccd::fuzz
