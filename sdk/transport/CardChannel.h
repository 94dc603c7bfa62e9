#pragma once

#include <atomic>
#include <cstddef>
#include <string>

#include "base/Bytes.h"

namespace cccd::transport {

/// What the reader and card accept. Short APDUs carry at most 255 command bytes and 256
/// response bytes (ISO/IEC 7816-4 §5.1); extended ones up to 65,535 / 65,536.
struct ChannelCapabilities {
    bool extendedLength = false;
    std::size_t maxCommandDataSize = 255;
    std::size_t maxResponseDataSize = 256;
    /// What one short APDU (Le = 00) returns; less than 256 under secure messaging.
    std::size_t maxShortResponseDataSize = 256;
};

/// A link to one card: raw command APDU in, raw response APDU (data || SW1 SW2) out.
/// Implementations live in drivers/ (PC/SC, the emulated card) or wrap another channel
/// (secure messaging). Errors are thrown as cccd::Error with a transport-level code.
class CardChannel {
public:
    virtual ~CardChannel() = default;

    [[nodiscard]] virtual Bytes transmit(ByteView commandApdu) = 0;

    /// Answer-to-reset (or the PC/SC pseudo-ATR of a contactless card).
    [[nodiscard]] virtual Bytes atr() const = 0;

    [[nodiscard]] virtual ChannelCapabilities capabilities() const = 0;

    /// The reader's name (PC/SC reader name), e.g. to tell readers apart in a capability cache;
    /// empty when the link has none.
    [[nodiscard]] virtual std::string readerName() const { return {}; }

    /// From now on transmit throws Error(Cancelled) once `*flag` is set from another thread:
    /// before an APDU goes out, and where the link allows also while one is on its way (the
    /// implementation says how). nullptr stops watching. The flag must outlive the watch.
    virtual void watchCancel(const std::atomic<bool>* /*flag*/) {}
};

} // namespace cccd::transport
