#include "access/PaceEcdh.h"

#include <utility>

#include "access/PacePointEncoding.h"
#include "base/Error.h"
#include "crypto/Bignum.h"

namespace cccd::access {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2
constexpr std::uint8_t UncompressedPoint = 0x04;

crypto::EcPointPtr duplicatePoint(const EC_POINT* point, const EC_GROUP* group) {
    crypto::EcPointPtr copy(EC_POINT_dup(point, group));
    if (!copy) {
        crypto::throwOpenSslFailure("PACE: copying a point");
    }
    return copy;
}

crypto::EcGroupPtr duplicateGroup(const EC_GROUP* group) {
    crypto::EcGroupPtr copy(EC_GROUP_dup(group));
    if (!copy) {
        crypto::throwOpenSslFailure("PACE: copying the group");
    }
    return copy;
}

} // namespace

std::unique_ptr<PaceEcdhGroup> PaceEcdhGroup::fromCurve(int nid) {
    crypto::EcGroupPtr group(EC_GROUP_new_by_curve_name(nid));
    if (!group) {
        crypto::throwOpenSslFailure("PACE: curve " + std::to_string(nid));
    }
    return std::make_unique<PaceEcdhGroup>(std::move(group));
}

PaceEcdhGroup::PaceEcdhGroup(crypto::EcGroupPtr group)
    : m_group(std::move(group)),
      m_generator(duplicatePoint(EC_GROUP_get0_generator(m_group.get()), m_group.get())) {}

PaceEcdhGroup::PaceEcdhGroup(crypto::EcGroupPtr group, crypto::EcPointPtr generator)
    : m_group(std::move(group)), m_generator(std::move(generator)) {}

std::size_t PaceEcdhGroup::primeBits() const {
    return static_cast<std::size_t>(EC_GROUP_get_degree(m_group.get()));
}

std::size_t PaceEcdhGroup::orderSize() const {
    return crypto::bignumByteSize(EC_GROUP_get0_order(m_group.get()));
}

PaceKeyPair PaceEcdhGroup::generateKeyPair(const crypto::RandomSource& random) const {
    const BIGNUM* order = EC_GROUP_get0_order(m_group.get());
    std::size_t size = orderSize();
    auto excessBits = static_cast<int>(8 * size) - BN_num_bits(order);
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        if (candidate.size() != size) {
            throw Error(ErrorCode::Crypto, "PACE: the random source gave too few bytes");
        }
        candidate[0] = static_cast<std::uint8_t>(candidate[0] & (0xFF >> excessBits));
        crypto::SecretBignumPtr k = crypto::secretBignumFromBytes(candidate);
        if (BN_is_zero(k.get()) || BN_cmp(k.get(), order) >= 0) {
            continue;
        }
        crypto::EcPointPtr publicPoint = multiplyPoint(candidate, m_generator.get());
        return {std::move(candidate), encodePoint(publicPoint.get())};
    }
    throw Error(ErrorCode::Crypto, "PACE: the random source gave no usable private key");
}

void PaceEcdhGroup::checkPublicKey(ByteView publicKey) const {
    (void)decodePoint(publicKey);
}

SecureBytes PaceEcdhGroup::multiply(ByteView scalar, ByteView element) const {
    crypto::EcPointPtr point = decodePoint(element);
    crypto::EcPointPtr product = multiplyPoint(scalar, point.get());
    return SecureBytes(encodePoint(product.get()));
}

SecureBytes PaceEcdhGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    crypto::EcPointPtr point = decodePoint(publicKey);
    crypto::EcPointPtr product = multiplyPoint(privateKey, point.get());
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    crypto::SecretBignumPtr x(BN_secure_new());
    if (!x || EC_POINT_get_affine_coordinates(m_group.get(), product.get(), x.get(), nullptr,
                                              ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: shared secret");
    }
    // BSI TR-03111 §4.3.1 ECKA: the x-coordinate, FE2OS to the byte length of p.
    return SecureBytes(crypto::bignumToBytes(x.get(), (primeBits() + 7) / 8));
}

std::unique_ptr<PaceGroup> PaceEcdhGroup::mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                                     ByteView chipMappingPublicKey) const {
    // H = SK_map,IFD * PK_map,IC, then G~ = s*G + H. The chip's point is checked on decoding.
    crypto::EcPointPtr chipPoint = decodePoint(chipMappingPublicKey);
    crypto::EcPointPtr h = multiplyPoint(mappingPrivateKey, chipPoint.get());
    crypto::EcPointPtr sG = multiplyPoint(nonce, m_generator.get());

    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    crypto::EcPointPtr mapped(EC_POINT_new(m_group.get()));
    if (!mapped || EC_POINT_add(m_group.get(), mapped.get(), sG.get(), h.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: Generic Mapping");
    }
    return withGenerator(std::move(mapped));
}

std::unique_ptr<PaceGroup> PaceEcdhGroup::mapIntegrated(ByteView pseudoRandom) const {
    crypto::EcPointPtr mapped = encodeFieldElement(m_group.get(), pseudoRandom);
    return withGenerator(std::move(mapped));
}

Bytes PaceEcdhGroup::generator() const {
    return encodePoint(m_generator.get());
}

std::unique_ptr<PaceGroup> PaceEcdhGroup::withGenerator(crypto::EcPointPtr generator) const {
    // A generator at infinity would make every key agreement trivial.
    if (EC_POINT_is_at_infinity(m_group.get(), generator.get()) == 1) {
        throw Error(ErrorCode::MalformedData,
                    "PACE: the mapped generator is the point at infinity");
    }
    return std::make_unique<PaceEcdhGroup>(duplicateGroup(m_group.get()), std::move(generator));
}

crypto::EcPointPtr PaceEcdhGroup::decodePoint(ByteView encoded) const {
    // Only the uncompressed form travels in PACE (ICAO 9303-11 §9.4.1), and it has exactly
    // 1 + 2 * the field size bytes.
    std::size_t fieldSize = (primeBits() + 7) / 8;
    if (encoded.size() != 1 + 2 * fieldSize || encoded[0] != UncompressedPoint) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip's point is not uncompressed");
    }
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
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
    // With a cofactor the point must also lie in the subgroup of order n (BSI TR-03111 §3.2.2.1);
    // every standardized curve has cofactor 1.
    if (!BN_is_one(EC_GROUP_get0_cofactor(m_group.get()))) {
        crypto::EcPointPtr check(EC_POINT_new(m_group.get()));
        if (!check || EC_POINT_mul(m_group.get(), check.get(), nullptr, point.get(),
                                   EC_GROUP_get0_order(m_group.get()), ctx.get()) != 1) {
            crypto::throwOpenSslFailure("PACE: subgroup check");
        }
        if (EC_POINT_is_at_infinity(m_group.get(), check.get()) != 1) {
            throw Error(ErrorCode::MalformedData, "PACE: the chip's point is outside the group");
        }
    }
    return point;
}

Bytes PaceEcdhGroup::encodePoint(const EC_POINT* point) const {
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
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
    crypto::SecretBignumPtr k = crypto::secretBignumFromBytes(scalar);
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
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
