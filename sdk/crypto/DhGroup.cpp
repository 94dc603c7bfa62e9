#include "crypto/DhGroup.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "crypto/Hash.h"

namespace cccd::crypto {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2

using EvpPkeyCtxPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

BignumPtr duplicate(const BIGNUM* value) {
    if (value == nullptr) {
        return nullptr;
    }
    BignumPtr copy(BN_dup(value));
    if (!copy) {
        throwOpenSslFailure("DH: BN_dup");
    }
    return copy;
}

BignumPtr namedParameter(EVP_PKEY* key, const char* name) {
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
        throwOpenSslFailure(std::string("DH parameter ") + name);
    }
    return BignumPtr(value);
}

} // namespace

std::unique_ptr<DhGroup> DhGroup::fromName(const std::string& name) {
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
        throwOpenSslFailure("DH group " + name);
    }
    EvpPkeyPtr key(raw);
    return std::make_unique<DhGroup>(namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_P),
                                     namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_Q),
                                     namedParameter(key.get(), OSSL_PKEY_PARAM_FFC_G));
}

DhGroup::DhGroup(BignumPtr p, BignumPtr q, BignumPtr g)
    : m_p(std::move(p)), m_q(std::move(q)), m_g(std::move(g)) {}

std::size_t DhGroup::primeBits() const {
    return static_cast<std::size_t>(BN_num_bits(m_p.get()));
}

std::size_t DhGroup::primeSize() const {
    return bignumByteSize(m_p.get());
}

std::size_t DhGroup::orderSize() const {
    return bignumByteSize(m_q ? m_q.get() : m_p.get());
}

EphemeralKeyPair DhGroup::generateKeyPair(const RandomSource& random) const {
    // x in [1, q-1] when q is known (RFC 2631 §2.2), else in [1, p-2].
    BignumPtr limit = duplicate(m_q ? m_q.get() : m_p.get());
    if (!m_q && BN_sub_word(limit.get(), 1) != 1) {
        throwOpenSslFailure("DH: key limit");
    }
    std::size_t size = bignumByteSize(limit.get());
    auto excessBits = static_cast<int>(8 * size) - BN_num_bits(limit.get());
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        if (candidate.size() != size) {
            throw Error(ErrorCode::Crypto, "DH: the random source gave too few bytes");
        }
        candidate[0] = static_cast<std::uint8_t>(candidate[0] & (0xFF >> excessBits));
        SecretBignumPtr x = secretBignumFromBytes(candidate);
        if (BN_is_zero(x.get()) || BN_cmp(x.get(), limit.get()) >= 0) {
            continue;
        }
        Bytes publicKey = publicKeyOf(candidate);
        return {std::move(candidate), std::move(publicKey)};
    }
    throw Error(ErrorCode::Crypto, "DH: the random source gave no usable private key");
}

Bytes DhGroup::publicKeyOf(ByteView privateKey) const {
    SecretBignumPtr y = power(m_g.get(), privateKey);
    return bignumToMinimalBytes(y.get());
}

void DhGroup::checkPublicKey(ByteView publicKey) const {
    (void)decodeElement(publicKey);
}

Bytes DhGroup::importPublicKey(ByteView encoded) const {
    // RFC 3279 §2.3.3 stores y as an INTEGER, whose value may start with a zero octet.
    std::size_t start = 0;
    while (start + 1 < encoded.size() && encoded[start] == 0x00) {
        ++start;
    }
    BignumPtr y = decodeElement(encoded.subspan(start));
    return bignumToMinimalBytes(y.get());
}

SecureBytes DhGroup::multiply(ByteView scalar, ByteView element) const {
    BignumPtr base = decodeElement(element);
    SecretBignumPtr product = power(base.get(), scalar);
    return SecureBytes(bignumToBytes(product.get(), primeSize()));
}

SecureBytes DhGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    // PKCS#3 §8.2: K as an octet string of the byte length of p (ICAO 9303-11 Appendix G.2).
    return multiply(privateKey, publicKey);
}

Bytes DhGroup::compress(ByteView publicKey) const {
    // BSI TR-03110-3 Appendix A.2: Comp(PK) is SHA-1 of the public value.
    return sha1(publicKey);
}

