#include "crypto/PointEncoding.h"

#include "base/Error.h"
#include "crypto/Bignum.h"

namespace cccd::crypto {

namespace {

// A scratch BIGNUM in secure memory: every value below derives from the nonce s.
SecretBignumPtr scratch() {
    SecretBignumPtr value(BN_secure_new());
    if (!value) {
        throwOpenSslFailure("PACE: BN_secure_new");
    }
    return value;
}

void require(int ok) {
    if (ok != 1) {
        throwOpenSslFailure("PACE: Integrated Mapping point encoding");
    }
}

struct Curve {
    BignumPtr p = newBignum();
    BignumPtr a = newBignum();
    BignumPtr b = newBignum();
};

} // namespace

EcPointPtr encodeFieldElement(const EC_GROUP* group, ByteView pseudoRandom) {
    BnCtxPtr ctx = newBignumContext();
    Curve curve;
    require(EC_GROUP_get_curve(group, curve.p.get(), curve.a.get(), curve.b.get(), ctx.get()));
    const BIGNUM* p = curve.p.get();
    if (BN_mod_word(p, 4) != 3 || BN_is_zero(curve.a.get()) || BN_is_zero(curve.b.get())) {
        throw Error(ErrorCode::NotSupported,
                    "PACE Integrated Mapping needs a curve with p = 3 mod 4 (Appendix B)");
    }

    // R_p(s,t) = int(R) mod p; B.2 needs 0 < t < p.
    SecretBignumPtr t = scratch();
    require(BN_nnmod(t.get(), secretBignumFromBytes(pseudoRandom).get(), p, ctx.get()));
    if (BN_is_zero(t.get())) {
        throw Error(ErrorCode::MalformedData, "PACE: the pseudo-random value is zero mod p");
    }

    // Step 1: alpha = -t^2 mod p.
    SecretBignumPtr alpha = scratch();
    require(BN_mod_sqr(alpha.get(), t.get(), p, ctx.get()));
    require(BN_mod_sub(alpha.get(), p, alpha.get(), p, ctx.get()));

    // Step 2: X2 = -b * a^-1 * (1 + (alpha + alpha^2)^-1) mod p.
    SecretBignumPtr sum = scratch();
    require(BN_mod_sqr(sum.get(), alpha.get(), p, ctx.get()));
    require(BN_mod_add(sum.get(), sum.get(), alpha.get(), p, ctx.get()));
    if (BN_is_zero(sum.get())) {
        throw Error(ErrorCode::MalformedData, "PACE: the pseudo-random value has no encoding");
    }
    SecretBignumPtr x2 = scratch();
    SecretBignumPtr aInverse = scratch();
    if (BN_mod_inverse(x2.get(), sum.get(), p, ctx.get()) == nullptr ||
        BN_mod_inverse(aInverse.get(), curve.a.get(), p, ctx.get()) == nullptr) {
        throwOpenSslFailure("PACE: Integrated Mapping inverse");
    }
    require(BN_add_word(x2.get(), 1));
    require(BN_mod_mul(x2.get(), x2.get(), aInverse.get(), p, ctx.get()));
    require(BN_mod_mul(x2.get(), x2.get(), curve.b.get(), p, ctx.get()));
    require(BN_mod_sub(x2.get(), p, x2.get(), p, ctx.get()));

    // Step 3: X3 = alpha * X2 mod p.
    SecretBignumPtr x3 = scratch();
    require(BN_mod_mul(x3.get(), alpha.get(), x2.get(), p, ctx.get()));

    // Step 4: h2 = X2^3 + a * X2 + b mod p.
    SecretBignumPtr h2 = scratch();
    require(BN_mod_sqr(h2.get(), x2.get(), p, ctx.get()));
    require(BN_mod_add(h2.get(), h2.get(), curve.a.get(), p, ctx.get()));
    require(BN_mod_mul(h2.get(), h2.get(), x2.get(), p, ctx.get()));
    require(BN_mod_add(h2.get(), h2.get(), curve.b.get(), p, ctx.get()));

    // Step 6: U = t^3 * h2 mod p (step 5's h3 only matters through U).
    SecretBignumPtr u = scratch();
    require(BN_mod_sqr(u.get(), t.get(), p, ctx.get()));
    require(BN_mod_mul(u.get(), u.get(), t.get(), p, ctx.get()));
    require(BN_mod_mul(u.get(), u.get(), h2.get(), p, ctx.get()));

    // Step 7: A = h2^(p - 1 - (p + 1) / 4) mod p.
    BignumPtr exponent(BN_dup(p));
    if (!exponent) {
        throwOpenSslFailure("PACE: BN_dup");
    }
    require(BN_add_word(exponent.get(), 1));
    require(BN_rshift(exponent.get(), exponent.get(), 2));
    require(BN_sub(exponent.get(), p, exponent.get()));
    require(BN_sub_word(exponent.get(), 1));
    SecretBignumPtr a = scratch();
    require(BN_mod_exp(a.get(), h2.get(), exponent.get(), p, ctx.get()));

    // Steps 8-9: (X2, A * h2) when A^2 * h2 = 1, else (X3, A * U).
    // TODO(pace): this branch depends on the nonce; Appendix B asks for constant time, which a
    // masked selection would give. One bit of G~ leaks at most, through timing only.
    SecretBignumPtr term = scratch();
    require(BN_mod_sqr(term.get(), a.get(), p, ctx.get()));
    require(BN_mod_mul(term.get(), term.get(), h2.get(), p, ctx.get()));
    bool first = BN_is_one(term.get()) != 0;
    SecretBignumPtr y = scratch();
    require(BN_mod_mul(y.get(), a.get(), first ? h2.get() : u.get(), p, ctx.get()));

    EcPointPtr point(EC_POINT_new(group));
    if (!point || EC_POINT_set_affine_coordinates(group, point.get(), first ? x2.get() : x3.get(),
                                                  y.get(), ctx.get()) != 1) {
        clearOpenSslErrors();
        throw Error(ErrorCode::MalformedData, "PACE: the encoded point is not on the curve");
    }

    // Step 10: [f](x, y); every standardized curve has f = 1.
    const BIGNUM* cofactor = EC_GROUP_get0_cofactor(group);
    if (!BN_is_one(cofactor)) {
        require(EC_POINT_mul(group, point.get(), nullptr, point.get(), cofactor, ctx.get()));
    }
    return point;
}

} // namespace cccd::crypto
