#include "emulator/card/PaceEcGroup.h"

#include <openssl/core_names.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "emulator/card/Bignum.h"

namespace cccd::emulator {

namespace {

constexpr std::uint8_t UncompressedPoint = 0x04; // BSI TR-03111 §3.2.1

crypto::BnCtxPtr newContext() {
    crypto::BnCtxPtr context(BN_CTX_new());
    if (!context) {
        crypto::throwOpenSslFailure("BN_CTX_new");
    }
    return context;
}

void check(int result, const char* what) {
    if (result != 1) {
        crypto::throwOpenSslFailure(what);
    }
}

} // namespace

PaceEcGroup::PaceEcGroup(int curveNid)
    : m_curveNid(curveNid), m_group(EC_GROUP_new_by_curve_name(curveNid)), m_p(crypto::newBignum()),
      m_a(crypto::newBignum()), m_b(crypto::newBignum()) {
    if (!m_group) {
        crypto::throwOpenSslFailure("EC_GROUP_new_by_curve_name");
    }
    m_generator.reset(EC_POINT_dup(EC_GROUP_get0_generator(m_group.get()), m_group.get()));
    if (!m_generator) {
        crypto::throwOpenSslFailure("EC_POINT_dup");
    }
    crypto::BnCtxPtr context = newContext();
    check(EC_GROUP_get_curve(m_group.get(), m_p.get(), m_a.get(), m_b.get(), context.get()),
          "EC_GROUP_get_curve");
    m_fieldBytes = crypto::bignumByteSize(m_p.get());
}

crypto::EcPointPtr PaceEcGroup::decode(ByteView encoded) const {
    if (encoded.size() != 1 + 2 * m_fieldBytes || encoded[0] != UncompressedPoint) {
        return nullptr;
    }
    crypto::EcPointPtr point(EC_POINT_new(m_group.get()));
    crypto::BnCtxPtr context = newContext();
    if (!point || EC_POINT_oct2point(m_group.get(), point.get(), encoded.data(), encoded.size(),
                                     context.get()) != 1) {
        crypto::clearOpenSslErrors();
        return nullptr;
    }
    if (EC_POINT_is_at_infinity(m_group.get(), point.get()) == 1 ||
        EC_POINT_is_on_curve(m_group.get(), point.get(), context.get()) != 1) {
        crypto::clearOpenSslErrors();
        return nullptr;
    }
    return point;
}

Bytes PaceEcGroup::encode(const EC_POINT* point) const {
    Bytes out(1 + 2 * m_fieldBytes);
    crypto::BnCtxPtr context = newContext();
    std::size_t written = EC_POINT_point2oct(m_group.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                             out.data(), out.size(), context.get());
    if (written != out.size()) {
        crypto::throwOpenSslFailure("EC_POINT_point2oct");
    }
    return out;
}

crypto::EcPointPtr PaceEcGroup::multiply(ByteView scalar, const EC_POINT* point) const {
    crypto::SecretBignumPtr k = crypto::secretBignumFromBytes(scalar);
    crypto::EcPointPtr product(EC_POINT_new(m_group.get()));
    crypto::BnCtxPtr context = newContext();
    if (!product) {
        crypto::throwOpenSslFailure("EC_POINT_new");
    }
    check(EC_POINT_mul(m_group.get(), product.get(), nullptr, point, k.get(), context.get()),
          "EC_POINT_mul");
    return product;
}

Bytes PaceEcGroup::publicKey(ByteView privateKey) const {
    return encode(multiply(privateKey, m_generator.get()).get());
}

bool PaceEcGroup::isValidPublicKey(ByteView publicKey) const {
    return decode(publicKey) != nullptr;
}

SecureBytes PaceEcGroup::agree(ByteView privateKey, ByteView publicKey) const {
    crypto::EcPointPtr peer = decode(publicKey);
    if (!peer) {
        throw Error(ErrorCode::InvalidArgument, "PACE: not a point on the curve");
    }
    crypto::EcPointPtr product = multiply(privateKey, peer.get());
    if (EC_POINT_is_at_infinity(m_group.get(), product.get()) == 1) {
        throw Error(ErrorCode::InvalidArgument, "PACE: key agreement gave the point at infinity");
    }
    return SecureBytes(encode(product.get()));
}

SecureBytes PaceEcGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    // BSI TR-03111 §4.3.1 ECKA-DH: K is the x-coordinate of SK * PK, of the field's length.
    SecureBytes product = agree(privateKey, publicKey);
    return SecureBytes(product.view().subspan(1, m_fieldBytes));
}

