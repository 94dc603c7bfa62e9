#include "crypto/Hash.h"

#include <string>

#include "base/Error.h"
#include "crypto/EvpDigest.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

Bytes digest(HashAlgorithm algorithm, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &size, evpDigest(algorithm), nullptr) !=
        1) {
        throwOpenSslFailure("digest");
    }
    out.resize(size);
    return out;
}

std::size_t digestSize(HashAlgorithm algorithm) {
    return static_cast<std::size_t>(EVP_MD_get_size(evpDigest(algorithm)));
}

std::string_view hashAlgorithmName(HashAlgorithm algorithm) {
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return "sha1";
    case HashAlgorithm::Sha224:
        return "sha224";
    case HashAlgorithm::Sha256:
        return "sha256";
    case HashAlgorithm::Sha384:
        return "sha384";
    case HashAlgorithm::Sha512:
        return "sha512";
    }
    return "unknown";
}

// OIDs: RFC 3279 §2.2.1 (SHA-1), RFC 5758 §2 / NIST CSOR (SHA-2 family).
std::optional<HashAlgorithm> hashAlgorithmFromOid(std::string_view oid) {
    if (oid == "1.3.14.3.2.26") {
        return HashAlgorithm::Sha1;
    }
    if (oid == "2.16.840.1.101.3.4.2.4") {
        return HashAlgorithm::Sha224;
    }
    if (oid == "2.16.840.1.101.3.4.2.1") {
        return HashAlgorithm::Sha256;
    }
    if (oid == "2.16.840.1.101.3.4.2.2") {
        return HashAlgorithm::Sha384;
    }
    if (oid == "2.16.840.1.101.3.4.2.3") {
        return HashAlgorithm::Sha512;
    }
    return std::nullopt;
}

} // namespace cccd::crypto
