#include "crypto/EcdhGroup.h"

#include <utility>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "crypto/PointEncoding.h"

namespace cccd::crypto {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2
constexpr std::uint8_t UncompressedPoint = 0x04;

EcPointPtr duplicatePoint(const EC_POINT* point, const EC_GROUP* group) {
    EcPointPtr copy(EC_POINT_dup(point, group));
    if (!copy) {
        throwOpenSslFailure("ECDH: copying a point");
    }
    return copy;
}

EcGroupPtr duplicateGroup(const EC_GROUP* group) {
    EcGroupPtr copy(EC_GROUP_dup(group));
    if (!copy) {
        throwOpenSslFailure("ECDH: copying the group");
    }
    return copy;
}

} // namespace

std::unique_ptr<EcdhGroup> EcdhGroup::fromCurve(int nid) {
    EcGroupPtr group(EC_GROUP_new_by_curve_name(nid));
    if (!group) {
        throwOpenSslFailure("ECDH: curve " + std::to_string(nid));
    }
    return std::make_unique<EcdhGroup>(std::move(group));
}

EcdhGroup::EcdhGroup(EcGroupPtr group)
    : m_group(std::move(group)),
      m_generator(duplicatePoint(EC_GROUP_get0_generator(m_group.get()), m_group.get())) {}

EcdhGroup::EcdhGroup(EcGroupPtr group, EcPointPtr generator)
    : m_group(std::move(group)), m_generator(std::move(generator)) {}

std::size_t EcdhGroup::primeBits() const {
    return static_cast<std::size_t>(EC_GROUP_get_degree(m_group.get()));
}

std::size_t EcdhGroup::orderSize() const {
    return bignumByteSize(EC_GROUP_get0_order(m_group.get()));
}

std::size_t EcdhGroup::fieldSize() const {
    return (primeBits() + 7) / 8;
}

EphemeralKeyPair EcdhGroup::generateKeyPair(const RandomSource& random) const {
    const BIGNUM* order = EC_GROUP_get0_order(m_group.get());
    std::size_t size = orderSize();
    auto excessBits = static_cast<int>(8 * size) - BN_num_bits(order);
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        if (candidate.size() != size) {
            throw Error(ErrorCode::Crypto, "ECDH: the random source gave too few bytes");
        }
        candidate[0] = static_cast<std::uint8_t>(candidate[0] & (0xFF >> excessBits));
        SecretBignumPtr k = secretBignumFromBytes(candidate);
        if (BN_is_zero(k.get()) || BN_cmp(k.get(), order) >= 0) {
            continue;
        }
        Bytes publicKey = publicKeyOf(candidate);
        return {std::move(candidate), std::move(publicKey)};
    }
    throw Error(ErrorCode::Crypto, "ECDH: the random source gave no usable private key");
}

Bytes EcdhGroup::publicKeyOf(ByteView privateKey) const {
    EcPointPtr publicPoint = multiplyPoint(privateKey, m_generator.get());
    return encodePoint(publicPoint.get());
}

void EcdhGroup::checkPublicKey(ByteView publicKey) const {
    (void)decodePoint(publicKey);
}

Bytes EcdhGroup::importPublicKey(ByteView encoded) const {
    EcPointPtr point = decodeAnyPoint(encoded);
    return encodePoint(point.get());
}

SecureBytes EcdhGroup::multiply(ByteView scalar, ByteView element) const {
    EcPointPtr point = decodePoint(element);
    EcPointPtr product = multiplyPoint(scalar, point.get());
    return SecureBytes(encodePoint(product.get()));
}

SecureBytes EcdhGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    // BSI TR-03111 §4.3.1 ECKA: the x-coordinate of privateKey * P.
    EcPointPtr point = decodePoint(publicKey);
    EcPointPtr product = multiplyPoint(privateKey, point.get());
    return SecureBytes(xCoordinate(product.get()));
}

Bytes EcdhGroup::compress(ByteView publicKey) const {
    // BSI TR-03110-3 Appendix A.2: Comp(PK) is the x-coordinate of the point.
    EcPointPtr point = decodePoint(publicKey);
    return xCoordinate(point.get());
}

std::unique_ptr<KeyAgreementGroup> EcdhGroup::mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                                         ByteView chipMappingPublicKey) const {
    // H = SK_map,IFD * PK_map,IC, then G~ = s*G + H. The chip's point is checked on decoding.
    EcPointPtr chipPoint = decodePoint(chipMappingPublicKey);
    EcPointPtr h = multiplyPoint(mappingPrivateKey, chipPoint.get());
    EcPointPtr sG = multiplyPoint(nonce, m_generator.get());

    BnCtxPtr ctx = newBignumContext();
    EcPointPtr mapped(EC_POINT_new(m_group.get()));
    if (!mapped || EC_POINT_add(m_group.get(), mapped.get(), sG.get(), h.get(), ctx.get()) != 1) {
        throwOpenSslFailure("PACE: Generic Mapping");
    }
    return withGenerator(std::move(mapped));
}