void PaceEcGroup::mapGeneric(ByteView nonce, ByteView mappingSecret) {
    crypto::EcPointPtr h = decode(mappingSecret);
    if (!h) {
        throw Error(ErrorCode::InvalidArgument, "PACE: H is not a point on the curve");
    }
    crypto::EcPointPtr mapped = multiply(nonce, m_generator.get());
    crypto::BnCtxPtr context = newContext();
    check(EC_POINT_add(m_group.get(), mapped.get(), mapped.get(), h.get(), context.get()),
          "EC_POINT_add");
    if (EC_POINT_is_at_infinity(m_group.get(), mapped.get()) == 1) {
        throw Error(ErrorCode::InvalidArgument, "PACE: mapped generator at infinity");
    }
    m_generator = std::move(mapped);
}

bool PaceEcGroup::supportsIntegratedMapping() const {
    // The encoding of Appendix B takes square roots as powers, which needs p = 3 mod 4.
    return BN_is_bit_set(m_p.get(), 0) == 1 && BN_is_bit_set(m_p.get(), 1) == 1;
}

// ICAO 9303-11 Appendix B (point encoding f_G for ECDH Integrated Mapping, a simplified
// Shallue-van de Woestijne-Ulas map for p = 3 mod 4), in affine coordinates:
//   alpha = -t^2, X2 = -b/a * (1 + 1/(alpha + alpha^2)), X3 = alpha * X2,
//   h2 = X2^3 + a X2 + b, U = t^3 h2, A = h2^(p - 1 - (p + 1)/4),
//   the point is (X2, A h2) when A^2 h2 = 1, else (X3, A U).
crypto::EcPointPtr PaceEcGroup::encodeOnCurve(const BIGNUM* t) const {
    crypto::BnCtxPtr context = newContext();
    BN_CTX* ctx = context.get();
    const BIGNUM* p = m_p.get();
    crypto::BignumPtr alpha = crypto::newBignum();
    crypto::BignumPtr tmp = crypto::newBignum();
    crypto::BignumPtr inv = crypto::newBignum();
    crypto::BignumPtr x2 = crypto::newBignum();
    crypto::BignumPtr x3 = crypto::newBignum();
    crypto::BignumPtr h2 = crypto::newBignum();
    crypto::BignumPtr u = crypto::newBignum();
    crypto::BignumPtr exponent = crypto::newBignum();
    crypto::BignumPtr a = crypto::newBignum();
    crypto::BignumPtr y = crypto::newBignum();

    // alpha = -t^2 mod p
    check(BN_mod_sqr(tmp.get(), t, p, ctx), "BN_mod_sqr");
    BN_zero(alpha.get());
    check(BN_mod_sub(alpha.get(), alpha.get(), tmp.get(), p, ctx), "BN_mod_sub");
    // 1 / (alpha + alpha^2); t = 0 or t^2 = 1 leave no inverse: no point.
    check(BN_mod_sqr(tmp.get(), alpha.get(), p, ctx), "BN_mod_sqr");
    check(BN_mod_add(tmp.get(), tmp.get(), alpha.get(), p, ctx), "BN_mod_add");
    if (BN_is_zero(tmp.get()) == 1) {
        return nullptr;
    }
    if (BN_mod_inverse(inv.get(), tmp.get(), p, ctx) == nullptr) {
        crypto::throwOpenSslFailure("BN_mod_inverse");
    }
    // X2 = -b * a^-1 * (1 + inv)
    check(BN_mod_add(inv.get(), inv.get(), BN_value_one(), p, ctx), "BN_mod_add");
    if (BN_mod_inverse(tmp.get(), m_a.get(), p, ctx) == nullptr) {
        crypto::throwOpenSslFailure("BN_mod_inverse");
    }
    check(BN_mod_mul(x2.get(), m_b.get(), tmp.get(), p, ctx), "BN_mod_mul");
    check(BN_mod_mul(x2.get(), x2.get(), inv.get(), p, ctx), "BN_mod_mul");
    check(BN_mod_sub(x2.get(), p, x2.get(), p, ctx), "BN_mod_sub");
    check(BN_mod_mul(x3.get(), alpha.get(), x2.get(), p, ctx), "BN_mod_mul");
    // h2 = X2^3 + a X2 + b
    check(BN_mod_sqr(h2.get(), x2.get(), p, ctx), "BN_mod_sqr");
    check(BN_mod_add(h2.get(), h2.get(), m_a.get(), p, ctx), "BN_mod_add");
    check(BN_mod_mul(h2.get(), h2.get(), x2.get(), p, ctx), "BN_mod_mul");
    check(BN_mod_add(h2.get(), h2.get(), m_b.get(), p, ctx), "BN_mod_add");
    // U = t^3 h2
    check(BN_mod_sqr(u.get(), t, p, ctx), "BN_mod_sqr");
    check(BN_mod_mul(u.get(), u.get(), t, p, ctx), "BN_mod_mul");
    check(BN_mod_mul(u.get(), u.get(), h2.get(), p, ctx), "BN_mod_mul");
    // A = h2^(p - 1 - (p + 1)/4)
    check(BN_add(tmp.get(), p, BN_value_one()), "BN_add");
    check(BN_rshift(tmp.get(), tmp.get(), 2), "BN_rshift");
    check(BN_sub(exponent.get(), p, BN_value_one()), "BN_sub");
    check(BN_sub(exponent.get(), exponent.get(), tmp.get()), "BN_sub");
    check(BN_mod_exp(a.get(), h2.get(), exponent.get(), p, ctx), "BN_mod_exp");
    // A^2 h2 = 1 tells that h2 is a square: the point lies over X2, else over X3.
    check(BN_mod_sqr(tmp.get(), a.get(), p, ctx), "BN_mod_sqr");
    check(BN_mod_mul(tmp.get(), tmp.get(), h2.get(), p, ctx), "BN_mod_mul");
    const BIGNUM* x = x2.get();
    if (BN_is_one(tmp.get()) == 1) {
        check(BN_mod_mul(y.get(), a.get(), h2.get(), p, ctx), "BN_mod_mul");
    } else {
        check(BN_mod_mul(y.get(), a.get(), u.get(), p, ctx), "BN_mod_mul");
        x = x3.get();
    }

    crypto::EcPointPtr point(EC_POINT_new(m_group.get()));
    if (!point ||
        EC_POINT_set_affine_coordinates(m_group.get(), point.get(), x, y.get(), ctx) != 1) {
        crypto::clearOpenSslErrors();
        return nullptr;
    }
    return point;
}

