#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/Bytes.h"

namespace cccd::emulator {

/// A command APDU as the card receives it (ISO/IEC 7816-4 §5.1). Ne is the number of response
/// bytes the terminal accepts: Le 00 means 256 in short form and 0000 means 65,536 in extended
/// form.
struct CommandApdu {
    std::uint8_t cla = 0;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;
    std::optional<std::size_t> ne;
    bool extended = false; ///< Lc or Le was coded in extended form
};

/// Decodes the four cases of ISO/IEC 7816-4 §5.1 in short and extended form; nullopt when the
/// length bytes do not match the APDU's size (the card answers 6700).
[[nodiscard]] std::optional<CommandApdu> parseCommandApdu(ByteView raw);

/// A response APDU: data then SW1 SW2.
[[nodiscard]] Bytes responseApdu(ByteView data, std::uint16_t statusWord);

} // namespace cccd::emulator
