#include "emulator/profilegen/Keys.h"

#include <array>

#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

using PkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

// ICAO 9303-11 §9.5.1 table 6: IDs 0-2 are the MODP groups with prime order subgroups of
// RFC 5114 §2.1-2.3 (OpenSSL's X9.42 "DHX" groups), 8-18 curves by their OpenSSL names.
constexpr std::array<const char*, 3> DhGroups = {"dh_1024_160", "dh_2048_224", "dh_2048_256"};
constexpr std::array<const char*, 11> Curves = {
    "prime192v1",      "brainpoolP192r1", "secp224r1",       "brainpoolP224r1",
    "prime256v1",      "brainpoolP256r1", "brainpoolP320r1", "secp384r1",
    "brainpoolP384r1", "brainpoolP512r1", "secp521r1"};
constexpr std::uint64_t FirstCurveId = 8;

crypto::EvpPkeyPtr generateDhKey(const char* group) {
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(group), 0),
        OSSL_PARAM_construct_end()};
    EVP_PKEY* key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_params(context.get(), params) != 1 ||
        EVP_PKEY_keygen(context.get(), &key) != 1) {
        crypto::throwOpenSslFailure(std::string("DH key generation in ") + group);
    }
    return crypto::EvpPkeyPtr(key);
}

} // namespace

crypto::EvpPkeyPtr generateEcKey(const std::string& curve) {
    crypto::EvpPkeyPtr key(EVP_EC_gen(curve.c_str()));
    if (!key) {
        crypto::throwOpenSslFailure("EC key generation on " + curve);
    }
    return key;
}

crypto::EvpPkeyPtr generateStandardizedKey(std::uint64_t parameterId) {
    if (parameterId < DhGroups.size()) {
        return generateDhKey(DhGroups[parameterId]);
    }
    if (parameterId >= FirstCurveId && parameterId - FirstCurveId < Curves.size()) {
        return generateEcKey(Curves[parameterId - FirstCurveId]);
    }
    throw Error(ErrorCode::InvalidArgument,
                "no standardized domain parameters with ID " + std::to_string(parameterId));
}

crypto::EvpPkeyPtr generateRsaKey(unsigned bits) {
    crypto::EvpPkeyPtr key(EVP_RSA_gen(bits));
    if (!key) {
        crypto::throwOpenSslFailure("RSA key generation");
    }
    return key;
}

Bytes subjectPublicKeyInfo(EVP_PKEY* key, bool explicitParameters) {
    crypto::EvpPkeyPtr copy;
    if (explicitParameters) {
        // Work on a duplicate so the key itself keeps its named curve.
        copy.reset(EVP_PKEY_dup(key));
        if (!copy || EVP_PKEY_set_utf8_string_param(copy.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                                    OSSL_PKEY_EC_ENCODING_EXPLICIT) != 1) {
            crypto::throwOpenSslFailure("explicit EC parameters");
        }
        key = copy.get();
    }
    int size = i2d_PUBKEY(key, nullptr);
    if (size <= 0) {
        crypto::throwOpenSslFailure("SubjectPublicKeyInfo encoding");
    }
    Bytes der(static_cast<std::size_t>(size));
    unsigned char* out = der.data();
    i2d_PUBKEY(key, &out);
    return der;
}

Bytes explicitDomainParameters(std::uint64_t parameterId) {
    // The algorithm of a SubjectPublicKeyInfo on the group, its first element (RFC 5280
    // §4.1.2.7); the key itself is thrown away.
    crypto::EvpPkeyPtr key = generateStandardizedKey(parameterId);
    Bytes spki = subjectPublicKeyInfo(key.get(), EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_EC);
    std::vector<tlv::Tlv> parts = tlv::children(tlv::parse(spki, 0x30));
    return Bytes(parts.at(0).encoded.begin(), parts.at(0).encoded.end());
}

SecureBytes privateKeyPem(EVP_PKEY* key) {
    crypto::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        crypto::throwOpenSslFailure("private key PEM");
    }
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    SecureBytes pem(
        ByteView(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)));
    return pem;
}

} // namespace cccd::emulator
