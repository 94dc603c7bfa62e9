#include "emulator/profilegen/Keys.h"

#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace cccd::emulator {

crypto::EvpPkeyPtr generateEcKey(const std::string& curve) {
    crypto::EvpPkeyPtr key(EVP_EC_gen(curve.c_str()));
    if (!key) {
        crypto::throwOpenSslFailure("EC key generation on " + curve);
    }
    return key;
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
