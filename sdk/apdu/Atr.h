#pragma once

#include <optional>

#include "base/Bytes.h"

namespace cccd::apdu {

/// What an answer-to-reset says about the card, as far as the reader needs it.
struct AtrInfo {
    Bytes historicalBytes;
    /// From the card-capabilities object of the historical bytes (ISO/IEC 7816-4 §8.1.1.2.7,
    /// third software function table byte, bit b7); nullopt when the ATR does not say.
    std::optional<bool> extendedLength;
};

/// Parses an ATR (ISO/IEC 7816-3 §8.2) or the PC/SC pseudo-ATR of a contactless card.
/// Throws Error(MalformedData) when the interface bytes run past the end.
[[nodiscard]] AtrInfo parseAtr(ByteView atr);

} // namespace cccd::apdu
