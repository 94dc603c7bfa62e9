#include "access/PaceDh.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "base/Error.h"
#include "crypto/Bignum.h"

namespace cccd::access {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2

using EvpPkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

crypto::BignumPtr duplicate(const BIGNUM* value) {
    if (value == nullptr) {
        return nullptr;
    }
    crypto::BignumPtr copy(BN_dup(value));
    if (!copy) {
        crypto::throwOpenSslFailure("PACE: BN_dup");
    }
    return copy;
}

crypto::BignumPtr namedParameter(EVP_PKEY* key, const char* name) {
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
        crypto::throwOpenSslFailure(std::string("PACE: DH parameter ") + name);
    }
    return crypto::BignumPtr(value);
}

} // namespace

std::unique_ptr<PaceDhGroup> PaceDhGroup::fromName(const std::string& name) {
    // OpenSSL 3 knows the RFC 5114 groups by name; EVP_PKEY_fromdata with only the group name
    // yields their p, q and g.
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    std::string groupName = name;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, groupName.data(), 0),
        OSSL_PARAM_construct_end()};
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_KEY_PARAMETERS, params) != 1) {
        crypto::throwOpenSslFailure("PACE: DH group " + name);
    }
    crypto::EvpPkeyPtr key(raw);
    return std::make_unique<PaceDhGroup>(namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_P),
                                         namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_Q),
                                         namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_G));
}

PaceDhGroup::PaceDhGroup(crypto::BignumPtr p, crypto::BignumPtr q, crypto::BignumPtr g)
    : m_p(std::move(p)), m_q(std::move(q)), m_g(std::move(g)) {}

std::size_t PaceDhGroup::primeBits() const {
    return static_cast<std::size_t>(BN_num_bits(m_p.get()));
}

std::size_t PaceDhGroup::primeSize() const {
    return crypto::bignumByteSize(m_p.get());
}

std::size_t PaceDhGroup::orderSize() const {
    return crypto::bignumByteSize(m_q ? m_q.get() : m_p.get());
}

PaceKeyPair PaceDhGroup::generateKeyPair(const crypto::RandomSource& random) const {
    // x in [1, q-1] when q is known (RFC 2631 §2.2), else in [1, p-2].
    crypto::BignumPtr limit = duplicate(m_q ? m_q.get() : m_p.get());
    if (!m_q && BN_sub_word(limit.get(), 1) != 1) {
        crypto::throwOpenSslFailure("PACE: key limit");
    }
    std::size_t size = crypto::bignumByteSize(limit.get());
    auto excessBits = static_cast<int>(8 * size) - BN_num_bits(limit.get());
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        if (candidate.size() != size) {
            throw Error(ErrorCode::Crypto, "PACE: the random source gave too few bytes");
        }
        candidate[0] = static_cast<std::uint8_t>(candidate[0] & (0xFF >> excessBits));
        crypto::SecretBignumPtr x = crypto::secretBignumFromBytes(candidate);
        if (BN_is_zero(x.get()) || BN_cmp(x.get(), limit.get()) >= 0) {
            continue;
        }
        crypto::SecretBignumPtr y = power(m_g.get(), candidate);
        return {std::move(candidate), crypto::bignumToMinimalBytes(y.get())};
    }
    throw Error(ErrorCode::Crypto, "PACE: the random source gave no usable private key");
}

void PaceDhGroup::checkPublicKey(ByteView publicKey) const {
    (void)decodeElement(publicKey);
}

SecureBytes PaceDhGroup::multiply(ByteView scalar, ByteView element) const {
    crypto::BignumPtr base = decodeElement(element);
    crypto::SecretBignumPtr product = power(base.get(), scalar);
    return SecureBytes(crypto::bignumToBytes(product.get(), primeSize()));
}

SecureBytes PaceDhGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    // PKCS#3 §8.2: K as an octet string of the byte length of p (ICAO 9303-11 Appendix G.2).
    return multiply(privateKey, publicKey);
}