std::unique_ptr<KeyAgreementGroup> DhGroup::mapGeneric(ByteView nonce, ByteView mappingPrivateKey,
                                                       ByteView chipMappingPublicKey) const {
    // h = PK_map,IC ^ SK_map,IFD mod p, then g~ = g^s * h mod p (§4.4.3.3.1).
    BignumPtr chipKey = decodeElement(chipMappingPublicKey);
    SecretBignumPtr h = power(chipKey.get(), mappingPrivateKey);
    SecretBignumPtr gs = power(m_g.get(), nonce);
    BnCtxPtr ctx = newBignumContext();
    BignumPtr mapped = newBignum();
    if (BN_mod_mul(mapped.get(), gs.get(), h.get(), m_p.get(), ctx.get()) != 1) {
        throwOpenSslFailure("PACE: Generic Mapping");
    }
    return withGenerator(std::move(mapped));
}

std::unique_ptr<KeyAgreementGroup> DhGroup::mapIntegrated(ByteView pseudoRandom) const {
    // g~ = f_g(R_p) = R_p ^ ((p-1)/q) mod p (§4.4.3.3.2).
    if (!m_q) {
        throw Error(ErrorCode::NotSupported,
                    "PACE Integrated Mapping with DH needs the subgroup order q");
    }
    BnCtxPtr ctx = newBignumContext();
    SecretBignumPtr x = secretBignumFromBytes(pseudoRandom);
    BignumPtr cofactor = duplicate(m_p.get());
    BignumPtr mapped = newBignum();
    if (BN_nnmod(x.get(), x.get(), m_p.get(), ctx.get()) != 1 ||
        BN_sub_word(cofactor.get(), 1) != 1 ||
        BN_div(cofactor.get(), nullptr, cofactor.get(), m_q.get(), ctx.get()) != 1 ||
        BN_mod_exp(mapped.get(), x.get(), cofactor.get(), m_p.get(), ctx.get()) != 1) {
        throwOpenSslFailure("PACE: Integrated Mapping");
    }
    return withGenerator(std::move(mapped));
}

Bytes DhGroup::generator() const {
    return bignumToBytes(m_g.get(), primeSize());
}

Bytes DhGroup::subgroupOrder() const {
    return m_q ? bignumToMinimalBytes(m_q.get()) : Bytes{};
}

std::unique_ptr<KeyAgreementGroup> DhGroup::withGenerator(BignumPtr generator) const {
    // §4.4.3.3.2: implementations MUST check that g~ != 1; 0 cannot occur for a prime p.
    if (BN_is_zero(generator.get()) || BN_is_one(generator.get())) {
        throw Error(ErrorCode::MalformedData, "PACE: the mapped generator is trivial");
    }
    return std::make_unique<DhGroup>(duplicate(m_p.get()), duplicate(m_q.get()),
                                     std::move(generator));
}

BignumPtr DhGroup::decodeElement(ByteView encoded) const {
    // An unsigned integer in at most the byte length of p (§9.4.3 allows fewer bytes).
    if (encoded.empty() || encoded.size() > primeSize()) {
        throw Error(ErrorCode::MalformedData, "DH: the public value has a wrong length");
    }
    BignumPtr y = bignumFromBytes(encoded);
    // RFC 2631 §2.1.5: 2 <= y <= p-2, and y^q = 1 mod p when q is known.
    BignumPtr upper = duplicate(m_p.get());
    if (BN_sub_word(upper.get(), 2) != 1) {
        throwOpenSslFailure("DH: range");
    }
    if (BN_cmp(y.get(), BN_value_one()) <= 0 || BN_cmp(y.get(), upper.get()) > 0) {
        throw Error(ErrorCode::MalformedData, "DH: the public value is out of range");
    }
    if (m_q) {
        BnCtxPtr ctx = newBignumContext();
        BignumPtr check = newBignum();
        if (BN_mod_exp(check.get(), y.get(), m_q.get(), m_p.get(), ctx.get()) != 1) {
            throwOpenSslFailure("DH: subgroup check");
        }
        if (!BN_is_one(check.get())) {
            throw Error(ErrorCode::MalformedData, "DH: the public value is outside the group");
        }
    }
    return y;
}

SecretBignumPtr DhGroup::power(const BIGNUM* base, ByteView exponent) const {
    SecretBignumPtr x = secretBignumFromBytes(exponent);
    SecretBignumPtr result(BN_secure_new());
    BnCtxPtr ctx = newBignumContext();
    if (!result || BN_mod_exp(result.get(), base, x.get(), m_p.get(), ctx.get()) != 1) {
        throwOpenSslFailure("DH: modular exponentiation");
    }
    return result;
}

} // namespace cccd::crypto
