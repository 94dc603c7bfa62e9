#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "transport/CardChannel.h"

namespace cccd::readertest {

/// A reader on a T=0 link (ISO/IEC 7816-4 §5.3.4): every response longer than `chunk` data bytes
/// is handed out in pieces, each but the last ending 61XX, the rest fetched with GET RESPONSE.
/// The card never sees a GET RESPONSE (to the emulated card it would be a plain command, which
/// ends secure messaging).
class GetResponseChannel : public transport::CardChannel {
public:
    GetResponseChannel(transport::CardChannel& inner, std::size_t chunk)
        : m_inner(inner), m_chunk(chunk) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        if (commandApdu.size() >= 2 && commandApdu[1] == InsGetResponse && m_pending) {
            ++m_getResponses;
            return nextPiece();
        }
        Bytes response = m_inner.transmit(commandApdu);
        if (response.size() - 2 <= m_chunk) {
            return response;
        }
        m_pending = std::move(response);
        m_sent = 0;
        return nextPiece();
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_inner.capabilities();
    }

    [[nodiscard]] std::size_t getResponses() const { return m_getResponses; }

private:
    static constexpr std::uint8_t InsGetResponse = 0xC0;

    Bytes nextPiece() {
        std::size_t dataSize = m_pending->size() - 2;
        std::size_t take = std::min(m_chunk, dataSize - m_sent);
        auto first = m_pending->begin() + static_cast<std::ptrdiff_t>(m_sent);
        Bytes piece(first, first + static_cast<std::ptrdiff_t>(take));
        m_sent += take;
        std::size_t left = dataSize - m_sent;
        if (left == 0) {
            piece.insert(piece.end(), m_pending->end() - 2, m_pending->end());
            m_pending.reset();
            return piece;
        }
        piece.push_back(0x61);
        piece.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(left, 256) & 0xFF));
        return piece;
    }

    transport::CardChannel& m_inner;
    std::size_t m_chunk;
    std::optional<Bytes> m_pending;
    std::size_t m_sent = 0;
    std::size_t m_getResponses = 0;
};

/// A card that answers the first command with INS `ins` by a plain 6CXX, XX the length of the
/// response it holds (ISO/IEC 7816-4 §5.6): under secure messaging, the chip leaving the session.
class WrongLeOnceChannel : public transport::CardChannel {
public:
    WrongLeOnceChannel(transport::CardChannel& inner, std::uint8_t ins)
        : m_inner(inner), m_ins(ins) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        Bytes response = m_inner.transmit(commandApdu);
        std::size_t dataSize = response.size() - 2;
        if (m_answered || commandApdu[1] != m_ins || dataSize == 0 || dataSize > 255) {
            return response;
        }
        m_answered = true;
        return {0x6C, static_cast<std::uint8_t>(dataSize)};
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_inner.capabilities();
    }

    [[nodiscard]] bool answered() const { return m_answered; }

private:
    transport::CardChannel& m_inner;
    std::uint8_t m_ins;
    bool m_answered = false;
};

} // namespace cccd::readertest
