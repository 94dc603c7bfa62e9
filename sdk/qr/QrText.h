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

/// Text for comparing two renderings of one name or place: NFC, case-folded, runs of white
/// space as one space, trimmed. "NGUYỄN  Văn An" and "Nguyễn Văn An" compare equal.
[[nodiscard]] std::string comparableText(std::string_view utf8);

/// A name as ICAO 9303-3 §6 writes it in the MRZ: diacritics dropped (Đ/đ becomes D), upper
/// case, anything but A-Z as one space, trimmed. "Nguyễn Văn An" becomes "NGUYEN VAN AN".
[[nodiscard]] std::string mrzTransliteration(std::string_view utf8);

/// A key for searching by what people type: diacritics dropped, lower case, letters and
/// digits, one space between words. "Thường trú CT01" becomes "thuong tru ct01".
[[nodiscard]] std::string searchKey(std::string_view utf8);

} // namespace cccd::qr
