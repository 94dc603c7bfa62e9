#include "emulator/card/Bignum.h"

#include <limits>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

int intSize(std::size_t size) {
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw Error(ErrorCode::InvalidArgument, "integer too long");
    }
    return static_cast<int>(size);
}

} // namespace

crypto::BignumPtr toBignum(ByteView bytes) {
    crypto::BignumPtr value(BN_bin2bn(bytes.data(), intSize(bytes.size()), nullptr));
    if (!value) {
        crypto::throwOpenSslFailure("BN_bin2bn");
    }
    return value;
}

crypto::SecretBignumPtr toSecretBignum(ByteView bytes) {
    crypto::SecretBignumPtr value(BN_secure_new());
    if (!value || BN_bin2bn(bytes.data(), intSize(bytes.size()), value.get()) == nullptr) {
        crypto::throwOpenSslFailure("BN_bin2bn");
    }
    BN_set_flags(value.get(), BN_FLG_CONSTTIME);
    return value;
}

crypto::BignumPtr newBignum() {
    crypto::BignumPtr value(BN_new());
    if (!value) {
        crypto::throwOpenSslFailure("BN_new");
    }
    return value;
}

Bytes toBytes(const BIGNUM* value, std::size_t size) {
    Bytes out(size);
    if (BN_bn2binpad(value, out.data(), intSize(size)) < 0) {
        crypto::throwOpenSslFailure("BN_bn2binpad");
    }
    return out;
}

SecureBytes toSecureBytes(const BIGNUM* value, std::size_t size) {
    return SecureBytes(toBytes(value, size));
}

std::size_t byteLength(const BIGNUM* value) {
    return static_cast<std::size_t>(BN_num_bytes(value));
}

SecureBytes divideModulo(ByteView a, ByteView b, ByteView modulus) {
    crypto::BnCtxPtr context(BN_CTX_new());
    crypto::SecretBignumPtr dividend = toSecretBignum(a);
    crypto::SecretBignumPtr divisor = toSecretBignum(b);
    crypto::BignumPtr n = toBignum(modulus);
    crypto::SecretBignumPtr inverse(BN_secure_new());
    crypto::SecretBignumPtr quotient(BN_secure_new());
    if (!context || !inverse || !quotient ||
        BN_mod_inverse(inverse.get(), divisor.get(), n.get(), context.get()) == nullptr ||
        BN_mod_mul(quotient.get(), dividend.get(), inverse.get(), n.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("modular division");
    }
    return toSecureBytes(quotient.get(), byteLength(n.get()));
}

} // namespace cccd::emulator