bool PaceEcGroup::mapIntegrated(ByteView prfOutput) {
    if (!supportsIntegratedMapping()) {
        return false;
    }
    crypto::BnCtxPtr context = newContext();
    crypto::SecretBignumPtr r = crypto::secretBignumFromBytes(prfOutput);
    crypto::SecretBignumPtr t(BN_secure_new());
    if (!t || BN_nnmod(t.get(), r.get(), m_p.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("BN_nnmod");
    }
    crypto::EcPointPtr point = encodeOnCurve(t.get());
    if (!point) {
        return false;
    }
    // G~ = cofactor * f_G(R_p); the standardized curves all have cofactor 1.
    const BIGNUM* cofactor = EC_GROUP_get0_cofactor(m_group.get());
    if (cofactor != nullptr && BN_is_one(cofactor) != 1) {
        Bytes h = crypto::bignumToBytes(cofactor, crypto::bignumByteSize(cofactor));
        point = multiply(h, point.get());
    }
    if (EC_POINT_is_at_infinity(m_group.get(), point.get()) == 1) {
        return false;
    }
    m_generator = std::move(point);
    return true;
}

std::size_t PaceEcGroup::fieldBits() const {
    return static_cast<std::size_t>(BN_num_bits(m_p.get()));
}

Bytes PaceEcGroup::order() const {
    const BIGNUM* n = EC_GROUP_get0_order(m_group.get());
    return crypto::bignumToBytes(n, crypto::bignumByteSize(n));
}

Bytes PaceEcGroup::generator() const {
    return encode(m_generator.get());
}

Bytes PaceEcGroup::prime() const {
    return crypto::bignumToBytes(m_p.get(), m_fieldBytes);
}

std::optional<SecureBytes> PaceEcGroup::privateKeyFromPem(ByteView pem) const {
    crypto::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    crypto::EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                               : nullptr);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC) {
        crypto::clearOpenSslErrors();
        return std::nullopt;
    }
    char curve[64] = {};
    std::size_t curveLength = 0;
    if (EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof(curve),
                                       &curveLength) != 1 ||
        OBJ_txt2nid(curve) != m_curveNid) {
        crypto::clearOpenSslErrors();
        return std::nullopt;
    }
    BIGNUM* scalar = nullptr;
    if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &scalar) != 1) {
        crypto::clearOpenSslErrors();
        return std::nullopt;
    }
    crypto::SecretBignumPtr owned(scalar);
    const BIGNUM* n = EC_GROUP_get0_order(m_group.get());
    return toSecureBytes(owned.get(), crypto::bignumByteSize(n));
}

} // namespace cccd::emulator
