// EF.SOD of every real sample in shared/spec/samples, with the versions, hash algorithms and
// DG lists of their READMEs (real-sods/README.md table, de-real-pace-cam and BSI READMEs).
#include "lds/Sod.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/TestData.h"

namespace cccd::lds {
namespace {

struct SodSample {
    const char* file;
    int version;
    crypto::HashAlgorithm hash;
    std::vector<int> dataGroups;
};

const SodSample Samples[] = {
    {"real-sods/AT_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2, 3, 11, 12, 14}},
    {"real-sods/FI_EF_SOD.bin", 1, crypto::HashAlgorithm::Sha512, {1, 2, 3, 7, 14}},
    {"real-sods/FR_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2, 3, 11, 12, 13, 14}},
    {"real-sods/ID_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2, 3, 14, 15}},
    {"real-sods/PH_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2, 7, 11, 12, 15}},
    {"real-sods/RU_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha1, {1, 2, 3, 13, 14}},
    {"real-sods/UK_EF_SOD.bin", 1, crypto::HashAlgorithm::Sha256, {1, 2, 14}},
    {"real-sods/UK2_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2}},
    {"real-sods/US_EF_SOD.bin", 0, crypto::HashAlgorithm::Sha256, {1, 2, 11, 12}},
    // de-real-pace-cam/README.md says v0; the file holds v1 with LDSVersionInfo "0108"/"040000".
    {"de-real-pace-cam/EF_SOD.bin", 1, crypto::HashAlgorithm::Sha384, {1, 2, 3, 14}},
    {"bsi-tr03105-5-reference-dataset/EF_SOD.bin",
     0,
     crypto::HashAlgorithm::Sha256,
     {1, 2, 3, 4, 14}},
};

Bytes readSample(const std::string& file) {
    return test::readFile(test::specDir() / "samples" / file);
}

class SodSampleTest : public testing::TestWithParam<SodSample> {};

TEST_P(SodSampleTest, ParsesVersionHashAndDataGroups) {
    const SodSample& sample = GetParam();
    Bytes file = readSample(sample.file);
    Sod sod = Sod::parse(file);

    const LdsSecurityObject& lds = sod.ldsSecurityObject();
    EXPECT_EQ(lds.version, sample.version);
    EXPECT_EQ(lds.hashAlgorithm, sample.hash);
    EXPECT_EQ(lds.ldsVersionInfo.has_value(), sample.version == 1);
    std::vector<int> numbers;
    for (const auto& [number, hash] : lds.dataGroupHashes) {
        numbers.push_back(number);
        EXPECT_EQ(hash.size(), crypto::digestSize(sample.hash));
    }
    EXPECT_EQ(numbers, sample.dataGroups);

    EXPECT_EQ(sod.raw(), file);
    EXPECT_EQ(sod.signedData().eContentType, LdsSecurityObjectOid);
    ASSERT_TRUE(sod.documentSigner().certificate) << "DS certificate embedded in every sample";
    EXPECT_NE(sod.documentSigner().match, crypto::SignerMatch::None);
}

INSTANTIATE_TEST_SUITE_P(RealSamples, SodSampleTest, testing::ValuesIn(Samples),
                         [](const testing::TestParamInfo<SodSample>& sampleInfo) {
                             std::string name = sampleInfo.param.file;
                             return name.substr(0, 2) == "de" ? std::string("DE")
                                    : name.substr(0, 3) == "bsi"
                                        ? std::string("BSI")
                                        : name.substr(10, name.find("_EF") - 10);
                         });

TEST(SodTest, FinnishIdCardCarriesLdsVersionInfo) {
    Sod sod = Sod::parse(readSample("real-sods/FI_EF_SOD.bin"));
    ASSERT_TRUE(sod.ldsSecurityObject().ldsVersionInfo);
    EXPECT_EQ(sod.ldsSecurityObject().ldsVersionInfo->ldsVersion.size(), 4U);
    EXPECT_EQ(sod.ldsSecurityObject().ldsVersionInfo->unicodeVersion.size(), 6U);
}

TEST(SodTest, CardSecurityKeepsSecurityInfosRaw) {
    for (const char* file :
         {"de-real-pace-cam/EF_CardSecurity.bin", "real-sods/FI_EF_CardSecurity.bin"}) {
        CardSecurity cardSecurity = CardSecurity::parse(readSample(file));
        EXPECT_EQ(cardSecurity.signedData().eContentType, SecurityObjectOid) << file;
        EXPECT_EQ(cardSecurity.securityInfos().front(), 0x31) << file; // SET OF SecurityInfo
        EXPECT_TRUE(cardSecurity.documentSigner().certificate) << file;
    }
}

TEST(SodTest, TruncatedSodIsMalformed) {
    Bytes file = readSample("de-real-pace-cam/EF_SOD.bin");
    for (std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{100},
                               file.size() / 2, file.size() - 1}) {
        Bytes truncated(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(length));
        try {
            (void)Sod::parse(truncated);
            FAIL() << "length " << length;
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::MalformedData) << "length " << length;
        }
    }
}

TEST(SodTest, WrongOuterTagAndGarbageAreMalformed) {
    Bytes file = readSample("de-real-pace-cam/EF_SOD.bin");
    file[0] = 0x78; // TR-03105-5.1 LDS_H_17
    EXPECT_THROW((void)Sod::parse(file), Error);

    Bytes garbage(2000, 0xFF);
    EXPECT_THROW((void)Sod::parse(garbage), Error);
    EXPECT_THROW((void)CardSecurity::parse(garbage), Error);
}

TEST(SodTest, EveryByteFlipEitherParsesOrThrowsError) {
    // No crash on any single corrupted byte of the header region (structure, not signature).
    Bytes original = readSample("real-sods/UK_EF_SOD.bin");
    for (std::size_t i = 0; i < 200; ++i) {
        Bytes changed = original;
        changed[i] ^= 0xA5;
        try {
            (void)Sod::parse(changed);
        } catch (const Error&) {
        }
    }
}

} // namespace
} // namespace cccd::lds
