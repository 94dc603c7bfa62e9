#pragma once

#include "base/Bytes.h"

namespace cccd::crypto {

/// ISO/IEC 9797-1 MAC algorithm 3 with DES (the "retail MAC"), 8-byte result, over data that
/// the caller has already padded (method 2) to a multiple of 8. Key: 16 bytes (Ka || Kb).
[[nodiscard]] Bytes retailMac(ByteView key, ByteView paddedData);

/// AES-CMAC (NIST SP 800-38B), full 16-byte result; ICAO SM truncates it to 8 bytes.
[[nodiscard]] Bytes aesCmac(ByteView key, ByteView data);

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1), 32-byte result: keyed hashes that must not be
/// reversible by trying every ID number (the kiosk's audit log).
[[nodiscard]] Bytes hmacSha256(ByteView key, ByteView data);

} // namespace cccd::crypto
