#pragma once

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::sm {

/// The largest plaintext Ne (the Le of DO97) whose protected response still fits a response APDU
/// of `maxResponseSize` bytes, status word included: DO87 (tag, length, padding-content
/// indicator and the cryptogram of the data padded to whole blocks, at least one padding byte),
/// DO99 (4 bytes), DO8E (10 bytes) and SW1 SW2 (ICAO 9303-11 §9.8.4-9.8.6). With 3DES a short
/// response (256 + 2 bytes) holds 231 plaintext bytes, with AES 223; an extended one (65,536 + 2)
/// 65,511 and 65,503. 0 when not even one block fits.
[[nodiscard]] std::size_t largestProtectedLe(SmCipher cipher, std::size_t maxResponseSize);

/// A channel that protects every command and checks every response with ICAO 9303-11 §9.8
/// secure messaging over another channel. A response whose MAC fails throws
/// Error(SecureMessaging) and ends the session: the card's keys can no longer be trusted.
class SecureMessagingChannel : public transport::CardChannel {
public:
    /// keys without KS_enc: a chip without access control, whose commands pass in plain until
    /// restart() brings keys (Chip Authentication on such a chip).
    SecureMessagingChannel(transport::CardChannel& inner, SessionKeys keys);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] std::string readerName() const override { return m_inner.readerName(); }

    void watchCancel(const std::atomic<bool>* flag) override { m_inner.watchCancel(flag); }

    /// The inner capabilities less the room DO87/DO97/DO8E/DO99 and padding take.
    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    /// The largest plaintext READ BINARY that keeps the protected response within Ne data bytes
    /// (largestProtectedLe without the status word).
    [[nodiscard]] std::size_t maxPlaintextResponse(std::size_t ne) const;

    [[nodiscard]] apdu::ResponseApdu send(const apdu::CommandApdu& command);

    /// Protect / unprotect one exchange; public so tests can replay worked examples.
    [[nodiscard]] apdu::CommandApdu protect(const apdu::CommandApdu& command);
    [[nodiscard]] apdu::ResponseApdu unprotect(const apdu::ResponseApdu& response);

    [[nodiscard]] const Bytes& ssc() const { return m_keys.ssc; }

    [[nodiscard]] SmCipher cipher() const { return m_keys.cipher; }

    /// True once a failed check or a transport error has ended the session.
    [[nodiscard]] bool ended() const { return m_broken; }

    /// False while commands pass in plain (no keys yet).
    [[nodiscard]] bool protecting() const { return !m_keys.ksEnc.empty(); }

    /// Continues on the same card with new keys, in place: after Chip Authentication both sides
    /// replace the BAC/PACE keys with KDF(K) keys and restart the counter at 0 (ICAO 9303-11
    /// §6.2). The cipher may change (AES PACE followed by 3DES Chip Authentication). A session
    /// that has ended stays ended: the card has dropped its keys too. Throws
    /// Error(InvalidArgument) when a key or the counter does not fit the cipher.
    void restart(SessionKeys keys);

    /// Continues with the keys of a new BAC or PACE run after the card dropped the session (an
    /// ended session included): both sides start afresh, nothing of the old session is kept.
    /// Throws Error(InvalidArgument) when a key or the counter does not fit the cipher.
    void resume(SessionKeys keys);

    /// True when the card answered the last command unprotected (a bare status word). Cards may
    /// do so for errors; some leave secure messaging when they do (ICAO 9303-11 §9.8.5).
    [[nodiscard]] bool lastResponsePlain() const { return m_lastResponsePlain; }

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
    bool m_lastResponsePlain = false;
};

} // namespace cccd::sm
