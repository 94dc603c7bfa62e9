#pragma once

// Card profiles and replay helpers for the PACE worked examples of ICAO 9303-11 Appendices G, H
// and I (shared/spec/vectors/icao-pace-*.json): the card gets the example's password and, through
// its random source, the chip's nonce and private keys in the order PaceResponder documents.

#include <stdexcept>
#include <string>

#include <openssl/core_names.h>
#include <openssl/pem.h>

#include "TestProfiles.h"
#include "crypto/OpenSslPtr.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "support/TestData.h"

namespace cccd::emutest {

inline std::string text(const nlohmann::json& object, const char* key) {
    return object.at(key).get<std::string>();
}

/// A card offering one PACE option, with the passwords given (either may be empty), no BAC and
/// the sample files.
inline CardProfile paceProfile(const std::string& protocol, std::uint64_t parameterId,
                               const std::string& mrzInformation, const std::string& can) {
    CardProfile profile = sampleProfile();
    profile.name = "pace-test";
    profile.mrzInformation = SecureBytes(toBytes(mrzInformation));
    profile.can = SecureBytes(toBytes(can));
    profile.bac = false;
    profile.pace = {{protocol, parameterId}};
    return profile;
}

/// An unencrypted PKCS#8 PEM of an EC key given by its curve, private scalar and public point
/// (for the static key of PACE-CAM).
inline SecureBytes ecPrivateKeyPem(const char* curve, ByteView privateKey, ByteView publicKey) {
    // OSSL_PARAM_construct_BN takes the integer in native byte order.
    crypto::BignumPtr scalar(
        BN_bin2bn(privateKey.data(), static_cast<int>(privateKey.size()), nullptr));
    Bytes native(privateKey.size());
    BN_bn2nativepad(scalar.get(), native.data(), static_cast<int>(native.size()));
    Bytes point(publicKey.begin(), publicKey.end());
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(curve), 0),
        OSSL_PARAM_construct_BN(OSSL_PKEY_PARAM_PRIV_KEY, native.data(), native.size()),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
        OSSL_PARAM_construct_end()};

    using EvpPkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
    EvpPkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_KEYPAIR, params) != 1) {
        throw std::runtime_error("EC key from data");
    }
    crypto::EvpPkeyPtr key(raw);
    crypto::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
        1) {
        throw std::runtime_error("PEM_write_bio_PrivateKey");
    }
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return SecureBytes(
        ByteView(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)));
}

inline std::uint16_t swOf(ByteView response) {
    return static_cast<std::uint16_t>((response[response.size() - 2] << 8) | response.back());
}

} // namespace cccd::emutest
