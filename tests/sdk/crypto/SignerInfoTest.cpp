// A SignerInfo that names its signer by subject key identifier (RFC 5652 §5.3, version 3), the
// second way ICAO 9303-10 §4.6.2 allows, built here with OpenSSL since the real samples all
// use issuerAndSerialNumber.
#include "crypto/SignerInfo.h"

#include <openssl/cms.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Certificate.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/SignedData.h"
#include "support/CmsSigner.h"
#include "tlv/Tlv.h"

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

// The SignerInfo SEQUENCE of a ContentInfo { SignedData { ..., signerInfos SET } }, with its
// version replaced.
Bytes signerInfoWithVersion(const Bytes& contentInfo, std::uint64_t version) {
    tlv::Tlv signedData = tlv::parse(tlv::children(tlv::parse(contentInfo)).at(1).value);
    tlv::Tlv signerInfo = tlv::children(tlv::children(signedData).back()).at(0);
    std::vector<tlv::Tlv> fields = tlv::children(signerInfo);
    Bytes contents = tlv::encodeInteger(version);
    for (std::size_t i = 1; i < fields.size(); ++i) {
        append(contents, fields[i].encoded);
    }
    return tlv::encode(0x30, contents);
}

// RFC 5652 §5.3: version 1 goes with issuerAndSerialNumber, 3 with subjectKeyIdentifier; a
// SignerInfo whose version contradicts its sid does not parse (BSI TR-03105-5.1 LDS_H_84/85).
TEST(SignerInfoTest, VersionContradictingTheSidDoesNotParse) {
    Signer signer;
    Bytes content{0x30, 0x03, 0x02, 0x01, 0x00};
    for (auto [flags, version] : {std::pair{0U, 1U}, std::pair{unsigned{CMS_USE_KEYID}, 3U}}) {
        Bytes cms = test::signCms(content, LdsSecurityObjectOid, signer.certificate.get(),
                                  signer.key.get(), flags);
        Bytes same = signerInfoWithVersion(cms, version);
        EXPECT_EQ(parseSignerInfo(tlv::parse(same)).version, static_cast<int>(version));
        for (std::uint64_t wrong : {1U, 2U, 3U, 4U}) {
            if (wrong == version) {
                continue;
            }
            Bytes changed = signerInfoWithVersion(cms, wrong);
            EXPECT_THROW((void)parseSignerInfo(tlv::parse(changed)), Error) << wrong;
        }
    }
}

} // namespace
} // namespace cccd::crypto
