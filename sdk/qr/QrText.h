#pragma once

#include <string>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::qr {

/// The QR's bytes as text. The card's payload is UTF-8 whether or not the symbol carries an ECI
/// (cccd.md §4.3), so the bytes are never run through a charset guess, which turns Vietnamese
/// into Big5 or Shift_JIS (field cases BL-08, BL-09). Invalid UTF-8 throws
/// Error(MalformedData); valid text comes back in Unicode NFC.
[[nodiscard]] std::string decodeQrText(ByteView raw);

/// The same for text that is already a std::string of UTF-8 (a keyboard-wedge scanner's input).
[[nodiscard]] std::string decodeQrText(std::string_view utf8);

/// NFC (Unicode Standard Annex #15) of valid UTF-8: "Nữ" typed as n + u-horn + combining tilde
/// becomes the precomposed form the card prints. Throws Error(MalformedData) on invalid UTF-8.
[[nodiscard]] std::string normalizeNfc(std::string_view utf8);

} // namespace cccd::qr
