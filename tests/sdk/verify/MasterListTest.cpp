// Master lists built here with OpenSSL, so that each one differs from a good list in one way
// only: the list signature verifies, but its signer does not stand up (ICAO 9303-12 §9).
#include "verify/MasterList.h"

#include <openssl/cms.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include "crypto/OpenSslPtr.h"
#include "support/CmsSigner.h"
#include "tlv/Tlv.h"
#include "verify/TrustStore.h"

namespace cccd::verify {
namespace {

constexpr long Day = 24 * 3600;

crypto::EvpPkeyPtr newKey() {
    return crypto::EvpPkeyPtr(EVP_EC_gen("P-256"));
}

// A certificate for `subject`, signed by `signer`; validity from now + fromDays for `days`.
crypto::X509Ptr certificate(const char* subject, EVP_PKEY* key, const char* issuer,
                            EVP_PKEY* signer, long fromDays, long days, long serial) {
    crypto::X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(subject), -1, -1, 0);
    X509_NAME_add_entry_by_txt(X509_get_issuer_name(cert.get()), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(issuer), -1, -1, 0);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * Day);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), (fromDays + days) * Day);
    X509_set_pubkey(cert.get(), key);
    X509_sign(cert.get(), signer, EVP_sha256());
    return cert;
}

// CscaMasterList ::= SEQUENCE { version 0, certList SET OF Certificate }, signed with CMS.
Bytes masterList(X509* listed, X509* signer, EVP_PKEY* signerKey) {
    Bytes content = tlv::encodeInteger(0);
    append(content, tlv::encode(0x31, test::derOf(listed)));
    return test::signCms(tlv::encode(0x30, content), std::string(CscaMasterListOid), signer,
                         signerKey);
}

TEST(MasterListTest, SignerWithAForgedIssuerSignatureAddsNothing) {
    crypto::EvpPkeyPtr cscaKey = newKey();
    crypto::EvpPkeyPtr forgerKey = newKey();
    crypto::EvpPkeyPtr signerKey = newKey();
    crypto::X509Ptr csca =
        certificate("Test CSCA", cscaKey.get(), "Test CSCA", cscaKey.get(), -1, 365, 1);
    // Names the listed CSCA as issuer, but that CSCA never signed it.
    crypto::X509Ptr signer =
        certificate("Test ML Signer", signerKey.get(), "Test CSCA", forgerKey.get(), -1, 365, 2);

    TrustStore store;
    MasterListReport report =
        store.addMasterList(masterList(csca.get(), signer.get(), signerKey.get()));
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid); // the list itself is intact
    EXPECT_EQ(report.signer.chain, ChainStatus::SignatureInvalid);
    EXPECT_EQ(report.addedCount, 0U);
    EXPECT_TRUE(store.empty());
}

TEST(MasterListTest, SignerOfUnknownIssuerAddsNothing) {
    crypto::EvpPkeyPtr cscaKey = newKey();
    crypto::EvpPkeyPtr signerKey = newKey();
    crypto::X509Ptr csca =
        certificate("Test CSCA", cscaKey.get(), "Test CSCA", cscaKey.get(), -1, 365, 1);
    crypto::X509Ptr signer = certificate("Test ML Signer", signerKey.get(), "Test ML Signer",
                                         signerKey.get(), -1, 365, 2);

    TrustStore store;
    MasterListReport report =
        store.addMasterList(masterList(csca.get(), signer.get(), signerKey.get()));
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.signer.chain, ChainStatus::IssuerUnknown);
    EXPECT_EQ(report.addedCount, 0U);
    EXPECT_TRUE(store.empty());
}

TEST(MasterListTest, ExpiredSignerAddsNothing) {
    crypto::EvpPkeyPtr cscaKey = newKey();
    crypto::EvpPkeyPtr signerKey = newKey();
    crypto::X509Ptr csca =
        certificate("Test CSCA", cscaKey.get(), "Test CSCA", cscaKey.get(), -400, 3650, 1);
    crypto::X509Ptr signer =
        certificate("Test ML Signer", signerKey.get(), "Test CSCA", cscaKey.get(), -400, 30, 2);

    TrustStore store;
    MasterListReport report =
        store.addMasterList(masterList(csca.get(), signer.get(), signerKey.get()));
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.signer.chain, ChainStatus::Trusted);
    EXPECT_EQ(report.signer.documentSignerAtSigning, ValidityStatus::Expired);
    EXPECT_EQ(report.addedCount, 0U);
}

TEST(MasterListTest, SoundListAddsItsCertificates) {
    crypto::EvpPkeyPtr cscaKey = newKey();
    crypto::EvpPkeyPtr signerKey = newKey();
    crypto::X509Ptr csca =
        certificate("Test CSCA", cscaKey.get(), "Test CSCA", cscaKey.get(), -1, 365, 1);
    crypto::X509Ptr signer =
        certificate("Test ML Signer", signerKey.get(), "Test CSCA", cscaKey.get(), -1, 365, 2);

    TrustStore store;
    MasterListReport report =
        store.addMasterList(masterList(csca.get(), signer.get(), signerKey.get()));
    EXPECT_EQ(report.signer.chain, ChainStatus::Trusted);
    EXPECT_EQ(report.addedCount, 1U);
}

} // namespace
} // namespace cccd::verify
