#include "emulator/card/Bignum.h"

#include "crypto/Bignum.h"

namespace cccd::emulator {

SecureBytes toSecureBytes(const BIGNUM* value, std::size_t size) {
    return SecureBytes(crypto::bignumToBytes(value, size));
}

SecureBytes divideModulo(ByteView a, ByteView b, ByteView modulus) {
    crypto::BnCtxPtr context = crypto::newBignumContext();
    crypto::SecretBignumPtr dividend = crypto::secretBignumFromBytes(a);
    crypto::SecretBignumPtr divisor = crypto::secretBignumFromBytes(b);
    crypto::BignumPtr n = crypto::bignumFromBytes(modulus);
    crypto::SecretBignumPtr inverse(BN_secure_new());
    crypto::SecretBignumPtr quotient(BN_secure_new());
    if (!inverse || !quotient ||
        BN_mod_inverse(inverse.get(), divisor.get(), n.get(), context.get()) == nullptr ||
        BN_mod_mul(quotient.get(), dividend.get(), inverse.get(), n.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("modular division");
    }
    return toSecureBytes(quotient.get(), crypto::bignumByteSize(n.get()));
}

} // namespace cccd::emulator
