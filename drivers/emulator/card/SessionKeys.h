#pragma once

#include <array>
#include <cstdint>

#include "base/SecureBytes.h"

namespace cccd::emulator {

/// The secure messaging keys and send sequence counter that BAC leaves behind on the card
/// (ICAO 9303-11 §9.7.4 and §9.8.2).
struct SessionKeys {
    SecureBytes encryptionKey; ///< KS_enc, two-key 3DES
    SecureBytes macKey;        ///< KS_mac, two-key 3DES
    std::array<std::uint8_t, 8> ssc{};
};

} // namespace cccd::emulator
