#include "crypto/Signature.h"

#include <limits>

#include <openssl/rsa.h>

#include "crypto/EvpDigest.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

namespace {

bool keySuitsScheme(PublicKey::Type key, SignatureScheme scheme) {
    switch (scheme) {
    case SignatureScheme::RsaPkcs1v15:
        return key == PublicKey::Type::Rsa;
    case SignatureScheme::RsaPss:
        return key == PublicKey::Type::Rsa || key == PublicKey::Type::RsaPss;
    case SignatureScheme::Ecdsa:
    case SignatureScheme::EcdsaPlain:
        return key == PublicKey::Type::Ec;
    case SignatureScheme::Dsa:
        return key == PublicKey::Type::Dsa;
    }
    return false;
}

// BSI TR-03111 §5.2.1: the plain format is r || s, each as long as the group order. OpenSSL
// verifies only the DER Ecdsa-Sig-Value of RFC 3279 §2.2.3, so re-encode.
std::optional<Bytes> plainToDer(ByteView plain) {
    if (plain.empty() || plain.size() % 2 != 0 ||
        plain.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return std::nullopt;
    }
    const int half = static_cast<int>(plain.size() / 2);
    BignumPtr r(BN_bin2bn(plain.data(), half, nullptr));
    BignumPtr s(BN_bin2bn(plain.data() + half, half, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
        throwOpenSslFailure("ECDSA plain signature conversion");
    }
    (void)r.release();
    (void)s.release();
    unsigned char* der = nullptr;
    int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0) {
        throwOpenSslFailure("ECDSA signature encoding");
    }
    Bytes out(der, der + length);
    OPENSSL_free(der);
    return out;
}

// RFC 8017 §9.1: the PSS options travel on the key context of the verify operation. They come
// from the signed object, outside any signature: options the key refuses (a salt longer than any
// key, or against an RSASSA-PSS key's own restrictions) mean the signature does not verify.
bool configurePss(EVP_PKEY_CTX* keyContext, const PssParameters& pss) {
    return pss.saltLength <= static_cast<std::size_t>(std::numeric_limits<int>::max()) &&
           EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, evpDigest(pss.mgf1Hash)) > 0 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, static_cast<int>(pss.saltLength)) > 0;
}

} // namespace

bool verifySignature(const PublicKey& key, const SignatureAlgorithm& algorithm, ByteView message,
                     ByteView signature) {
    if (!keySuitsScheme(key.type(), algorithm.scheme) || signature.empty()) {
        return false;
    }
    Bytes encoded(signature.begin(), signature.end());
    if (algorithm.scheme == SignatureScheme::EcdsaPlain) {
        auto der = plainToDer(signature);
        if (!der) {
            return false;
        }
        encoded = std::move(*der);
    }

    EvpMdCtxPtr context(EVP_MD_CTX_new());
    if (!context) {
        throwOpenSslFailure("signature verification setup");
    }
    // Init fails when the key refuses the digest (an RSASSA-PSS key restricted to another hash,
    // domain parameters OpenSSL cannot use): the signature does not verify with this key.
    EVP_PKEY_CTX* keyContext = nullptr; // owned by context
    if (EVP_DigestVerifyInit(context.get(), &keyContext, evpDigest(algorithm.hash), nullptr,
                             key.handle()) != 1 ||
        (algorithm.scheme == SignatureScheme::RsaPss &&
         !configurePss(keyContext, algorithm.pss.value_or(PssParameters{})))) {
        clearOpenSslErrors();
        return false;
    }

    // 1: valid; 0: does not verify; < 0: malformed signature (e.g. bad DER), also a failure.
    int result = EVP_DigestVerify(context.get(), encoded.data(), encoded.size(), message.data(),
                                  message.size());
    clearOpenSslErrors();
    return result == 1;
}

} // namespace cccd::crypto
