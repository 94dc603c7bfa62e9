#include "crypto/RsaPublicOperation.h"

#include "base/Error.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

namespace {

BignumPtr bignum(ByteView bytes) {
    BignumPtr n(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!n) {
        throwOpenSslFailure("RSA: number");
    }
    return n;
}

} // namespace

Bytes rsaPublicOperation(ByteView modulus, ByteView publicExponent, ByteView signature) {
    BignumPtr n = bignum(modulus);
    BignumPtr e = bignum(publicExponent);
    BignumPtr s = bignum(signature);
    if (BN_is_odd(n.get()) != 1 || BN_is_zero(e.get()) == 1) {
        throw Error(ErrorCode::InvalidArgument, "RSA: unusable public key");
    }
    if (BN_cmp(s.get(), n.get()) >= 0) {
        throw Error(ErrorCode::InvalidArgument, "RSA: the signature is not below the modulus");
    }
    BnCtxPtr ctx(BN_CTX_new());
    BignumPtr m(BN_new());
    if (!ctx || !m || BN_mod_exp(m.get(), s.get(), e.get(), n.get(), ctx.get()) != 1) {
        throwOpenSslFailure("RSA: public operation");
    }
    Bytes out(static_cast<std::size_t>(BN_num_bytes(n.get())), 0);
    if (BN_bn2binpad(m.get(), out.data(), static_cast<int>(out.size())) < 0) {
        throwOpenSslFailure("RSA: encoding");
    }
    return out;
}

} // namespace cccd::crypto
