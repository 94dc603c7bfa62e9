// A SignerInfo that names its signer by subject key identifier (RFC 5652 §5.3, version 3), the
// second way ICAO 9303-10 §4.6.2 allows, built here with OpenSSL since the real samples all
// use issuerAndSerialNumber.
#include "crypto/SignerInfo.h"

#include <openssl/cms.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include "crypto/Certificate.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/SignedData.h"
#include "support/CmsSigner.h"

namespace cccd::crypto {
namespace {

constexpr const char* LdsSecurityObjectOid = "2.23.136.1.1.1";

struct Signer {
    EvpPkeyPtr key{EVP_EC_gen("P-256")};
    X509Ptr certificate{X509_new()};

    Signer() {
        X509* cert = certificate.get();
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
        auto* name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>("Test DS"), -1, -1, 0);
        X509_set_issuer_name(cert, name);
        X509_gmtime_adj(X509_getm_notBefore(cert), 0);
        X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
        X509_set_pubkey(cert, key.get());
        X509V3_CTX ctx;
        X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
        X509_EXTENSION* ski =
            X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_key_identifier, "hash");
        X509_add_ext(cert, ski, -1);
        X509_EXTENSION_free(ski);
        X509_sign(cert, key.get(), EVP_sha256());
    }
};

TEST(SignerInfoTest, SignerNamedBySubjectKeyIdentifierIsFoundAndVerifies) {
    Signer signer;
    Bytes content{0x30, 0x03, 0x02, 0x01, 0x00};
    SignedData signedData = SignedData::parse(test::signCms(
        content, LdsSecurityObjectOid, signer.certificate.get(), signer.key.get(), CMS_USE_KEYID));
    ASSERT_EQ(signedData.signerInfos.size(), 1u);
    const SignerInfo& info = signedData.signerInfos.front();
    EXPECT_EQ(info.version, 3);
    ASSERT_TRUE(info.sid.subjectKeyIdentifier);
    EXPECT_FALSE(info.sid.issuerAndSerialNumber);

    Certificate certificate = Certificate::fromDer(test::derOf(signer.certificate.get()));
    EXPECT_EQ(matchSigner(info.sid, certificate), SignerMatch::SubjectKeyIdentifier);
    EXPECT_EQ(verifySignerInfo(info, signedData.eContentType, *signedData.eContent,
                               certificate.publicKey()),
              SignerInfoStatus::Valid);

    Signer other;
    EXPECT_EQ(matchSigner(info.sid, Certificate::fromDer(test::derOf(other.certificate.get()))),
              SignerMatch::None);
}

} // namespace
} // namespace cccd::crypto
