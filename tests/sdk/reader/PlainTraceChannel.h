#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/SecureBytes.h"
#include "transport/CardChannel.h"

namespace cccd::readertest {

/// One command/response pair as the plain commands looked before secure messaging wrapped them.
struct PlainExchange {
    bool secured = false;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;              ///< plain command data (DO87 decrypted)
    std::size_t ne = 0;      ///< from DO97 (or the plain Le); 0 without one
    bool extendedLe = false; ///< the Le (DO97 or plain) took two bytes
    bool extendedApdu = false;
    std::size_t responseSize = 0; ///< plain response data bytes (DO87 decrypted)
    std::uint16_t sw = 0;         ///< DO99 or the plain trailer

    [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(p1 << 8 | p2); }
};

/// The READ BINARY commands that followed one SELECT of an elementary file.
struct FileReads {
    std::uint16_t fid = 0;
    std::vector<PlainExchange> reads;
};

/// A test analyser between the reader and the card: it forwards every APDU unchanged and, since
/// it knows the MRZ information, learns the BAC session key from the EXTERNAL AUTHENTICATE
/// exchange (ICAO 9303-11 §4.3.4) and decrypts each protected command and response. Only 3DES
/// BAC sessions; no MAC checks (the reader under test does those).
class PlainTraceChannel : public transport::CardChannel {
public:
    PlainTraceChannel(transport::CardChannel& inner, const std::string& mrzInformation);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_capabilities.value_or(m_inner.capabilities());
    }

    /// Pretends the reader has other limits (e.g. announces extended length to a card without).
    void setCapabilities(transport::ChannelCapabilities caps) { m_capabilities = caps; }

    [[nodiscard]] const std::vector<PlainExchange>& exchanges() const { return m_exchanges; }

    /// READ BINARY commands grouped by the elementary file SELECTed before them.
    [[nodiscard]] std::vector<FileReads> fileReads() const;

private:
    void learnSessionKey(ByteView command, ByteView response);
    [[nodiscard]] Bytes decrypt(ByteView do87Value) const;
    void record(ByteView commandApdu, ByteView responseApdu);

    transport::CardChannel& m_inner;
    std::optional<transport::ChannelCapabilities> m_capabilities;
    SecureBytes m_bacKeyEnc;
    SecureBytes m_sessionKeyEnc;
    std::vector<PlainExchange> m_exchanges;
};

} // namespace cccd::readertest
