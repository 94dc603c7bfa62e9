#pragma once

#include <openssl/evp.h>

#include "crypto/Hash.h"

namespace cccd::crypto {

/// OpenSSL's message digest for a hash algorithm, for the crypto layer's own OpenSSL calls.
/// Throws Error(InvalidArgument) for a value outside the enumeration.
[[nodiscard]] const EVP_MD* evpDigest(HashAlgorithm algorithm);

} // namespace cccd::crypto
