#pragma once

#include <cstddef>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::emulator {

// What the card's PACE arithmetic needs beyond the conversions of crypto/Bignum.h. Failures of
// OpenSSL throw Error(Crypto).

/// The value padded on the left to size bytes, in wiped memory (private keys, CA_IC).
[[nodiscard]] SecureBytes toSecureBytes(const BIGNUM* value, std::size_t size);

/// a * b^-1 mod modulus (ICAO 9303-11 §4.4, Chip Authentication Mapping), padded to
/// the length of the modulus. Throws Error(Crypto) when b has no inverse.
[[nodiscard]] SecureBytes divideModulo(ByteView a, ByteView b, ByteView modulus);

} // namespace cccd::emulator
