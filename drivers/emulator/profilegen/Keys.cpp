#include "emulator/profilegen/Keys.h"

#include <array>
#include <map>

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

using PkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using ParamBldPtr = crypto::OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = crypto::OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using Scheme = SignatureSpec::Scheme;

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

// The OIDs of RFC 5754 §2 (digests), RFC 8017 Appendix C, RFC 5758 §3.1-3.2, RFC 3279 §2.2
// and BSI TR-03111 §5.2.1, by scheme and digest.
const std::map<std::string, std::string> DigestOids = {
    {"md5", "1.2.840.113549.2.5"},        {"sha1", "1.3.14.3.2.26"},
    {"sha224", "2.16.840.1.101.3.4.2.4"}, {"sha256", "2.16.840.1.101.3.4.2.1"},
    {"sha384", "2.16.840.1.101.3.4.2.2"}, {"sha512", "2.16.840.1.101.3.4.2.3"}};

const std::map<std::pair<Scheme, std::string>, std::string> SignatureOids = {
    {{Scheme::RsaPkcs1v15, "md5"}, "1.2.840.113549.1.1.4"},
    {{Scheme::RsaPkcs1v15, "sha1"}, "1.2.840.113549.1.1.5"},
    {{Scheme::RsaPkcs1v15, "sha224"}, "1.2.840.113549.1.1.14"},
    {{Scheme::RsaPkcs1v15, "sha256"}, "1.2.840.113549.1.1.11"},
    {{Scheme::RsaPkcs1v15, "sha384"}, "1.2.840.113549.1.1.12"},
    {{Scheme::RsaPkcs1v15, "sha512"}, "1.2.840.113549.1.1.13"},
    {{Scheme::Ecdsa, "sha1"}, "1.2.840.10045.4.1"},
    {{Scheme::Ecdsa, "sha224"}, "1.2.840.10045.4.3.1"},
    {{Scheme::Ecdsa, "sha256"}, "1.2.840.10045.4.3.2"},
    {{Scheme::Ecdsa, "sha384"}, "1.2.840.10045.4.3.3"},
    {{Scheme::Ecdsa, "sha512"}, "1.2.840.10045.4.3.4"},
    {{Scheme::EcdsaPlain, "sha1"}, "0.4.0.127.0.7.1.1.4.1.1"},
    {{Scheme::EcdsaPlain, "sha224"}, "0.4.0.127.0.7.1.1.4.1.2"},
    {{Scheme::EcdsaPlain, "sha256"}, "0.4.0.127.0.7.1.1.4.1.3"},
    {{Scheme::EcdsaPlain, "sha384"}, "0.4.0.127.0.7.1.1.4.1.4"},
    {{Scheme::EcdsaPlain, "sha512"}, "0.4.0.127.0.7.1.1.4.1.5"},
    {{Scheme::Dsa, "sha1"}, "1.2.840.10040.4.3"},
    {{Scheme::Dsa, "sha224"}, "2.16.840.1.101.3.4.3.1"},
    {{Scheme::Dsa, "sha256"}, "2.16.840.1.101.3.4.3.2"}};

constexpr const char* RsaEncryptionOid = "1.2.840.113549.1.1.1";
constexpr const char* RsaSsaPssOid = "1.2.840.113549.1.1.10";
constexpr const char* Mgf1Oid = "1.2.840.113549.1.1.8";
const Bytes Null{0x05, 0x00};

const EVP_MD* messageDigest(const std::string& digest) {
    const EVP_MD* md = EVP_get_digestbyname(digest.c_str());
    if (md == nullptr) {
        throw Error(ErrorCode::InvalidArgument, "no digest " + digest);
    }
    return md;
}

Bytes algorithm(const std::string& oid, ByteView parameters = {}) {
    Bytes contents = crypto::encodeOidObject(oid);
    append(contents, parameters);
    return tlv::encode(0x30, contents);
}

// RSASSA-PSS-params (RFC 4055 §3.1): hash, MGF1 with that hash, salt of its length; the
// trailer field keeps its default.
Bytes pssParameters(const std::string& digest) {
    Bytes hash = algorithm(DigestOids.at(digest), Null);
    Bytes fields = tlv::encode(0xA0, hash);
    append(fields, tlv::encode(0xA1, algorithm(Mgf1Oid, hash)));
    auto saltLength = static_cast<std::uint64_t>(EVP_MD_get_size(messageDigest(digest)));
    append(fields, tlv::encode(0xA2, tlv::encodeInteger(saltLength)));
    return tlv::encode(0x30, fields);
}

