#pragma once

#include "base/Bytes.h"

namespace cccd::crypto {

/// RSAVP1 (RFC 8017 §5.2.2): s^e mod n, written in as many bytes as the modulus. For signature
/// schemes with message recovery (ISO/IEC 9796-2), which OpenSSL's EVP does not offer. Throws
/// Error(InvalidArgument) when the modulus is even or empty, or s is not below it.
[[nodiscard]] Bytes rsaPublicOperation(ByteView modulus, ByteView publicExponent,
                                       ByteView signature);

} // namespace cccd::crypto
