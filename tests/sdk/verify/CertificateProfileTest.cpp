// The Document Signer certificate profile (ICAO 9303-12 §7.1.1): every real Document Signer of
// shared/spec/samples conforms; certificates built here with OpenSSL break one rule each.
#include "verify/CertificateProfile.h"

#include <set>

#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include "crypto/OpenSslPtr.h"
#include "lds/Sod.h"
#include "support/CmsSigner.h"
#include "support/TestData.h"

namespace cccd::verify {
namespace {

TEST(CertificateProfileTest, RealDocumentSignersConform) {
    for (const char* file :
         {"real-sods/AT_EF_SOD.bin", "real-sods/FI_EF_SOD.bin", "real-sods/FR_EF_SOD.bin",
          "real-sods/ID_EF_SOD.bin", "real-sods/PH_EF_SOD.bin", "real-sods/RU_EF_SOD.bin",
          "real-sods/UK_EF_SOD.bin", "real-sods/UK2_EF_SOD.bin", "real-sods/US_EF_SOD.bin",
          "de-real-pace-cam/EF_SOD.bin", "bsi-tr03105-5-reference-dataset/EF_SOD.bin"}) {
        SCOPED_TRACE(file);
        lds::Sod sod = lds::Sod::parse(test::readFile(test::specDir() / "samples" / file));
        ASSERT_TRUE(sod.documentSigner().certificate);
        EXPECT_EQ(checkSignerProfile(*sod.documentSigner().certificate),
                  CertificateProfileStatus::Conforming);
    }
}

// A self-signed certificate with the named extensions (OpenSSL's configuration syntax).
crypto::Certificate certificate(const char* country, const char* keyUsage, bool keyIdentifiers) {
    crypto::EvpPkeyPtr key(EVP_EC_gen("P-256"));
    crypto::X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (country != nullptr) {
        X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(country), -1, -1, 0);
    }
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("Test DS"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509V3_CTX context;
    X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
    auto add = [&](int nid, const char* value) {
        X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        X509_add_ext(cert.get(), extension, -1);
        X509_EXTENSION_free(extension);
    };
    if (keyIdentifiers) {
        add(NID_subject_key_identifier, "hash");
        add(NID_authority_key_identifier, "keyid:always");
    }
    if (keyUsage != nullptr) {
        add(NID_key_usage, keyUsage);
    }
    X509_sign(cert.get(), key.get(), EVP_sha256());
    return crypto::Certificate::fromDer(test::derOf(cert.get()));
}

TEST(CertificateProfileTest, EachRuleHasItsStatus) {
    EXPECT_EQ(checkSignerProfile(certificate("VN", "critical,digitalSignature", true)),
              CertificateProfileStatus::Conforming);
    EXPECT_EQ(checkSignerProfile(certificate(nullptr, "critical,digitalSignature", true)),
              CertificateProfileStatus::IssuerWithoutCountry);
    EXPECT_EQ(checkSignerProfile(certificate("VN", "critical,digitalSignature", false)),
              CertificateProfileStatus::AuthorityKeyIdentifierMissing);
    EXPECT_EQ(checkSignerProfile(certificate("VN", nullptr, true)),
              CertificateProfileStatus::KeyUsageMissing);
    EXPECT_EQ(checkSignerProfile(certificate("VN", "digitalSignature", true)),
              CertificateProfileStatus::KeyUsageNotCritical);
    EXPECT_EQ(checkSignerProfile(certificate("VN", "critical,keyCertSign", true)),
              CertificateProfileStatus::KeyUsageWithoutDigitalSignature);
}

TEST(CertificateProfileTest, StatusNamesAreDistinct) {
    std::set<std::string_view> names;
    for (int i = 0; i <= static_cast<int>(CertificateProfileStatus::NotChecked); ++i) {
        EXPECT_TRUE(names.insert(certificateProfileStatusName(CertificateProfileStatus(i))).second);
    }
}

} // namespace
} // namespace cccd::verify
