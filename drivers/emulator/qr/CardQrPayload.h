#pragma once

#include <string>
#include <string_view>

#include "emulator/profilegen/Persona.h"

namespace cccd::emulator {

/// The two layouts of the card's QR text (cccd.md §4.1, §4.2).
enum class CardQrLayout {
    Cccd2021,    ///< 7 fields, on the front of the 2021 CCCD
    CanCuoc2024, ///< the same 7 and 4 empty ones (`||||`), on the back of the 2024 card
};

/// "2021" or "2024", as in the photo manifest.
[[nodiscard]] std::string_view cardQrLayoutName(CardQrLayout layout);

/// The text a card of the persona carries in its QR, written from cccd.md §4 on its own (not with
/// the SDK's parser, so that a mistake in one is not mirrored in the other):
/// `id|oldId|name|ddmmyyyy|Nam/Nữ|residence|ddmmyyyy`, the old ID empty when the card has none.
/// Invented personal data: never log it.
[[nodiscard]] std::string cardQrPayload(const Persona& persona, CardQrLayout layout);

} // namespace cccd::emulator
