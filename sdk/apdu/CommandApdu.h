#pragma once

#include <cstddef>
#include <cstdint>

#include "base/Bytes.h"

namespace cccd::apdu {

/// Maximum Ne of a short APDU (Le = 00) and of an extended one (Le = 0000), ISO/IEC 7816-4 §5.1.
constexpr std::size_t ShortNeMax = 256;
constexpr std::size_t ExtendedNeMax = 65536;
constexpr std::size_t ShortNcMax = 255;

/// A command APDU: header, command data and Ne, the number of response bytes expected (0 for
/// no Le field). Encoding picks the short form when Nc and Ne allow it, unless forced extended.
struct CommandApdu {
    std::uint8_t cla = 0x00;
    std::uint8_t ins = 0x00;
    std::uint8_t p1 = 0x00;
    std::uint8_t p2 = 0x00;
    Bytes data;
    std::size_t ne = 0;
    bool forceExtended = false;

    [[nodiscard]] bool isExtended() const;

    /// ISO/IEC 7816-4 §5.1 cases 1-4, short or extended.
    [[nodiscard]] Bytes encode() const;

    /// Parses any of the eight encodings; throws Error(MalformedData).
    [[nodiscard]] static CommandApdu decode(ByteView bytes);
};

} // namespace cccd::apdu