// Ecdsa-Sig-Value (RFC 3279 §2.2.3) to r || s, each as long as the group order (BSI TR-03111
// §5.2.1).
Bytes plainSignature(ByteView der, EVP_PKEY* key) {
    const unsigned char* cursor = der.data();
    crypto::EcdsaSigPtr signature(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
    if (!signature) {
        crypto::throwOpenSslFailure("ECDSA signature");
    }
    auto size = static_cast<std::size_t>((EVP_PKEY_get_bits(key) + 7) / 8);
    Bytes out(2 * size);
    if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), out.data(), static_cast<int>(size)) < 0 ||
        BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), out.data() + size, static_cast<int>(size)) <
            0) {
        crypto::throwOpenSslFailure("plain ECDSA signature");
    }
    return out;
}

} // namespace

crypto::EvpPkeyPtr generateDsaKey(std::uint64_t parameterId) {
    if (parameterId >= DhGroups.size()) {
        throw Error(ErrorCode::InvalidArgument,
                    "no DSA group with ID " + std::to_string(parameterId));
    }
    crypto::EvpPkeyPtr group = generateDhKey(DhGroups[parameterId]);
    BIGNUM* p = nullptr;
    BIGNUM* q = nullptr;
    BIGNUM* g = nullptr;
    bool read = EVP_PKEY_get_bn_param(group.get(), OSSL_PKEY_PARAM_FFC_P, &p) == 1 &&
                EVP_PKEY_get_bn_param(group.get(), OSSL_PKEY_PARAM_FFC_Q, &q) == 1 &&
                EVP_PKEY_get_bn_param(group.get(), OSSL_PKEY_PARAM_FFC_G, &g) == 1;
    crypto::BignumPtr ownP(p), ownQ(q), ownG(g);
    ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!read || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_FFC_P, p) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_FFC_Q, q) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_FFC_G, g) != 1) {
        crypto::throwOpenSslFailure("DSA domain parameters");
    }
    ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyCtxPtr fromData(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
    EVP_PKEY* domain = nullptr;
    if (!params || !fromData || EVP_PKEY_fromdata_init(fromData.get()) != 1 ||
        EVP_PKEY_fromdata(fromData.get(), &domain, EVP_PKEY_KEY_PARAMETERS, params.get()) != 1) {
        crypto::throwOpenSslFailure("DSA domain parameters");
    }
    crypto::EvpPkeyPtr ownDomain(domain);
    PkeyCtxPtr generator(EVP_PKEY_CTX_new_from_pkey(nullptr, domain, nullptr));
    EVP_PKEY* key = nullptr;
    if (!generator || EVP_PKEY_keygen_init(generator.get()) != 1 ||
        EVP_PKEY_keygen(generator.get(), &key) != 1) {
        crypto::throwOpenSslFailure("DSA key generation");
    }
    return crypto::EvpPkeyPtr(key);
}

Bytes digestAlgorithmIdentifier(const std::string& digest) {
    auto oid = DigestOids.find(digest);
    if (oid == DigestOids.end()) {
        throw Error(ErrorCode::InvalidArgument, "no OID for digest " + digest);
    }
    return algorithm(oid->second);
}

Bytes signatureAlgorithmIdentifier(const SignatureSpec& spec) {
    if (spec.scheme == Scheme::RsaPss) {
        return algorithm(RsaSsaPssOid, pssParameters(spec.digest));
    }
    if (spec.scheme == Scheme::RsaPkcs1v15 && spec.rsaEncryptionOid) {
        return algorithm(RsaEncryptionOid, Null);
    }
    auto oid = SignatureOids.find({spec.scheme, spec.digest});
    if (oid == SignatureOids.end()) {
        throw Error(ErrorCode::InvalidArgument, "no signature OID with digest " + spec.digest);
    }
    return spec.scheme == Scheme::RsaPkcs1v15 ? algorithm(oid->second, Null)
                                              : algorithm(oid->second);
}

Bytes signMessage(EVP_PKEY* key, const SignatureSpec& spec, ByteView message) {
    crypto::EvpMdCtxPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr;
    if (!context || EVP_DigestSignInit(context.get(), &keyContext, messageDigest(spec.digest),
                                       nullptr, key) != 1) {
        crypto::throwOpenSslFailure("signature with " + spec.digest);
    }
    if (spec.scheme == Scheme::RsaPss &&
        (EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1)) {
        crypto::throwOpenSslFailure("RSASSA-PSS parameters");
    }
    std::size_t size = 0;
    if (EVP_DigestSign(context.get(), nullptr, &size, message.data(), message.size()) != 1) {
        crypto::throwOpenSslFailure("signature size");
    }
    Bytes signature(size);
    if (EVP_DigestSign(context.get(), signature.data(), &size, message.data(), message.size()) !=
        1) {
        crypto::throwOpenSslFailure("signature");
    }
    signature.resize(size);
    return spec.scheme == Scheme::EcdsaPlain ? plainSignature(signature, key) : signature;
}

Bytes digestOf(const std::string& digest, ByteView message) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (EVP_Digest(message.data(), message.size(), out.data(), &size, messageDigest(digest),
                   nullptr) != 1) {
        crypto::throwOpenSslFailure("digest " + digest);
    }
    out.resize(size);
    return out;
}

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
