#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/Bytes.h"

namespace cccd::emulator {

/// The data objects of MSE:Set AT and MSE:Set KAT that the card's protocols read (ISO/IEC
/// 7816-4 §11.5.11; ICAO 9303-11 §4.4.4.1 for PACE, §6.2 for Chip Authentication). Other
/// objects (a CHAT 7F4C, auxiliary data 67) are skipped.
struct SecurityEnvironment {
    std::optional<std::string> protocol;      ///< DO 80: cryptographic mechanism, dotted OID
    std::optional<Bytes> passwordReference;   ///< DO 83: PACE password (01 MRZ, 02 CAN)
    std::optional<Bytes> privateKeyReference; ///< DO 84: PACE domain parameters or CA key ID
    std::optional<Bytes> ephemeralPublicKey;  ///< DO 91: the terminal's key in MSE:Set KAT
};

/// nullopt when the data are not a sequence of BER-TLVs, a data object appears twice or DO 80
/// is not an OBJECT IDENTIFIER's contents.
[[nodiscard]] std::optional<SecurityEnvironment> parseSecurityEnvironment(ByteView data);

/// A DO 84 value as an unsigned big-endian number; nullopt when empty or longer than 8 bytes.
[[nodiscard]] std::optional<std::uint64_t> referenceNumber(ByteView value);

} // namespace cccd::emulator