std::unique_ptr<PaceGroup> PaceDhGroup::mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                                   ByteView chipMappingPublicKey) const {
    // h = PK_map,IC ^ SK_map,IFD mod p, then g~ = g^s * h mod p (§4.4.3.3.1).
    crypto::BignumPtr chipKey = decodeElement(chipMappingPublicKey);
    crypto::SecretBignumPtr h = power(chipKey.get(), mappingPrivateKey);
    crypto::SecretBignumPtr gs = power(m_g.get(), nonce);
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    crypto::BignumPtr mapped = crypto::newBignum();
    if (BN_mod_mul(mapped.get(), gs.get(), h.get(), m_p.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: Generic Mapping");
    }
    return withGenerator(std::move(mapped));
}

std::unique_ptr<PaceGroup> PaceDhGroup::mapIntegrated(ByteView pseudoRandom) const {
    // g~ = f_g(R_p) = R_p ^ ((p-1)/q) mod p (§4.4.3.3.2).
    if (!m_q) {
        throw Error(ErrorCode::NotSupported,
                    "PACE Integrated Mapping with DH needs the subgroup order q");
    }
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    crypto::SecretBignumPtr x = crypto::secretBignumFromBytes(pseudoRandom);
    crypto::BignumPtr cofactor = duplicate(m_p.get());
    crypto::BignumPtr mapped = crypto::newBignum();
    if (BN_nnmod(x.get(), x.get(), m_p.get(), ctx.get()) != 1 ||
        BN_sub_word(cofactor.get(), 1) != 1 ||
        BN_div(cofactor.get(), nullptr, cofactor.get(), m_q.get(), ctx.get()) != 1 ||
        BN_mod_exp(mapped.get(), x.get(), cofactor.get(), m_p.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: Integrated Mapping");
    }
    return withGenerator(std::move(mapped));
}

Bytes PaceDhGroup::generator() const {
    return crypto::bignumToBytes(m_g.get(), primeSize());
}

Bytes PaceDhGroup::subgroupOrder() const {
    return m_q ? crypto::bignumToMinimalBytes(m_q.get()) : Bytes{};
}

std::unique_ptr<PaceGroup> PaceDhGroup::withGenerator(crypto::BignumPtr generator) const {
    // §4.4.3.3.2: implementations MUST check that g~ != 1; 0 cannot occur for a prime p.
    if (BN_is_zero(generator.get()) || BN_is_one(generator.get())) {
        throw Error(ErrorCode::MalformedData, "PACE: the mapped generator is trivial");
    }
    return std::make_unique<PaceDhGroup>(duplicate(m_p.get()), duplicate(m_q.get()),
                                         std::move(generator));
}

crypto::BignumPtr PaceDhGroup::decodeElement(ByteView encoded) const {
    // An unsigned integer in at most the byte length of p (§9.4.3 allows fewer bytes).
    if (encoded.empty() || encoded.size() > primeSize()) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip's DH value has a wrong length");
    }
    crypto::BignumPtr y = crypto::bignumFromBytes(encoded);
    // RFC 2631 §2.1.5: 2 <= y <= p-2, and y^q = 1 mod p when q is known.
    crypto::BignumPtr upper = duplicate(m_p.get());
    if (BN_sub_word(upper.get(), 2) != 1) {
        crypto::throwOpenSslFailure("PACE: DH range");
    }
    if (BN_cmp(y.get(), BN_value_one()) <= 0 || BN_cmp(y.get(), upper.get()) > 0) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip's DH value is out of range");
    }
    if (m_q) {
        crypto::BnCtxPtr ctx = crypto::newBignumContext();
        crypto::BignumPtr check = crypto::newBignum();
        if (BN_mod_exp(check.get(), y.get(), m_q.get(), m_p.get(), ctx.get()) != 1) {
            crypto::throwOpenSslFailure("PACE: DH subgroup check");
        }
        if (!BN_is_one(check.get())) {
            throw Error(ErrorCode::MalformedData, "PACE: the chip's DH value is outside the group");
        }
    }
    return y;
}

crypto::SecretBignumPtr PaceDhGroup::power(const BIGNUM* base, ByteView exponent) const {
    crypto::SecretBignumPtr x = crypto::secretBignumFromBytes(exponent);
    crypto::SecretBignumPtr result(BN_secure_new());
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    if (!result || BN_mod_exp(result.get(), base, x.get(), m_p.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: modular exponentiation");
    }
    return result;
}

} // namespace cccd::access
