#pragma once

#include <cstddef>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::emulator {

// Big-endian unsigned integers between byte strings and OpenSSL, for the card's PACE arithmetic.
// Failures of OpenSSL throw Error(Crypto).

[[nodiscard]] crypto::BignumPtr toBignum(ByteView bytes);

/// For private keys and nonces: freed with BN_clear_free.
[[nodiscard]] crypto::SecretBignumPtr toSecretBignum(ByteView bytes);

[[nodiscard]] crypto::BignumPtr newBignum();

/// The value padded on the left to size bytes; throws Error(Crypto) when it does not fit.
[[nodiscard]] Bytes toBytes(const BIGNUM* value, std::size_t size);

[[nodiscard]] SecureBytes toSecureBytes(const BIGNUM* value, std::size_t size);

[[nodiscard]] std::size_t byteLength(const BIGNUM* value);

/// a * b^-1 mod modulus (ICAO 9303-11 §4.4, Chip Authentication Mapping), padded to
/// the length of the modulus. Throws Error(Crypto) when b has no inverse.
[[nodiscard]] SecureBytes divideModulo(ByteView a, ByteView b, ByteView modulus);

} // namespace cccd::emulator
