#include "emulator/card/PaceGroup.h"

#include <openssl/obj_mac.h>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "emulator/card/Bignum.h"
#include "emulator/card/PaceDhGroup.h"
#include "emulator/card/PaceEcGroup.h"

namespace cccd::emulator {

namespace {

// A private key drawn this many times out of range means the random source is broken.
constexpr int MaxDraws = 64;

} // namespace

std::unique_ptr<PaceGroup> PaceGroup::standardized(std::uint64_t parameterId) {
    // ICAO 9303-11 §9.5.1, table of standardized domain parameters.
    switch (parameterId) {
    case 0:
        return std::make_unique<PaceDhGroup>("dh_1024_160"); // RFC 5114 §2.1
    case 1:
        return std::make_unique<PaceDhGroup>("dh_2048_224"); // RFC 5114 §2.2
    case 2:
        return std::make_unique<PaceDhGroup>("dh_2048_256"); // RFC 5114 §2.3
    case 8:
        return std::make_unique<PaceEcGroup>(NID_X9_62_prime192v1); // NIST P-192
    case 9:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP192r1);
    case 10:
        return std::make_unique<PaceEcGroup>(NID_secp224r1); // NIST P-224
    case 11:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP224r1);
    case 12:
        return std::make_unique<PaceEcGroup>(NID_X9_62_prime256v1); // NIST P-256
    case 13:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP256r1);
    case 14:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP320r1);
    case 15:
        return std::make_unique<PaceEcGroup>(NID_secp384r1); // NIST P-384
    case 16:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP384r1);
    case 17:
        return std::make_unique<PaceEcGroup>(NID_brainpoolP512r1);
    case 18:
        return std::make_unique<PaceEcGroup>(NID_secp521r1); // NIST P-521
    default:
        return nullptr;
    }
}

SecureBytes PaceGroup::generatePrivateKey(const crypto::RandomSource& random) const {
    Bytes orderBytes = order();
    crypto::BignumPtr n = crypto::bignumFromBytes(orderBytes);
    int excessBits = static_cast<int>(orderBytes.size() * 8) - BN_num_bits(n.get());
    auto topMask = static_cast<std::uint8_t>(0xFF >> excessBits);
    for (int draw = 0; draw < MaxDraws; ++draw) {
        SecureBytes candidate(random(orderBytes.size()));
        if (candidate.size() != orderBytes.size()) {
            break;
        }
        candidate[0] = static_cast<std::uint8_t>(candidate[0] & topMask);
        crypto::SecretBignumPtr k = crypto::secretBignumFromBytes(candidate);
        if (BN_is_zero(k.get()) != 1 && BN_cmp(k.get(), n.get()) < 0) {
            return candidate;
        }
    }
    throw Error(ErrorCode::Crypto, "PACE: the random source gives no private key in range");
}

} // namespace cccd::emulator
