#pragma once

// Certificates and EF.SODs with the algorithms of the crypto field cases (RSASSA-PSS with its
// own hash, EC keys with explicit domain parameters), made with OpenSSL in the test: the
// reader under test only verifies them.

#include <optional>
#include <string>

#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "base/Bytes.h"
#include "crypto/OpenSslPtr.h"
#include "tlv/Tlv.h"

namespace cccd::fieldcase {

inline void check(int ok, const char* step) {
    if (ok != 1) {
        crypto::throwOpenSslFailure(step);
    }
}

/// A copy of an EC key whose SubjectPublicKeyInfo spells the domain parameters out
/// (ECParameters, RFC 3279 §2.3.5) instead of naming the curve.
inline crypto::EvpPkeyPtr withExplicitParameters(EVP_PKEY* key) {
    crypto::EvpPkeyPtr copy(EVP_PKEY_dup(key));
    check(copy ? EVP_PKEY_set_utf8_string_param(copy.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                                OSSL_PKEY_EC_ENCODING_EXPLICIT)
               : 0,
          "explicit EC parameters");
    return copy;
}

/// An X.509 v3 certificate named `commonName` for subjectKey, issued by `issuer` with
/// issuerKey (both null: self-signed), valid 2020-2040, signed with SHA-256.
inline crypto::X509Ptr issueCertificate(const std::string& commonName, long serial,
                                        EVP_PKEY* subjectKey, X509* issuer, EVP_PKEY* issuerKey) {
    crypto::X509Ptr certificate(X509_new());
    X509* cert = certificate.get();
    check(cert != nullptr ? X509_set_version(cert, 2) : 0, "certificate version");
    check(ASN1_INTEGER_set(X509_get_serialNumber(cert), serial), "serial number");
    X509_NAME* name = X509_get_subject_name(cert);
    check(X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("VN"), -1, -1, 0),
          "country");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(commonName.c_str()), -1,
                                     -1, 0),
          "common name");
    check(X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer) : name),
          "issuer");
    check(ASN1_TIME_set_string_X509(X509_getm_notBefore(cert), "20200101000000Z"), "notBefore");
    check(ASN1_TIME_set_string_X509(X509_getm_notAfter(cert), "20400101000000Z"), "notAfter");
    check(X509_set_pubkey(cert, subjectKey), "public key");
    // The ICAO 9303-12 §7.1.1 profile the reader holds a Document Signer to: a critical
    // keyUsage and the issuer's key identifier; a CSCA gets its own identifier and CA rights.
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer != nullptr ? issuer : cert, cert, nullptr, nullptr, 0);
    auto extend = [&](int nid, const char* value) {
        X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        check(extension != nullptr ? X509_add_ext(cert, extension, -1) : 0, "extension");
        X509_EXTENSION_free(extension);
    };
    if (issuer == nullptr) {
        extend(NID_subject_key_identifier, "hash");
        extend(NID_basic_constraints, "critical,CA:TRUE");
        extend(NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        extend(NID_authority_key_identifier, "keyid:always");
        extend(NID_key_usage, "critical,digitalSignature");
    }
    check(X509_sign(cert, issuerKey != nullptr ? issuerKey : subjectKey, EVP_sha256()) > 0 ? 1 : 0,
          "certificate signature");
    return certificate;
}

inline Bytes derOf(X509* certificate) {
    int size = i2d_X509(certificate, nullptr);
    Bytes der(static_cast<std::size_t>(size > 0 ? size : 0));
    unsigned char* out = der.data();
    i2d_X509(certificate, &out);
    return der;
}

/// RSASSA-PSS parameters for the SignerInfo (RFC 4055 §3.1): hash and MGF1 hash are the
/// SignerInfo's digest.
struct PssSigning {
    int saltLength = 0;
};

/// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData of the LDSSecurityObject,
/// signed by `signer` with the digest `digest`; with pss, RSASSA-PSS instead of the key's
/// default scheme.
inline Bytes signSod(ByteView ldsSecurityObject, X509* signer, EVP_PKEY* signerKey,
                     const EVP_MD* digest, std::optional<PssSigning> pss = std::nullopt) {
    constexpr unsigned Flags = CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL;
    using CmsPtr = crypto::OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, Flags));
    ASN1_OBJECT* type = OBJ_txt2obj("2.23.136.1.1.1", 1); // ICAO 9303-10 §4.6.2.1
    check(cms && type != nullptr ? CMS_set1_eContentType(cms.get(), type) : 0, "eContentType");
    ASN1_OBJECT_free(type);
    CMS_SignerInfo* info =
        CMS_add1_signer(cms.get(), signer, signerKey, digest, Flags | (pss ? CMS_KEY_PARAM : 0u));
    check(info != nullptr ? 1 : 0, "CMS signer");
    if (pss) {
        EVP_PKEY_CTX* context = CMS_SignerInfo_get0_pkey_ctx(info);
        check(EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) > 0 ? 1 : 0,
              "PSS padding");
        check(EVP_PKEY_CTX_set_rsa_pss_saltlen(context, pss->saltLength) > 0 ? 1 : 0, "PSS salt");
        check(EVP_PKEY_CTX_set_rsa_mgf1_md(context, digest) > 0 ? 1 : 0, "PSS MGF1");
    }
    crypto::BioPtr input(
        BIO_new_mem_buf(ldsSecurityObject.data(), static_cast<int>(ldsSecurityObject.size())));
    check(input ? CMS_final(cms.get(), input.get(), nullptr, Flags) : 0, "CMS signature");
    int size = i2d_CMS_ContentInfo(cms.get(), nullptr);
    Bytes der(static_cast<std::size_t>(size > 0 ? size : 0));
    unsigned char* out = der.data();
    i2d_CMS_ContentInfo(cms.get(), &out);
    return tlv::encode(0x77, der);
}

} // namespace cccd::fieldcase
