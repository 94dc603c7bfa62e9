#pragma once

#include "base/Bytes.h"
#include "crypto/PublicKey.h"
#include "crypto/SignatureAlgorithm.h"

namespace cccd::crypto {

/// Verifies a signature over message (the hash is computed here) with EVP directly, so keys with
/// explicit EC parameters are accepted. Returns false when the signature does not verify, is
/// badly encoded, or does not suit the key (type, digest or RSA-PSS parameters the key refuses);
/// throws Error(Crypto) only when OpenSSL cannot allocate the operation.
[[nodiscard]] bool verifySignature(const PublicKey& key, const SignatureAlgorithm& algorithm,
                                   ByteView message, ByteView signature);

} // namespace cccd::crypto
