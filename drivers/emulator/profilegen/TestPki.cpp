#include "emulator/profilegen/TestPki.h"

#include <utility>
#include <vector>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "emulator/profilegen/Keys.h"

namespace cccd::emulator {

namespace {

using NameEntries = std::vector<std::pair<const char*, const char*>>;

struct CertificateTemplate {
    NameEntries subject;
    const char* notBefore; ///< GeneralizedTime text; OpenSSL writes UTCTime before 2050
    const char* notAfter;
    bool certificateAuthority;
    const char* keyUsage;
};

void check(int ok, const char* step) {
    if (ok != 1) {
        crypto::throwOpenSslFailure(step);
    }
}

void addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value) {
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, context, nid, value);
    if (extension == nullptr) {
        crypto::throwOpenSslFailure("certificate extension");
    }
    int ok = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    check(ok, "add certificate extension");
}

void setName(X509_NAME* name, const NameEntries& entries) {
    for (const auto& [field, value] : entries) {
        check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char*>(value), -1, -1, 0),
              "certificate name");
    }
}

void setRandomSerial(X509* certificate) {
    unsigned char bytes[8];
    check(RAND_bytes(bytes, sizeof bytes), "serial number");
    bytes[0] &= 0x7F; // positive (RFC 5280 §4.1.2.2)
    crypto::BignumPtr serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!serial ||
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) == nullptr) {
        crypto::throwOpenSslFailure("serial number");
    }
}

// An X.509 v3 certificate (RFC 5280) for subjectKey, signed with ECDSA-SHA384 by the issuer;
// issuer null: self-signed.
crypto::X509Ptr issue(const CertificateTemplate& tpl, EVP_PKEY* subjectKey, X509* issuer,
                      EVP_PKEY* issuerKey) {
    crypto::X509Ptr certificate(X509_new());
    if (!certificate) {
        crypto::throwOpenSslFailure("X509_new");
    }
    X509* cert = certificate.get();
    check(X509_set_version(cert, 2), "certificate version");
    setRandomSerial(cert);
    setName(X509_get_subject_name(cert), tpl.subject);
    check(X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer)
                                                       : X509_get_subject_name(cert)),
          "issuer name");
    check(ASN1_TIME_set_string_X509(X509_getm_notBefore(cert), tpl.notBefore), "notBefore");
    check(ASN1_TIME_set_string_X509(X509_getm_notAfter(cert), tpl.notAfter), "notAfter");
    check(X509_set_pubkey(cert, subjectKey), "public key");

    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer != nullptr ? issuer : cert, cert, nullptr, nullptr, 0);
    addExtension(cert, &context, NID_subject_key_identifier, "hash");
    addExtension(cert, &context, NID_authority_key_identifier, "keyid:always");
    addExtension(cert, &context, NID_key_usage, tpl.keyUsage);
    if (tpl.certificateAuthority) {
        addExtension(cert, &context, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    }
    if (X509_sign(cert, issuerKey, EVP_sha384()) <= 0) {
        crypto::throwOpenSslFailure("certificate signature");
    }
    return certificate;
}

std::string pem(X509* certificate) {
    crypto::BioPtr bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_X509(bio.get(), certificate), "certificate PEM");
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

} // namespace

TestPki TestPki::generate() {
    TestPki pki;
    pki.cscaKey = generateEcKey("P-384");
    pki.csca = issue({{{"C", "VN"},
                       {"O", "CCCD SDK Test PKI"},
                       {"CN", "CSCA Test Vietnam"},
                       {"serialNumber", "001"}},
                      "20200101000000Z",
                      "20451231235959Z",
                      true,
                      "critical,keyCertSign,cRLSign"},
                     pki.cscaKey.get(), nullptr, pki.cscaKey.get());

    pki.documentSignerKey = generateEcKey("brainpoolP384r1");
    pki.documentSigner = issue({{{"C", "VN"},
                                 {"O", "CCCD SDK Test PKI"},
                                 {"OU", "Test Document Signer"},
                                 {"CN", "Document Signer Test 00001"}},
                                "20200601000000Z",
                                "20401231235959Z",
                                false,
                                "critical,digitalSignature"},
                               pki.documentSignerKey.get(), pki.csca.get(), pki.cscaKey.get());
    return pki;
}

std::string TestPki::cscaPem() const {
    return pem(csca.get());
}

std::string TestPki::documentSignerPem() const {
    return pem(documentSigner.get());
}

} // namespace cccd::emulator
