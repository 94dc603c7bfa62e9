#include "access/PaceEcdh.h"

#include <array>
#include <utility>

#include <openssl/obj_mac.h>

#include "base/Error.h"

namespace cccd::access {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2
constexpr std::uint8_t UncompressedPoint = 0x04;

// ICAO 9303-11 §9.5.1: standardized domain parameters 8-18 are elliptic curves over prime
// fields (NIST curves by their SEC 2 names, brainpool curves of RFC 5639).
struct StandardizedCurve {
    std::uint64_t parameterId;
    int nid;
};

constexpr std::array<StandardizedCurve, 11> StandardizedCurves = {{
    {8, NID_X9_62_prime192v1}, // secp192r1
    {9, NID_brainpoolP192r1},
    {10, NID_secp224r1},
    {11, NID_brainpoolP224r1},
    {12, NID_X9_62_prime256v1}, // secp256r1
    {13, NID_brainpoolP256r1},
    {14, NID_brainpoolP320r1},
    {15, NID_secp384r1},
    {16, NID_brainpoolP384r1},
    {17, NID_brainpoolP512r1},
    {18, NID_secp521r1},
}};

crypto::BnCtxPtr newContext() {
    crypto::BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) {
        crypto::throwOpenSslFailure("PACE: BN_CTX_new");
    }
    return ctx;
}

crypto::SecretBignumPtr secretScalar(ByteView bytes) {
    crypto::SecretBignumPtr k(BN_secure_new());
    if (!k || BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), k.get()) == nullptr) {
        crypto::throwOpenSslFailure("PACE: scalar");
    }
    BN_set_flags(k.get(), BN_FLG_CONSTTIME);
    return k;
}

} // namespace

PaceEcdhGroup::PaceEcdhGroup(crypto::EcGroupPtr group, crypto::EcPointPtr generator)
    : m_group(std::move(group)), m_generator(std::move(generator)) {}

PaceEcdhGroup::PaceEcdhGroup(const PaceEcdhGroup& other)
    : m_group(EC_GROUP_dup(other.m_group.get())),
      m_generator(EC_POINT_dup(other.m_generator.get(), other.m_group.get())) {
    if (!m_group || !m_generator) {
        crypto::throwOpenSslFailure("PACE: copying the group");
    }
}

PaceEcdhGroup PaceEcdhGroup::standardized(std::uint64_t parameterId) {
    for (const StandardizedCurve& curve : StandardizedCurves) {
        if (curve.parameterId != parameterId) {
            continue;
        }
        crypto::EcGroupPtr group(EC_GROUP_new_by_curve_name(curve.nid));
        if (!group) {
            crypto::throwOpenSslFailure("PACE: curve of domain parameter " +
                                        std::to_string(parameterId));
        }
        crypto::EcPointPtr generator(
            EC_POINT_dup(EC_GROUP_get0_generator(group.get()), group.get()));
        if (!generator) {
            crypto::throwOpenSslFailure("PACE: generator");
        }
        return {std::move(group), std::move(generator)};
    }
    throw Error(ErrorCode::NotSupported,
                "PACE domain parameter " + std::to_string(parameterId) + " is not an EC curve");
}

PaceKeyPair PaceEcdhGroup::generateKeyPair(const crypto::RandomSource& random) const {
    const BIGNUM* order = EC_GROUP_get0_order(m_group.get());
    auto size = static_cast<std::size_t>(BN_num_bytes(order));
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        crypto::SecretBignumPtr k = secretScalar(candidate);
        if (BN_is_zero(k.get()) || BN_cmp(k.get(), order) >= 0) {
            continue;
        }
        crypto::EcPointPtr publicPoint = multiplyPoint(candidate, m_generator.get());
        return {std::move(candidate), encodePoint(publicPoint.get())};
    }
    throw Error(ErrorCode::Crypto, "PACE: the random source gave no usable private key");
}

SecureBytes PaceEcdhGroup::multiply(ByteView privateKey, ByteView point) const {
    crypto::EcPointPtr q = decodePoint(point);
    crypto::EcPointPtr product = multiplyPoint(privateKey, q.get());
    return SecureBytes(encodePoint(product.get()));
}

