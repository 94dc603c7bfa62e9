#pragma once

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::sm {

/// A channel that protects every command and checks every response with ICAO 9303-11 §9.8
/// secure messaging over another channel. A response whose MAC fails throws
/// Error(SecureMessaging) and ends the session: the card's keys can no longer be trusted.
class SecureMessagingChannel : public transport::CardChannel {
public:
    SecureMessagingChannel(transport::CardChannel& inner, SessionKeys keys);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    /// The inner capabilities less the room DO87/DO97/DO8E/DO99 and padding take.
    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    /// The largest plaintext READ BINARY that keeps the protected response within Ne bytes.
    [[nodiscard]] std::size_t maxPlaintextResponse(std::size_t ne) const;

    [[nodiscard]] apdu::ResponseApdu send(const apdu::CommandApdu& command);

    /// Protect / unprotect one exchange; public so tests can replay worked examples.
    [[nodiscard]] apdu::CommandApdu protect(const apdu::CommandApdu& command);
    [[nodiscard]] apdu::ResponseApdu unprotect(const apdu::ResponseApdu& response);

    [[nodiscard]] const Bytes& ssc() const { return m_keys.ssc; }

private:
    void incrementSsc();
    [[nodiscard]] Bytes mac(ByteView data) const;
    [[nodiscard]] Bytes encrypt(ByteView plain) const;
    [[nodiscard]] Bytes decrypt(ByteView cipherText) const;
    [[nodiscard]] std::size_t blockSize() const;

    transport::CardChannel& m_inner;
    SessionKeys m_keys;
    bool m_broken = false;
};

} // namespace cccd::sm
