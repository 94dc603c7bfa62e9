// CMS SignedData of the real samples in shared/spec/samples (READMEs there give the expected
// algorithms): every SignerInfo verifies with the certificate embedded next to it.
#include "crypto/SignedData.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/SignatureAlgorithm.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {
namespace {

struct Sample {
    const char* file;
    bool wrappedInTag77; // EF.SOD; EF.CardSecurity is a bare ContentInfo
    SignatureScheme scheme;
    HashAlgorithm hash;
};

// Scheme and hash of the SignerInfo, from samples/real-sods/README.md and the other READMEs.
const Sample Samples[] = {
    {"real-sods/AT_EF_SOD.bin", true, SignatureScheme::Ecdsa, HashAlgorithm::Sha256},
    {"real-sods/FI_EF_SOD.bin", true, SignatureScheme::Ecdsa, HashAlgorithm::Sha512},
    {"real-sods/FI_EF_CardSecurity.bin", false, SignatureScheme::Ecdsa, HashAlgorithm::Sha512},
    {"real-sods/FR_EF_SOD.bin", true, SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha256},
    {"real-sods/ID_EF_SOD.bin", true, SignatureScheme::RsaPss, HashAlgorithm::Sha256},
    {"real-sods/PH_EF_SOD.bin", true, SignatureScheme::RsaPss, HashAlgorithm::Sha256},
    {"real-sods/RU_EF_SOD.bin", true, SignatureScheme::Ecdsa, HashAlgorithm::Sha1},
    {"real-sods/UK_EF_SOD.bin", true, SignatureScheme::Ecdsa, HashAlgorithm::Sha256},
    {"real-sods/UK2_EF_SOD.bin", true, SignatureScheme::RsaPss, HashAlgorithm::Sha256},
    {"real-sods/US_EF_SOD.bin", true, SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha256},
    {"de-real-pace-cam/EF_SOD.bin", true, SignatureScheme::Ecdsa, HashAlgorithm::Sha384},
    {"de-real-pace-cam/EF_CardSecurity.bin", false, SignatureScheme::Ecdsa, HashAlgorithm::Sha384},
    {"bsi-tr03105-5-reference-dataset/EF_SOD.bin", true, SignatureScheme::RsaPss,
     HashAlgorithm::Sha256},
};

Bytes contentInfo(const Sample& sample) {
    Bytes file = test::readFile(test::specDir() / "samples" / sample.file);
    if (!sample.wrappedInTag77) {
        return file;
    }
    tlv::Tlv outer = tlv::parse(file, 0x77);
    return Bytes(outer.value.begin(), outer.value.end());
}

const Certificate& signerCertificate(const SignedData& signedData) {
    for (const Certificate& certificate : signedData.certificates) {
        if (matchSigner(signedData.signerInfos.at(0).sid, certificate) != SignerMatch::None) {
            return certificate;
        }
    }
    throw Error(ErrorCode::MalformedData, "no signer certificate");
}

class SignedDataSampleTest : public testing::TestWithParam<Sample> {};

TEST_P(SignedDataSampleTest, SignerInfoVerifiesWithEmbeddedCertificate) {
    SignedData signedData = SignedData::parse(contentInfo(GetParam()));
    EXPECT_EQ(signedData.version, 3);
    ASSERT_EQ(signedData.signerInfos.size(), 1U);
    ASSERT_TRUE(signedData.eContent);
    const SignerInfo& signer = signedData.signerInfos[0];

    auto digestAlgorithm = hashAlgorithmFromOid(signer.digestAlgorithm.oid);
    auto algorithm = signatureAlgorithmFromIdentifier(signer.signatureAlgorithm, digestAlgorithm);
    ASSERT_TRUE(algorithm);
    EXPECT_EQ(algorithm->scheme, GetParam().scheme);
    EXPECT_EQ(algorithm->hash, GetParam().hash);

    const Certificate& ds = signerCertificate(signedData);
    EXPECT_EQ(
        verifySignerInfo(signer, signedData.eContentType, *signedData.eContent, ds.publicKey()),
        SignerInfoStatus::Valid);
}

TEST_P(SignedDataSampleTest, ChangedContentOrSignatureFails) {
    SignedData signedData = SignedData::parse(contentInfo(GetParam()));
    SignerInfo signer = signedData.signerInfos.at(0);
    const Certificate& ds = signerCertificate(signedData);

    Bytes content = *signedData.eContent;
    content.back() ^= 0x01;
    EXPECT_EQ(verifySignerInfo(signer, signedData.eContentType, content, ds.publicKey()),
              SignerInfoStatus::MessageDigestMismatch);

    signer.signature[signer.signature.size() / 2] ^= 0x01;
    EXPECT_EQ(
        verifySignerInfo(signer, signedData.eContentType, *signedData.eContent, ds.publicKey()),
        SignerInfoStatus::SignatureInvalid);
}

INSTANTIATE_TEST_SUITE_P(RealSamples, SignedDataSampleTest, testing::ValuesIn(Samples),
                         [](const testing::TestParamInfo<Sample>& sampleInfo) {
                             std::string name = sampleInfo.param.file;
                             name = name.substr(name.find('/') + 1);
                             name = name.substr(0, name.find('.'));
                             for (char& c : name) {
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return (sampleInfo.param.file[0] == 'd'   ? "DE_"
                                     : sampleInfo.param.file[0] == 'b' ? "BSI_"
                                                                       : "") +
                                    name;
                         });

TEST(SignedDataTest, RsaPssParametersComeFromTheAlgorithmIdentifier) {
    // UK2: RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32 (samples/real-sods/README.md).
    SignedData signedData = SignedData::parse(contentInfo(Samples[8]));
    auto algorithm = signatureAlgorithmFromIdentifier(signedData.signerInfos[0].signatureAlgorithm);
    ASSERT_TRUE(algorithm && algorithm->pss);
    EXPECT_EQ(algorithm->pss->hash, HashAlgorithm::Sha256);
    EXPECT_EQ(algorithm->pss->mgf1Hash, HashAlgorithm::Sha256);
    EXPECT_EQ(algorithm->pss->saltLength, 32U);
}

TEST(SignedDataTest, BareRsaEncryptionNeedsTheDigestAlgorithm) {
    // US: signatureAlgorithm is rsaEncryption alone; the hash comes from digestAlgorithm.
    SignedData signedData = SignedData::parse(contentInfo(Samples[9]));
    const SignerInfo& signer = signedData.signerInfos[0];
    EXPECT_EQ(signer.signatureAlgorithm.oid, "1.2.840.113549.1.1.1");
    EXPECT_FALSE(signatureAlgorithmFromIdentifier(signer.signatureAlgorithm));
}

TEST(SignedDataTest, Md5IsNotAccepted) {
    AlgorithmIdentifier md5WithRsa{"1.2.840.113549.1.1.4", std::nullopt};
    EXPECT_FALSE(signatureAlgorithmFromIdentifier(md5WithRsa, HashAlgorithm::Sha256));
}

TEST(SignedDataTest, MasterListParses) {
    Bytes der =
        test::readFile(test::specDir() / "samples/masterlists/DE_ML_2026-05-28-08-28-45.ml");
    SignedData signedData = SignedData::parse(der);
    EXPECT_EQ(signedData.eContentType, "2.23.136.1.1.2");
    ASSERT_EQ(signedData.signerInfos.size(), 1U);
    const Certificate& signer = signerCertificate(signedData);
    EXPECT_EQ(verifySignerInfo(signedData.signerInfos[0], signedData.eContentType,
                               *signedData.eContent, signer.publicKey()),
              SignerInfoStatus::Valid);
}

TEST(SignedDataTest, TruncatedAndGarbageInputThrowMalformedData) {
    Bytes der = contentInfo(Samples[0]);
    for (std::size_t length :
         {std::size_t{0}, std::size_t{2}, std::size_t{40}, der.size() / 2, der.size() - 1}) {
        Bytes truncated(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(length));
        try {
            (void)SignedData::parse(truncated);
            FAIL() << "length " << length;
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::MalformedData) << "length " << length;
        }
    }
    Bytes garbage(1000);
    for (std::size_t i = 0; i < garbage.size(); ++i) {
        garbage[i] = static_cast<std::uint8_t>(i * 37 + 11);
    }
    EXPECT_THROW((void)SignedData::parse(garbage), Error);
}

} // namespace
} // namespace cccd::crypto
