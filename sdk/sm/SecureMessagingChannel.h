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

    [[nodiscard]] SmCipher cipher() const { return m_keys.cipher; }

    /// True once a failed check or a transport error has ended the session.
    [[nodiscard]] bool ended() const { return m_broken; }

    /// Continues on the same card with new keys, in place: after Chip Authentication both sides
    /// replace the BAC/PACE keys with KDF(K) keys and restart the counter at 0 (ICAO 9303-11
    /// §6.2). The cipher may change (AES PACE followed by 3DES Chip Authentication). A session
    /// that has ended stays ended: the card has dropped its keys too. Throws
    /// Error(InvalidArgument) when a key or the counter does not fit the cipher.
    void restart(SessionKeys keys);

    /// Ends the session on purpose (the chip failed to authenticate itself): every further
    /// command throws Error(SecureMessaging).
    void end() { m_broken = true; }

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
