#include "emulator/profilegen/TestPki.h"

#include <utility>
#include <vector>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "base/Error.h"
#include "emulator/profilegen/Keys.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

struct CertificateTemplate {
    NameEntries subject;
    std::string notBefore; ///< GeneralizedTime text; OpenSSL writes UTCTime before 2050
    std::string notAfter;
    bool certificateAuthority;
    std::string keyUsage; ///< empty: no keyUsage extension
    bool authorityKeyIdentifier = true;
    NameEntries issuerName; ///< empty: the issuer's subject
};

// The fields of tbsCertificate (RFC 5280 §4.1) by position, and of Certificate.
constexpr std::size_t TbsSignatureField = 2;
constexpr std::size_t TbsIssuerField = 3;
constexpr std::size_t TbsSerialField = 1;
constexpr std::uint32_t ExtensionsTag = 0xA3;

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
        check(X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                         reinterpret_cast<const unsigned char*>(value.c_str()), -1,
                                         -1, 0),
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

// An X.509 v3 certificate (RFC 5280) for subjectKey, signed with `digest` by the issuer;
// issuer null: self-signed.
crypto::X509Ptr issue(const CertificateTemplate& tpl, EVP_PKEY* subjectKey, X509* issuer,
                      EVP_PKEY* issuerKey, const EVP_MD* digest = EVP_sha384()) {
    crypto::X509Ptr certificate(X509_new());
    if (!certificate) {
        crypto::throwOpenSslFailure("X509_new");
    }
    X509* cert = certificate.get();
    check(X509_set_version(cert, 2), "certificate version");
    setRandomSerial(cert);
    setName(X509_get_subject_name(cert), tpl.subject);
    if (!tpl.issuerName.empty()) {
        setName(X509_get_issuer_name(cert), tpl.issuerName);
    } else {
        check(X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer)
                                                           : X509_get_subject_name(cert)),
              "issuer name");
    }
    check(ASN1_TIME_set_string_X509(X509_getm_notBefore(cert), tpl.notBefore.c_str()), "notBefore");
    check(ASN1_TIME_set_string_X509(X509_getm_notAfter(cert), tpl.notAfter.c_str()), "notAfter");
    check(X509_set_pubkey(cert, subjectKey), "public key");

    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer != nullptr ? issuer : cert, cert, nullptr, nullptr, 0);
    addExtension(cert, &context, NID_subject_key_identifier, "hash");
    if (tpl.authorityKeyIdentifier) {
        addExtension(cert, &context, NID_authority_key_identifier, "keyid:always");
    }
    if (!tpl.keyUsage.empty()) {
        addExtension(cert, &context, NID_key_usage, tpl.keyUsage.c_str());
    }
    if (tpl.certificateAuthority) {
        addExtension(cert, &context, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    }
    if (X509_sign(cert, issuerKey, digest) <= 0) {
        crypto::throwOpenSslFailure("certificate signature");
    }
    return certificate;
}

Bytes derOf(X509* certificate) {
    int size = i2d_X509(certificate, nullptr);
    if (size <= 0) {
        crypto::throwOpenSslFailure("certificate encoding");
    }
    Bytes der(static_cast<std::size_t>(size));
    unsigned char* out = der.data();
    i2d_X509(certificate, &out);
    return der;
}

crypto::X509Ptr x509Of(ByteView der) {
    const unsigned char* cursor = der.data();
    crypto::X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!certificate) {
        crypto::throwOpenSslFailure("issuer certificate");
    }
    return certificate;
}

// extensions [3] EXPLICIT SEQUENCE OF Extension, with the edit applied.
void editExtensions(std::vector<Bytes>& tbsFields, const CertificateSpec& spec) {
    if (!spec.editExtensions) {
        return;
    }
    for (Bytes& field : tbsFields) {
        if (field.at(0) == ExtensionsTag) {
            std::vector<Bytes> extensions = tlv::encodedChildren(tlv::parse(field).value);
            spec.editExtensions(extensions);
            field = tlv::encode(ExtensionsTag, tlv::encode(0x30, concat(extensions)));
        }
    }
}

std::string pem(X509* certificate) {
    crypto::BioPtr bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_X509(bio.get(), certificate), "certificate PEM");
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

} // namespace

IssuedCertificate issueCertificate(const CertificateSpec& spec, EVP_PKEY* subjectKey,
                                   const IssuedCertificate* issuer, EVP_PKEY* issuerKey) {
    // OpenSSL writes names, keys and extensions; the signature is made here, with any scheme.
    crypto::X509Ptr issuerCertificate = issuer != nullptr ? x509Of(issuer->der) : nullptr;
    CertificateTemplate tpl{spec.subject,   spec.notBefore,
                            spec.notAfter,  spec.certificateAuthority,
                            spec.keyUsage,  spec.authorityKeyIdentifier,
                            spec.issuerName};
    crypto::X509Ptr draft =
        issue(tpl, subjectKey, issuerCertificate.get(), issuerKey, EVP_sha256());

    IssuedCertificate out;
    if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(draft.get())) {
        const unsigned char* data = ASN1_STRING_get0_data(ski);
        out.subjectKeyIdentifier.assign(data, data + ASN1_STRING_length(ski));
    }
    Bytes draftDer = derOf(draft.get());
    std::vector<Bytes> tbsFields = tlv::encodedChildren(tlv::encodedChildren(draftDer).at(0));
    Bytes algorithm = signatureAlgorithmIdentifier(spec.signature);
    tbsFields.at(TbsSignatureField) = algorithm;
    Bytes sid = tbsFields.at(TbsIssuerField);
    append(sid, tbsFields.at(TbsSerialField));
    out.issuerAndSerialNumber = tlv::encode(0x30, sid);

    editExtensions(tbsFields, spec);
    if (spec.editTbsCertificate) {
        spec.editTbsCertificate(tbsFields);
    }
    Bytes tbs = tlv::encode(0x30, concat(tbsFields));
    Bytes signatureValue{0x00}; // no unused bits
    append(signatureValue, signMessage(issuerKey, spec.signature, tbs));
    std::vector<Bytes> fields{tbs, algorithm, tlv::encode(0x03, signatureValue)};
    if (spec.editCertificate) {
        spec.editCertificate(fields);
    }
    out.der = tlv::encode(0x30, concat(fields));
    return out;
}

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
                      "critical,keyCertSign,cRLSign",
                      true,
                      {}},
                     pki.cscaKey.get(), nullptr, pki.cscaKey.get());

    pki.documentSignerKey = generateEcKey("brainpoolP384r1");
    pki.documentSigner = issue({{{"C", "VN"},
                                 {"O", "CCCD SDK Test PKI"},
                                 {"OU", "Test Document Signer"},
                                 {"CN", "Document Signer Test 00001"}},
                                "20200601000000Z",
                                "20401231235959Z",
                                false,
                                "critical,digitalSignature",
                                true,
                                {}},
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