SecureBytes PaceEcdhGroup::sharedSecret(ByteView privateKey, ByteView point) const {
    crypto::EcPointPtr q = decodePoint(point);
    crypto::EcPointPtr product = multiplyPoint(privateKey, q.get());
    crypto::BnCtxPtr ctx = newContext();
    crypto::SecretBignumPtr x(BN_secure_new());
    if (!x || EC_POINT_get_affine_coordinates(m_group.get(), product.get(), x.get(), nullptr,
                                              ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: shared secret");
    }
    auto fieldSize = static_cast<std::size_t>((EC_GROUP_get_degree(m_group.get()) + 7) / 8);
    Bytes out(fieldSize, 0);
    if (BN_bn2binpad(x.get(), out.data(), static_cast<int>(out.size())) < 0) {
        crypto::throwOpenSslFailure("PACE: shared secret");
    }
    return SecureBytes(std::move(out));
}

PaceEcdhGroup PaceEcdhGroup::mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                        ByteView chipMappingPublicKey) const {
    // H = SK_map,IFD * PK_map,IC, then G~ = s*G + H. A G~ at infinity would make every key
    // agreement trivial; the chip's point is checked on decoding.
    crypto::EcPointPtr chipPoint = decodePoint(chipMappingPublicKey);
    crypto::EcPointPtr h = multiplyPoint(mappingPrivateKey, chipPoint.get());
    crypto::EcPointPtr sG = multiplyPoint(nonce, m_generator.get());

    crypto::BnCtxPtr ctx = newContext();
    crypto::EcPointPtr mapped(EC_POINT_new(m_group.get()));
    if (!mapped || EC_POINT_add(m_group.get(), mapped.get(), sG.get(), h.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: Generic Mapping");
    }
    if (EC_POINT_is_at_infinity(m_group.get(), mapped.get()) == 1) {
        throw Error(ErrorCode::MalformedData,
                    "PACE: the mapped generator is the point at infinity");
    }
    crypto::EcGroupPtr group(EC_GROUP_dup(m_group.get()));
    if (!group) {
        crypto::throwOpenSslFailure("PACE: copying the group");
    }
    return {std::move(group), std::move(mapped)};
}

Bytes PaceEcdhGroup::generator() const {
    return encodePoint(m_generator.get());
}

crypto::EcPointPtr PaceEcdhGroup::decodePoint(ByteView encoded) const {
    // Only the uncompressed form travels in PACE (ICAO 9303-11 §9.4).
    if (encoded.empty() || encoded[0] != UncompressedPoint) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip's point is not uncompressed");
    }
    crypto::BnCtxPtr ctx = newContext();
    crypto::EcPointPtr point(EC_POINT_new(m_group.get()));
    if (!point) {
        crypto::throwOpenSslFailure("PACE: EC_POINT_new");
    }
    if (EC_POINT_oct2point(m_group.get(), point.get(), encoded.data(), encoded.size(), ctx.get()) !=
            1 ||
        EC_POINT_is_on_curve(m_group.get(), point.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(m_group.get(), point.get()) == 1) {
        crypto::clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "PACE: the chip's point is not on the curve");
    }
    return point;
}

Bytes PaceEcdhGroup::encodePoint(const EC_POINT* point) const {
    crypto::BnCtxPtr ctx = newContext();
    std::size_t size = EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                          nullptr, 0, ctx.get());
    Bytes out(size, 0);
    if (size == 0 || EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                        out.data(), out.size(), ctx.get()) != size) {
        crypto::throwOpenSslFailure("PACE: encoding a point");
    }
    return out;
}

crypto::EcPointPtr PaceEcdhGroup::multiplyPoint(ByteView scalar, const EC_POINT* point) const {
    crypto::SecretBignumPtr k = secretScalar(scalar);
    crypto::BnCtxPtr ctx = newContext();
    crypto::EcPointPtr product(EC_POINT_new(m_group.get()));
    if (!product ||
        EC_POINT_mul(m_group.get(), product.get(), nullptr, point, k.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: point multiplication");
    }
    if (EC_POINT_is_at_infinity(m_group.get(), product.get()) == 1) {
        throw Error(ErrorCode::MalformedData, "PACE: a point multiplication gave infinity");
    }
    return product;
}

} // namespace cccd::access
