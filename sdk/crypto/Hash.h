#pragma once

#include <optional>
#include <string_view>

#include "base/Bytes.h"

namespace cccd::crypto {

enum class HashAlgorithm { Sha1, Sha224, Sha256, Sha384, Sha512 };

[[nodiscard]] Bytes digest(HashAlgorithm algorithm, ByteView data);

[[nodiscard]] inline Bytes sha1(ByteView data) {
    return digest(HashAlgorithm::Sha1, data);
}

[[nodiscard]] inline Bytes sha256(ByteView data) {
    return digest(HashAlgorithm::Sha256, data);
}

[[nodiscard]] std::size_t digestSize(HashAlgorithm algorithm);

/// "sha256", ... as used in JSON output.
[[nodiscard]] std::string_view hashAlgorithmName(HashAlgorithm algorithm);

/// From a dotted OID (e.g. "2.16.840.1.101.3.4.2.1"); nullopt when unknown.
[[nodiscard]] std::optional<HashAlgorithm> hashAlgorithmFromOid(std::string_view oid);

} // namespace cccd::crypto
