#include "crypto/EvpDigest.h"

#include "base/Error.h"

namespace cccd::crypto {

const EVP_MD* evpDigest(HashAlgorithm algorithm) {
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return EVP_sha1();
    case HashAlgorithm::Sha224:
        return EVP_sha224();
    case HashAlgorithm::Sha256:
        return EVP_sha256();
    case HashAlgorithm::Sha384:
        return EVP_sha384();
    case HashAlgorithm::Sha512:
        return EVP_sha512();
    }
    throw Error(ErrorCode::InvalidArgument, "unknown hash algorithm");
}

} // namespace cccd::crypto
