#pragma once

#include <cstddef>

#include "base/Bytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

// Conversions between big-endian octet strings and OpenSSL BIGNUMs, for the protocols that do
// their own modular arithmetic (PACE mappings, Chip Authentication). Failures of OpenSSL throw
// Error(Crypto).

[[nodiscard]] BnCtxPtr newBignumContext();

[[nodiscard]] BignumPtr newBignum();

/// OS2I of BSI TR-03111 §3.1.2: an unsigned big-endian integer (empty input is zero).
[[nodiscard]] BignumPtr bignumFromBytes(ByteView bytes);

/// As bignumFromBytes, in secure memory and flagged for constant-time use (private keys,
/// nonces).
[[nodiscard]] SecretBignumPtr secretBignumFromBytes(ByteView bytes);

/// I2OS / FE2OS of BSI TR-03111 §3.1.2-3.1.3: big-endian, left-padded with zeros to size
/// bytes. A value that needs more bytes throws Error(InvalidArgument).
[[nodiscard]] Bytes bignumToBytes(const BIGNUM* value, std::size_t size);

/// Big-endian in the fewest bytes, at least one (ICAO 9303-11 §9.4.1 unsigned integers).
[[nodiscard]] Bytes bignumToMinimalBytes(const BIGNUM* value);

/// Number of bytes of the big-endian encoding of value (at least one).
[[nodiscard]] std::size_t bignumByteSize(const BIGNUM* value);

} // namespace cccd::crypto
