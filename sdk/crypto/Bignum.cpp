#include "crypto/Bignum.h"

#include "base/Error.h"

namespace cccd::crypto {

BnCtxPtr newBignumContext() {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) {
        throwOpenSslFailure("BN_CTX_new");
    }
    return ctx;
}

BignumPtr newBignum() {
    BignumPtr value(BN_new());
    if (!value) {
        throwOpenSslFailure("BN_new");
    }
    return value;
}

BignumPtr bignumFromBytes(ByteView bytes) {
    BignumPtr value(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!value) {
        throwOpenSslFailure("BN_bin2bn");
    }
    return value;
}

SecretBignumPtr secretBignumFromBytes(ByteView bytes) {
    SecretBignumPtr value(BN_secure_new());
    if (!value || BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), value.get()) == nullptr) {
        throwOpenSslFailure("BN_bin2bn");
    }
    BN_set_flags(value.get(), BN_FLG_CONSTTIME);
    return value;
}

Bytes bignumToBytes(const BIGNUM* value, std::size_t size) {
    if (static_cast<std::size_t>(BN_num_bytes(value)) > size) {
        throw Error(ErrorCode::InvalidArgument, "integer longer than its encoding");
    }
    Bytes out(size, 0);
    if (BN_bn2binpad(value, out.data(), static_cast<int>(out.size())) < 0) {
        throwOpenSslFailure("BN_bn2binpad");
    }
    return out;
}

Bytes bignumToMinimalBytes(const BIGNUM* value) {
    return bignumToBytes(value, bignumByteSize(value));
}

std::size_t bignumByteSize(const BIGNUM* value) {
    auto size = static_cast<std::size_t>(BN_num_bytes(value));
    return size == 0 ? 1 : size;
}

} // namespace cccd::crypto
