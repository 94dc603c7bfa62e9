#pragma once

// Channels between the reader and the emulated card that give it the behaviour of the chips and
// readers in the field cases, and record what the reader sent.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "apdu/CommandApdu.h"
#include "base/Error.h"
#include "transport/CardChannel.h"

namespace cccd::fieldcase {

constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsGetChallenge = 0x84;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t SecureMessagingCla = 0x0C;

/// Forwards every command, keeps every command and response, and lets `answer` stand in for
/// the card on the commands it chooses (nullopt: the card answers).
class Interposer : public transport::CardChannel {
public:
    using Answer = std::function<std::optional<Bytes>(const apdu::CommandApdu& command)>;

    explicit Interposer(transport::CardChannel& inner, Answer answer = {})
        : m_inner(inner), m_answer(std::move(answer)) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        m_commands.emplace_back(commandApdu.begin(), commandApdu.end());
        std::optional<Bytes> answer;
        if (m_answer) {
            answer = m_answer(apdu::CommandApdu::decode(commandApdu));
        }
        Bytes response = answer ? *answer : m_inner.transmit(commandApdu);
        m_responses.push_back(response);
        return response;
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_inner.capabilities();
    }

    [[nodiscard]] const std::vector<Bytes>& commands() const { return m_commands; }

    [[nodiscard]] const std::vector<Bytes>& responses() const { return m_responses; }

    /// The commands sent without secure messaging with this INS, decoded, in order.
    [[nodiscard]] std::vector<apdu::CommandApdu> plain(std::uint8_t ins) const {
        std::vector<apdu::CommandApdu> out;
        for (const Bytes& raw : m_commands) {
            apdu::CommandApdu command = apdu::CommandApdu::decode(raw);
            if ((command.cla & SecureMessagingCla) == 0 && command.ins == ins) {
                out.push_back(std::move(command));
            }
        }
        return out;
    }

private:
    transport::CardChannel& m_inner;
    Answer m_answer;
    std::vector<Bytes> m_commands;
    std::vector<Bytes> m_responses;
};

/// A PC/SC reader that exchanges short APDUs only (ISO/IEC 7816-4 §5.1), and says so: an
/// extended command or a response over 256 + 2 bytes fails as such a reader fails it, with a
/// transport error (PC/SC SCARD_E_INSUFFICIENT_BUFFER or a silent drop).
class ShortApduReader : public transport::CardChannel {
public:
    explicit ShortApduReader(transport::CardChannel& inner) : m_inner(inner) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        if (apdu::CommandApdu::decode(commandApdu).isExtended()) {
            ++m_refused;
            throw Error(ErrorCode::Transport, "reader: extended-length command");
        }
        Bytes response = m_inner.transmit(commandApdu);
        m_largestResponse = std::max(m_largestResponse, response.size());
        if (response.size() > apdu::ShortNeMax + 2) {
            ++m_refused;
            throw Error(ErrorCode::Transport, "reader: response longer than a short APDU");
        }
        return response;
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override { return {}; }

    [[nodiscard]] std::size_t refused() const { return m_refused; }

    [[nodiscard]] std::size_t largestResponse() const { return m_largestResponse; }

private:
    transport::CardChannel& m_inner;
    std::size_t m_refused = 0;
    std::size_t m_largestResponse = 0;
};

} // namespace cccd::fieldcase
