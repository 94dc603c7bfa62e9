// Passive Authentication over the real samples of shared/spec/samples; expected outcomes from
// their READMEs. Each failure scenario must show up in its own check.
#include "verify/PassiveAuthentication.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "lds/Sod.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

namespace cccd::verify {
namespace {

Bytes sample(const std::string& file) {
    return test::readFile(test::specDir() / "samples" / file);
}

const TrustStore& germanMasterList() {
    static const TrustStore store = [] {
        TrustStore s;
        s.addFile(test::specDir() / "samples/masterlists/DE_ML_2026-05-28-08-28-45.ml");
        return s;
    }();
    return store;
}

std::map<int, Bytes> bsiDataGroups() {
    const std::string dir = "bsi-tr03105-5-reference-dataset/";
    return {{1, sample(dir + "Datagroup1.bin")}, {14, sample(dir + "Datagroup14.bin")}};
}

Bytes bsiSod() {
    return sample("bsi-tr03105-5-reference-dataset/EF_SOD.bin");
}

void expectTrusted(const DocumentSignerReport& signer) {
    EXPECT_EQ(signer.signature, SignatureStatus::Valid);
    EXPECT_NE(signer.certificate, SignerCertificateStatus::NotFound);
    EXPECT_EQ(signer.chain, ChainStatus::Trusted);
    EXPECT_EQ(signer.documentSignerAtSigning, ValidityStatus::Valid);
    EXPECT_EQ(signer.cscaAtSigning, ValidityStatus::Valid);
}

class MasterListSodTest : public testing::TestWithParam<const char*> {};

// real-sods/README.md: these verify against CSCAs of the German master list, including explicit
// curves (AT, FI, RU, UK, DE), bare rsaEncryption (US), SHA-1 (RU) and RSA-PSS (PH).
TEST_P(MasterListSodTest, VerifiesAgainstTheMasterList) {
    PassiveAuthenticationReport report =
        passiveAuthentication(sample(GetParam()), {}, germanMasterList());
    EXPECT_EQ(report.sodParse, ParseStatus::Ok);
    expectTrusted(report.signer);
    EXPECT_EQ(report.verdict, Verdict::Valid);
    EXPECT_TRUE(report.dataGroups.empty());
    EXPECT_FALSE(report.notRead.empty()); // listed, not failures
}

INSTANTIATE_TEST_SUITE_P(RealSods, MasterListSodTest,
                         testing::Values("real-sods/AT_EF_SOD.bin", "real-sods/FI_EF_SOD.bin",
                                         "real-sods/FR_EF_SOD.bin", "real-sods/PH_EF_SOD.bin",
                                         "real-sods/RU_EF_SOD.bin", "real-sods/UK_EF_SOD.bin",
                                         "real-sods/US_EF_SOD.bin", "de-real-pace-cam/EF_SOD.bin"));

TEST(PassiveAuthenticationTest, CardSecurityVerifiesAgainstTheMasterList) {
    for (const char* file :
         {"de-real-pace-cam/EF_CardSecurity.bin", "real-sods/FI_EF_CardSecurity.bin"}) {
        CardSecurityReport report = verifyCardSecurity(sample(file), germanMasterList());
        EXPECT_EQ(report.parse, ParseStatus::Ok) << file;
        expectTrusted(report.signer);
        EXPECT_EQ(report.verdict, Verdict::Valid) << file;
    }
}

TEST(PassiveAuthenticationTest, IndonesiaVerifiesWithTheSuppliedCscaFiles) {
    TrustStore store;
    for (const char* file :
         {"ID_2010-12_CSCA.cer", "ID_2016-01_CSCA.cer", "ID_2016-01_CSCA_LINK.cer",
          "ID_2020-10_CSCA.cer", "ID_2020-10_CSCA_LINK.cer"}) {
        store.addFile(test::specDir() / "samples/real-sods" / file);
    }
    PassiveAuthenticationReport report =
        passiveAuthentication(sample("real-sods/ID_EF_SOD.bin"), {}, store);
    expectTrusted(report.signer);
    EXPECT_EQ(report.verdict, Verdict::Valid);

    // The same SOD is not covered by the master list (gmrtd issue #14).
    PassiveAuthenticationReport unknown =
        passiveAuthentication(sample("real-sods/ID_EF_SOD.bin"), {}, germanMasterList());
    EXPECT_EQ(unknown.signer.chain, ChainStatus::IssuerUnknown);
}

TEST(PassiveAuthenticationTest, ExpiredDocumentSignerIsValidAtSigningTime) {
    // UK2: no signingTime; the DS expired 2022-12-01, its key usage period ended in 2011.
    TrustStore store;
    store.addFile(test::specDir() / "samples/real-sods/UK2_CSCA.cer");
    PassiveAuthenticationReport report =
        passiveAuthentication(sample("real-sods/UK2_EF_SOD.bin"), {}, store);
    expectTrusted(report.signer);
    EXPECT_EQ(report.signer.referenceTimeSource, ReferenceTimeSource::DocumentSignerKeyUsagePeriod);
    EXPECT_EQ(report.signer.documentSignerNow, ValidityStatus::Expired);
    EXPECT_EQ(report.verdict, Verdict::Valid);
}

TEST(PassiveAuthenticationTest, BsiHashesMatchAndCscaIsUnknown) {
    PassiveAuthenticationReport report =
        passiveAuthentication(bsiSod(), bsiDataGroups(), germanMasterList());
    ASSERT_EQ(report.sodParse, ParseStatus::Ok);
    ASSERT_EQ(report.dataGroups.size(), 2U);
    EXPECT_EQ(report.dataGroups[0].dataGroup, 1);
    EXPECT_EQ(report.dataGroups[0].status, DgHashStatus::Match);
    EXPECT_EQ(report.dataGroups[1].dataGroup, 14);
    EXPECT_EQ(report.dataGroups[1].status, DgHashStatus::Match);
    EXPECT_EQ(report.notRead, (std::vector<int>{2, 3, 4}));
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.signer.chain, ChainStatus::IssuerUnknown);
    // No signingTime, no key usage period: judged now, when the 2014 DS has expired.
    EXPECT_EQ(report.signer.referenceTimeSource, ReferenceTimeSource::Now);
    EXPECT_EQ(report.signer.documentSignerAtSigning, ValidityStatus::Expired);
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

TEST(PassiveAuthenticationTest, ChangedDgByteIsAHashMismatch) {
    std::map<int, Bytes> dataGroups = bsiDataGroups();
    dataGroups[1][dataGroups[1].size() / 2] ^= 0x01;
    PassiveAuthenticationReport report = passiveAuthentication(bsiSod(), dataGroups, TrustStore{});
    EXPECT_EQ(report.dataGroups[0].status, DgHashStatus::Mismatch);
    EXPECT_EQ(report.dataGroups[1].status, DgHashStatus::Match);
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid); // the SOD itself is intact
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

TEST(PassiveAuthenticationTest, DgMissingFromSodIsReported) {
    // BSI Datagroup15.bin exists but the SOD has no hash for it.
    std::map<int, Bytes> dataGroups = bsiDataGroups();
    dataGroups[15] = sample("bsi-tr03105-5-reference-dataset/Datagroup15.bin");
    PassiveAuthenticationReport report = passiveAuthentication(bsiSod(), dataGroups, TrustStore{});
    ASSERT_EQ(report.dataGroups.size(), 3U);
    EXPECT_EQ(report.dataGroups[2].dataGroup, 15);
    EXPECT_EQ(report.dataGroups[2].status, DgHashStatus::NotInSod);
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

TEST(PassiveAuthenticationTest, ChangedSignatureByteIsAnInvalidSignature) {
    Bytes sod = sample("de-real-pace-cam/EF_SOD.bin");
    const Bytes signature = lds::Sod::parse(sod).documentSigner().signerInfo.signature;
    auto at = std::search(sod.begin(), sod.end(), signature.begin(), signature.end());
    ASSERT_NE(at, sod.end());
    *(at + static_cast<std::ptrdiff_t>(signature.size()) - 1) ^= 0x01;

    PassiveAuthenticationReport report = passiveAuthentication(sod, {}, germanMasterList());
    EXPECT_EQ(report.sodParse, ParseStatus::Ok);
    EXPECT_EQ(report.signer.signature, SignatureStatus::Invalid);
    EXPECT_EQ(report.signer.chain, ChainStatus::Trusted); // the DS certificate is untouched
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

TEST(PassiveAuthenticationTest, EmptyTrustStoreMeansIssuerUnknown) {
    PassiveAuthenticationReport report =
        passiveAuthentication(sample("de-real-pace-cam/EF_SOD.bin"), {}, TrustStore{});
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.signer.chain, ChainStatus::IssuerUnknown);
    EXPECT_EQ(report.signer.cscaAtSigning, ValidityStatus::NotChecked);
    EXPECT_EQ(report.verdict, Verdict::ValidIssuerUnknown);
}

TEST(PassiveAuthenticationTest, ChangedDsCertificateSignatureBreaksTheChain) {
    // The DS certificate inside EF.SOD with one byte of its own signature changed: the SOD
    // signature still verifies, csca-germany is found by its key identifier but does not verify.
    Bytes sod = sample("de-real-pace-cam/EF_SOD.bin");
    const Bytes ds = lds::Sod::parse(sod).documentSigner().certificate->der();
    auto at = std::search(sod.begin(), sod.end(), ds.begin(), ds.end());
    ASSERT_NE(at, sod.end());
    *(at + static_cast<std::ptrdiff_t>(ds.size()) - 2) ^= 0x01;

    PassiveAuthenticationReport report = passiveAuthentication(sod, {}, germanMasterList());
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.signer.chain, ChainStatus::SignatureInvalid);
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

// Re-encodes a DER tree with every subtree equal to `from` replaced by `to`; the lengths of
// the objects around it follow.
Bytes replaceSubtree(const tlv::Tlv& object, ByteView from, ByteView to) {
    if (std::equal(object.encoded.begin(), object.encoded.end(), from.begin(), from.end())) {
        return Bytes(to.begin(), to.end());
    }
    if (!object.constructed()) {
        return Bytes(object.encoded.begin(), object.encoded.end());
    }
    Bytes value;
    for (const tlv::Tlv& child : tlv::children(object)) {
        append(value, replaceSubtree(child, from, to));
    }
    return tlv::encode(object.tag, value);
}

TEST(PassiveAuthenticationTest, AbsurdPssSaltLengthIsAnInvalidSignatureNotAnException) {
    // The signature algorithm is not covered by any signature: a card may put anything there.
    // PH signs EF.SOD and its DS certificate with RSASSA-PSS; give every PSS identifier a salt
    // length of 2^40 bytes (RFC 4055 §3.1 saltLength).
    Bytes sod = sample("real-sods/PH_EF_SOD.bin");
    const crypto::AlgorithmIdentifier pss =
        lds::Sod::parse(sod).documentSigner().signerInfo.signatureAlgorithm;
    ASSERT_TRUE(pss.parameters);
    Bytes oid = tlv::encode(crypto::asn1::ObjectIdentifier, crypto::encodeOid(pss.oid));
    Bytes from = oid;
    append(from, *pss.parameters);
    from = tlv::encode(crypto::asn1::Sequence, from);
    Bytes salt = tlv::encode(crypto::asn1::ContextConstructed2, tlv::encodeInteger(1ULL << 40));
    Bytes to = oid;
    append(to, tlv::encode(crypto::asn1::Sequence, salt));
    to = tlv::encode(crypto::asn1::Sequence, to);
    Bytes hostile = replaceSubtree(tlv::parse(sod), from, to);
    ASSERT_NE(hostile, sod);

    PassiveAuthenticationReport report;
    ASSERT_NO_THROW(report = passiveAuthentication(hostile, {}, germanMasterList()));
    EXPECT_EQ(report.sodParse, ParseStatus::Ok);
    EXPECT_EQ(report.signer.signature, SignatureStatus::Invalid);
    EXPECT_NE(report.signer.chain, ChainStatus::Trusted);
    EXPECT_EQ(report.verdict, Verdict::Invalid);
}

TEST(PassiveAuthenticationTest, DefaultAnchorDoesNotCoverOtherCountries) {
    PassiveAuthenticationReport report = passiveAuthentication(
        sample("de-real-pace-cam/EF_SOD.bin"), {}, TrustStore::withDefaultAnchor());
    EXPECT_EQ(report.signer.chain, ChainStatus::IssuerUnknown);
    EXPECT_EQ(report.verdict, Verdict::ValidIssuerUnknown);
}

TEST(PassiveAuthenticationTest, MalformedSodIsAStatusNotACrash) {
    Bytes sod = bsiSod();
    Bytes truncated(sod.begin(), sod.begin() + 300);
    for (const Bytes& input : {truncated, Bytes{}, Bytes(64, 0x77), Bytes{0x30, 0x03, 0x02}}) {
        PassiveAuthenticationReport report =
            passiveAuthentication(input, bsiDataGroups(), TrustStore{});
        EXPECT_EQ(report.sodParse, ParseStatus::Malformed);
        EXPECT_FALSE(report.sodParseError.empty());
        EXPECT_EQ(report.signer.signature, SignatureStatus::NotChecked);
        EXPECT_EQ(report.verdict, Verdict::Invalid);
    }
    EXPECT_EQ(verifyCardSecurity(truncated, TrustStore{}).parse, ParseStatus::Malformed);
}

TEST(PassiveAuthenticationTest, StatusNamesAreStableAndDistinct) {
    std::vector<std::string_view> names = {
        parseStatusName(ParseStatus::Ok),          parseStatusName(ParseStatus::Malformed),
        parseStatusName(ParseStatus::Unsupported), verdictName(Verdict::Valid),
        verdictName(Verdict::ValidIssuerUnknown),  verdictName(Verdict::Invalid)};
    EXPECT_EQ(dgHashStatusName(DgHashStatus::NotInSod), "not_in_sod");
    EXPECT_EQ(chainStatusName(ChainStatus::IssuerUnknown), "issuer_unknown");
    EXPECT_EQ(signatureStatusName(SignatureStatus::MessageDigestMismatch),
              "message_digest_mismatch");
    EXPECT_EQ(validityStatusName(ValidityStatus::Expired), "expired");
    EXPECT_EQ(signerCertificateStatusName(SignerCertificateStatus::NotFound), "not_found");
    EXPECT_EQ(referenceTimeSourceName(ReferenceTimeSource::SigningTime), "signing_time");
    std::sort(names.begin(), names.end());
    EXPECT_EQ(std::unique(names.begin(), names.end()), names.end());
}

} // namespace
} // namespace cccd::verify
