#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "base/SecureBytes.h"

namespace cccd::crypto {

enum class KeyType { Tdes, Aes128, Aes192, Aes256 };

/// ICAO 9303-11 §9.7.1 key derivation: Hash(K || c), SHA-1 for 3DES and AES-128, SHA-256 for
/// AES-192/256; 3DES keys get DES parity adjusted.
enum class KdfCounter : std::uint32_t { Enc = 1, Mac = 2, Pace = 3 };

[[nodiscard]] SecureBytes deriveKey(ByteView sharedSecret, KdfCounter counter, KeyType type);

/// Sets odd parity in each byte (DES key parity, FIPS 46-3).
[[nodiscard]] Bytes adjustDesParity(ByteView key);

} // namespace cccd::crypto
