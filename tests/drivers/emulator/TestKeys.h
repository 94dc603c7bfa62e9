#pragma once

#include <string>

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <gtest/gtest.h>

#include "base/Bytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::emutest {

/// Private keys of the vectors (raw scalars and public values) as the PKCS#8 PEM that card
/// profiles carry. Test keys only.

using ParamBuildPtr = crypto::OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = crypto::OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using PkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

inline crypto::EvpPkeyPtr keyFromData(const char* type, OSSL_PARAM_BLD* build, int selection) {
    ParamPtr params(OSSL_PARAM_BLD_to_param(build));
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    EXPECT_TRUE(params && context && EVP_PKEY_fromdata_init(context.get()) == 1 &&
                EVP_PKEY_fromdata(context.get(), &key, selection, params.get()) == 1);
    return crypto::EvpPkeyPtr(key);
}

inline std::string privateKeyPem(EVP_PKEY* key) {
    crypto::BioPtr bio(BIO_new(BIO_s_mem()));
    EXPECT_EQ(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr), 1);
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

/// An EC key pair on a named curve ("brainpoolP256r1", "prime256v1", ...).
inline crypto::EvpPkeyPtr ecKey(const std::string& curve, ByteView privateKey,
                                ByteView publicPoint) {
    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    crypto::BignumPtr d(BN_bin2bn(privateKey.data(), static_cast<int>(privateKey.size()), nullptr));
    OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve.c_str(), 0);
    OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get());
    OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, publicPoint.data(),
                                     publicPoint.size());
    return keyFromData("EC", build.get(), EVP_PKEY_KEYPAIR);
}

/// A DH key pair (X9.42) in a named group ("dh_1024_160", "dh_2048_256", ...).
inline crypto::EvpPkeyPtr dhKey(const std::string& group, ByteView privateKey,
                                ByteView publicValue) {
    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    crypto::BignumPtr x(BN_bin2bn(privateKey.data(), static_cast<int>(privateKey.size()), nullptr));
    crypto::BignumPtr y(
        BN_bin2bn(publicValue.data(), static_cast<int>(publicValue.size()), nullptr));
    OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.c_str(), 0);
    OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PRIV_KEY, x.get());
    OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PUB_KEY, y.get());
    return keyFromData("DHX", build.get(), EVP_PKEY_KEYPAIR);
}

/// A fresh key of the given type ("EC" with a curve, "DHX" with a group, "RSA" with bits).
inline crypto::EvpPkeyPtr generatedKey(const char* type, const std::string& groupOrCurve,
                                       unsigned rsaBits = 0) {
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EXPECT_EQ(EVP_PKEY_keygen_init(context.get()), 1);
    if (rsaBits != 0) {
        EXPECT_EQ(EVP_PKEY_CTX_set_rsa_keygen_bits(context.get(), static_cast<int>(rsaBits)), 1);
    } else {
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                             const_cast<char*>(groupOrCurve.c_str()), 0),
            OSSL_PARAM_construct_end()};
        EXPECT_EQ(EVP_PKEY_CTX_set_params(context.get(), params), 1);
    }
    EVP_PKEY* key = nullptr;
    EXPECT_EQ(EVP_PKEY_keygen(context.get(), &key), 1);
    return crypto::EvpPkeyPtr(key);
}

/// The public value as it travels in Chip Authentication: 04 || x || y, or y for DH.
inline Bytes encodedPublicKey(EVP_PKEY* key) {
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC) {
        std::size_t size = 0;
        EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &size);
        Bytes point(size);
        EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point.data(), size, &size);
        return point;
    }
    BIGNUM* y = nullptr;
    EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PUB_KEY, &y);
    crypto::BignumPtr owned(y);
    Bytes value(static_cast<std::size_t>(BN_num_bytes(y)));
    BN_bn2bin(y, value.data());
    return value;
}

/// The terminal's side of the key agreement, independent of the card's code: OpenSSL's derive
/// with the peer's public value, DH padded to the modulus.
inline Bytes terminalSharedSecret(EVP_PKEY* terminal, EVP_PKEY* chipPublic) {
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, terminal, nullptr));
    EXPECT_EQ(EVP_PKEY_derive_init(context.get()), 1);
    if (EVP_PKEY_get_base_id(terminal) != EVP_PKEY_EC) {
        EXPECT_EQ(EVP_PKEY_CTX_set_dh_pad(context.get(), 1), 1);
    }
    EXPECT_EQ(EVP_PKEY_derive_set_peer(context.get(), chipPublic), 1);
    std::size_t size = 0;
    EXPECT_EQ(EVP_PKEY_derive(context.get(), nullptr, &size), 1);
    Bytes secret(size);
    EXPECT_EQ(EVP_PKEY_derive(context.get(), secret.data(), &size), 1);
    secret.resize(size);
    return secret;
}

} // namespace cccd::emutest