std::unique_ptr<KeyAgreementGroup> EcdhGroup::mapIntegrated(ByteView pseudoRandom) const {
    EcPointPtr mapped = encodeFieldElement(m_group.get(), pseudoRandom);
    return withGenerator(std::move(mapped));
}

Bytes EcdhGroup::generator() const {
    return encodePoint(m_generator.get());
}

std::unique_ptr<KeyAgreementGroup> EcdhGroup::withGenerator(EcPointPtr generator) const {
    // A generator at infinity would make every key agreement trivial.
    if (EC_POINT_is_at_infinity(m_group.get(), generator.get()) == 1) {
        throw Error(ErrorCode::MalformedData,
                    "PACE: the mapped generator is the point at infinity");
    }
    return std::make_unique<EcdhGroup>(duplicateGroup(m_group.get()), std::move(generator));
}

EcPointPtr EcdhGroup::decodePoint(ByteView encoded) const {
    // Only the uncompressed form travels in PACE and Chip Authentication (ICAO 9303-11 §9.4.1),
    // and it has exactly 1 + 2 * the field size bytes.
    if (encoded.size() != 1 + 2 * fieldSize() || encoded[0] != UncompressedPoint) {
        throw Error(ErrorCode::MalformedData, "ECDH: the public key is not an uncompressed point");
    }
    return decodeAnyPoint(encoded);
}

EcPointPtr EcdhGroup::decodeAnyPoint(ByteView encoded) const {
    // SEC 1 §2.3.4: compressed (02/03), uncompressed (04) or hybrid (06/07); the encoding 00 of
    // the point at infinity and points off the curve are refused.
    if (encoded.empty() || encoded[0] == 0x00) {
        throw Error(ErrorCode::MalformedData, "ECDH: the public key is not a point");
    }
    BnCtxPtr ctx = newBignumContext();
    EcPointPtr point(EC_POINT_new(m_group.get()));
    if (!point) {
        throwOpenSslFailure("ECDH: EC_POINT_new");
    }
    if (EC_POINT_oct2point(m_group.get(), point.get(), encoded.data(), encoded.size(), ctx.get()) !=
            1 ||
        EC_POINT_is_on_curve(m_group.get(), point.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(m_group.get(), point.get()) == 1) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "ECDH: the public key is not on the curve");
    }
    // With a cofactor the point must also lie in the subgroup of order n (BSI TR-03111 §3.2.2.1);
    // every standardized curve has cofactor 1.
    if (!BN_is_one(EC_GROUP_get0_cofactor(m_group.get()))) {
        EcPointPtr check(EC_POINT_new(m_group.get()));
        if (!check || EC_POINT_mul(m_group.get(), check.get(), nullptr, point.get(),
                                   EC_GROUP_get0_order(m_group.get()), ctx.get()) != 1) {
            throwOpenSslFailure("ECDH: subgroup check");
        }
        if (EC_POINT_is_at_infinity(m_group.get(), check.get()) != 1) {
            throw Error(ErrorCode::MalformedData, "ECDH: the public key is outside the group");
        }
    }
    return point;
}

Bytes EcdhGroup::encodePoint(const EC_POINT* point) const {
    BnCtxPtr ctx = newBignumContext();
    std::size_t size = EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                          nullptr, 0, ctx.get());
    Bytes out(size, 0);
    if (size == 0 || EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                        out.data(), out.size(), ctx.get()) != size) {
        throwOpenSslFailure("ECDH: encoding a point");
    }
    return out;
}

Bytes EcdhGroup::xCoordinate(const EC_POINT* point) const {
    // FE2OS (BSI TR-03111 §3.1.3): big-endian, padded to the byte length of p.
    BnCtxPtr ctx = newBignumContext();
    SecretBignumPtr x(BN_secure_new());
    if (!x ||
        EC_POINT_get_affine_coordinates(m_group.get(), point, x.get(), nullptr, ctx.get()) != 1) {
        throwOpenSslFailure("ECDH: x-coordinate");
    }
    return bignumToBytes(x.get(), fieldSize());
}

EcPointPtr EcdhGroup::multiplyPoint(ByteView scalar, const EC_POINT* point) const {
    SecretBignumPtr k = secretBignumFromBytes(scalar);
    BnCtxPtr ctx = newBignumContext();
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

} // namespace cccd::crypto
