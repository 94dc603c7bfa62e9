#include "crypto/EcdhKeyAgreement.h"

#include <limits>

#include <openssl/obj_mac.h>

#include "base/Error.h"

namespace cccd::crypto {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2

BnCtxPtr newContext() {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) {
        throwOpenSslFailure("ECDH: BN_CTX_new");
    }
    return ctx;
}

SecretBignumPtr secretScalar(ByteView bytes) {
    SecretBignumPtr k(BN_secure_new());
    if (!k || BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), k.get()) == nullptr) {
        throwOpenSslFailure("ECDH: scalar");
    }
    BN_set_flags(k.get(), BN_FLG_CONSTTIME);
    return k;
}

[[noreturn]] void badPoint() {
    clearOpenSslErrors();
    throw Error(ErrorCode::MalformedData, "ECDH: the public key is not a point of the curve");
}

} // namespace

std::unique_ptr<EcdhKeyAgreement> EcdhKeyAgreement::fromParameters(ByteView ecParameters) {
    if (ecParameters.empty() ||
        ecParameters.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
        throw Error(ErrorCode::MalformedData, "ECDH: no domain parameters");
    }
    const unsigned char* cursor = ecParameters.data();
    EcGroupPtr group(d2i_ECPKParameters(nullptr, &cursor, static_cast<long>(ecParameters.size())));
    if (!group) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "ECDH: domain parameters do not parse");
    }
    if (EC_GROUP_get_field_type(group.get()) != NID_X9_62_prime_field) {
        throw Error(ErrorCode::NotSupported, "ECDH: only curves over prime fields are supported");
    }
    const BIGNUM* cofactor = EC_GROUP_get0_cofactor(group.get());
    if (cofactor == nullptr || BN_is_one(cofactor) != 1) {
        throw Error(ErrorCode::NotSupported, "ECDH: only curves with cofactor 1 are supported");
    }
    BnCtxPtr ctx = newContext();
    if (EC_GROUP_check(group.get(), ctx.get()) != 1) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "ECDH: the domain parameters are not a valid curve");
    }
    return std::unique_ptr<EcdhKeyAgreement>(new EcdhKeyAgreement(std::move(group)));
}

std::size_t EcdhKeyAgreement::fieldSize() const {
    return static_cast<std::size_t>((EC_GROUP_get_degree(m_group.get()) + 7) / 8);
}

KeyAgreementKeyPair EcdhKeyAgreement::generateKeyPair(const RandomSource& random) const {
    const BIGNUM* order = EC_GROUP_get0_order(m_group.get());
    auto size = static_cast<std::size_t>(BN_num_bytes(order));
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        SecretBignumPtr k = secretScalar(candidate);
        if (BN_is_zero(k.get()) || BN_cmp(k.get(), order) >= 0) {
            continue;
        }
        Bytes publicKey = publicKeyOf(candidate);
        return {std::move(candidate), std::move(publicKey)};
    }
    throw Error(ErrorCode::Crypto, "ECDH: the random source gave no usable private key");
}

Bytes EcdhKeyAgreement::publicKeyOf(ByteView privateKey) const {
    EcPointPtr point = multiply(privateKey, EC_GROUP_get0_generator(m_group.get()));
    return encodePoint(point.get());
}

void EcdhKeyAgreement::checkPeerKey(ByteView peerPublicKey) const {
    (void)decodePoint(peerPublicKey);
}

SecureBytes EcdhKeyAgreement::sharedSecret(ByteView privateKey, ByteView peerPublicKey) const {
    EcPointPtr peer = decodePoint(peerPublicKey);
    EcPointPtr product = multiply(privateKey, peer.get());
    return SecureBytes(xCoordinate(product.get()));
}

Bytes EcdhKeyAgreement::compress(ByteView publicKey) const {
    EcPointPtr point = decodePoint(publicKey);
    return xCoordinate(point.get());
}

// SEC 1 §2.3.4: uncompressed (04), compressed (02/03) or hybrid (06/07) encodings; the point at
// infinity and points off the curve are refused. With cofactor 1 every curve point has order n.
EcPointPtr EcdhKeyAgreement::decodePoint(ByteView encoded) const {
    if (encoded.empty() || encoded[0] == 0x00) {
        badPoint();
    }
    BnCtxPtr ctx = newContext();
    EcPointPtr point(EC_POINT_new(m_group.get()));
    if (!point) {
        throwOpenSslFailure("ECDH: EC_POINT_new");
    }
    if (EC_POINT_oct2point(m_group.get(), point.get(), encoded.data(), encoded.size(), ctx.get()) !=
            1 ||
        EC_POINT_is_on_curve(m_group.get(), point.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(m_group.get(), point.get()) == 1) {
        badPoint();
    }
    return point;
}

EcPointPtr EcdhKeyAgreement::multiply(ByteView scalar, const EC_POINT* point) const {
    SecretBignumPtr k = secretScalar(scalar);
    BnCtxPtr ctx = newContext();
    EcPointPtr product(EC_POINT_new(m_group.get()));
    if (!product ||
        EC_POINT_mul(m_group.get(), product.get(), nullptr, point, k.get(), ctx.get()) != 1) {
        throwOpenSslFailure("ECDH: point multiplication");
    }
    if (EC_POINT_is_at_infinity(m_group.get(), product.get()) == 1) {
        throw Error(ErrorCode::MalformedData, "ECDH: a point multiplication gave infinity");
    }
    return product;
}

Bytes EcdhKeyAgreement::encodePoint(const EC_POINT* point) const {
    BnCtxPtr ctx = newContext();
    std::size_t size = EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                          nullptr, 0, ctx.get());
    Bytes out(size, 0);
    if (size == 0 || EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                        out.data(), out.size(), ctx.get()) != size) {
        throwOpenSslFailure("ECDH: encoding a point");
    }
    return out;
}

Bytes EcdhKeyAgreement::xCoordinate(const EC_POINT* point) const {
    BnCtxPtr ctx = newContext();
    SecretBignumPtr x(BN_secure_new());
    if (!x ||
        EC_POINT_get_affine_coordinates(m_group.get(), point, x.get(), nullptr, ctx.get()) != 1) {
        throwOpenSslFailure("ECDH: x-coordinate");
    }
    Bytes out(fieldSize(), 0);
    if (BN_bn2binpad(x.get(), out.data(), static_cast<int>(out.size())) < 0) {
        throwOpenSslFailure("ECDH: x-coordinate");
    }
    return out;
}

} // namespace cccd::crypto
