#include "emulator/card/PaceDhGroup.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "base/Error.h"
#include "crypto/Bignum.h"
#include "emulator/card/Bignum.h"

namespace cccd::emulator {

namespace {

using EvpPkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

crypto::BnCtxPtr newContext() {
    crypto::BnCtxPtr context(BN_CTX_new());
    if (!context) {
        crypto::throwOpenSslFailure("BN_CTX_new");
    }
    return context;
}

crypto::BignumPtr parameter(const EVP_PKEY* key, const char* name) {
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
        crypto::throwOpenSslFailure("DH domain parameter");
    }
    return crypto::BignumPtr(value);
}

} // namespace

PaceDhGroup::PaceDhGroup(const char* groupName) {
    EvpPkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                                            const_cast<char*>(groupName), 0),
                           OSSL_PARAM_construct_end()};
    EVP_PKEY* generated = nullptr;
    if (!context || EVP_PKEY_paramgen_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_params(context.get(), params) != 1 ||
        EVP_PKEY_paramgen(context.get(), &generated) != 1) {
        crypto::throwOpenSslFailure("DH group");
    }
    crypto::EvpPkeyPtr key(generated);
    m_p = parameter(key.get(), OSSL_PKEY_PARAM_FFC_P);
    m_q = parameter(key.get(), OSSL_PKEY_PARAM_FFC_Q);
    m_generator = parameter(key.get(), OSSL_PKEY_PARAM_FFC_G);
    m_size = crypto::bignumByteSize(m_p.get());
}

crypto::BignumPtr PaceDhGroup::power(const BIGNUM* base, const BIGNUM* exponent) const {
    crypto::BignumPtr result = crypto::newBignum();
    crypto::BnCtxPtr context = newContext();
    if (BN_mod_exp(result.get(), base, exponent, m_p.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("BN_mod_exp");
    }
    return result;
}

Bytes PaceDhGroup::publicKey(ByteView privateKey) const {
    crypto::SecretBignumPtr x = crypto::secretBignumFromBytes(privateKey);
    return crypto::bignumToBytes(power(m_generator.get(), x.get()).get(), m_size);
}

// ICAO 9303-11 §4.4.3 / BSI TR-03110-3 A.2.2: 1 < y < p - 1 and y^q = 1 (the subgroup).
bool PaceDhGroup::isValidPublicKey(ByteView publicKey) const {
    if (publicKey.empty() || publicKey.size() > m_size) {
        return false;
    }
    crypto::BignumPtr y = crypto::bignumFromBytes(publicKey);
    crypto::BignumPtr pMinusOne = crypto::newBignum();
    if (BN_sub(pMinusOne.get(), m_p.get(), BN_value_one()) != 1) {
        crypto::throwOpenSslFailure("BN_sub");
    }
    if (BN_cmp(y.get(), BN_value_one()) <= 0 || BN_cmp(y.get(), pMinusOne.get()) >= 0) {
        return false;
    }
    return BN_is_one(power(y.get(), m_q.get()).get()) == 1;
}

SecureBytes PaceDhGroup::agree(ByteView privateKey, ByteView publicKey) const {
    if (!isValidPublicKey(publicKey)) {
        throw Error(ErrorCode::InvalidArgument, "PACE: not an element of the DH group");
    }
    crypto::SecretBignumPtr x = crypto::secretBignumFromBytes(privateKey);
    crypto::BignumPtr y = crypto::bignumFromBytes(publicKey);
    return toSecureBytes(power(y.get(), x.get()).get(), m_size);
}

SecureBytes PaceDhGroup::sharedSecret(ByteView privateKey, ByteView publicKey) const {
    return agree(privateKey, publicKey);
}

void PaceDhGroup::mapGeneric(ByteView nonce, ByteView mappingSecret) {
    crypto::SecretBignumPtr s = crypto::secretBignumFromBytes(nonce);
    crypto::BignumPtr h = crypto::bignumFromBytes(mappingSecret);
    crypto::BignumPtr mapped = power(m_generator.get(), s.get());
    crypto::BnCtxPtr context = newContext();
    if (BN_mod_mul(mapped.get(), mapped.get(), h.get(), m_p.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("BN_mod_mul");
    }
    if (BN_is_one(mapped.get()) == 1) {
        throw Error(ErrorCode::InvalidArgument, "PACE: mapped generator is 1");
    }
    m_generator = std::move(mapped);
}

// ICAO 9303-11 §4.4.3.3.2: g~ = R_p^((p-1)/q) mod p with R_p = R(s,t) mod p.
bool PaceDhGroup::mapIntegrated(ByteView prfOutput) {
    crypto::BnCtxPtr context = newContext();
    crypto::SecretBignumPtr r = crypto::secretBignumFromBytes(prfOutput);
    crypto::BignumPtr reduced = crypto::newBignum();
    crypto::BignumPtr exponent = crypto::newBignum();
    crypto::BignumPtr remainder = crypto::newBignum();
    if (BN_nnmod(reduced.get(), r.get(), m_p.get(), context.get()) != 1 ||
        BN_sub(exponent.get(), m_p.get(), BN_value_one()) != 1 ||
        BN_div(exponent.get(), remainder.get(), exponent.get(), m_q.get(), context.get()) != 1) {
        crypto::throwOpenSslFailure("DH Integrated Mapping");
    }
    crypto::BignumPtr mapped = power(reduced.get(), exponent.get());
    if (BN_is_one(mapped.get()) == 1 || BN_is_zero(mapped.get()) == 1) {
        return false;
    }
    m_generator = std::move(mapped);
    return true;
}

std::size_t PaceDhGroup::fieldBits() const {
    return static_cast<std::size_t>(BN_num_bits(m_p.get()));
}

Bytes PaceDhGroup::order() const {
    return crypto::bignumToBytes(m_q.get(), crypto::bignumByteSize(m_q.get()));
}

Bytes PaceDhGroup::generator() const {
    return crypto::bignumToBytes(m_generator.get(), m_size);
}

Bytes PaceDhGroup::prime() const {
    return crypto::bignumToBytes(m_p.get(), m_size);
}

} // namespace cccd::emulator
