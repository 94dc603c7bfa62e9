// The verification report JSON over the real samples of shared/spec/samples; expected outcomes
// from their READMEs.
#include "json/VerificationJson.h"

#include <regex>

#include <gtest/gtest.h>

#include "support/TestData.h"
#include "verify/TrustStore.h"

namespace cccd::json {
namespace {

using nlohmann::json;

Bytes sample(const std::string& file) {
    return test::readFile(test::specDir() / "samples" / file);
}

const std::string Bsi = "bsi-tr03105-5-reference-dataset/";

// While the BSI test Document Signer (2013-12-16 .. 2014-12-11) was valid.
const crypto::Time BsiDay = std::chrono::sys_days(std::chrono::year(2014) / 6 / 1);

const verify::TrustStore& germanMasterList() {
    static const verify::TrustStore store = [] {
        verify::TrustStore s;
        s.addFile(test::specDir() / "samples/masterlists/DE_ML_2026-05-28-08-28-45.ml");
        return s;
    }();
    return store;
}

json bsiWithDg15() {
    std::map<int, Bytes> dataGroups = {{1, sample(Bsi + "Datagroup1.bin")},
                                       {14, sample(Bsi + "Datagroup14.bin")},
                                       {15, sample(Bsi + "Datagroup15.bin")}};
    Bytes sod = sample(Bsi + "EF_SOD.bin");
    auto report = verify::passiveAuthentication(sod, dataGroups, verify::TrustStore{}, BsiDay);
    return toJson(report, sodHashAlgorithm(sod));
}

TEST(VerificationJsonTest, BsiDg15IsNotInSodAndIssuerIsUnknown) {
    json out = bsiWithDg15();
    EXPECT_EQ(out["verdict"], "invalid");
    EXPECT_EQ(out["parse"], "ok");
    EXPECT_TRUE(out["parse_error"].is_null());
    EXPECT_EQ(out["data_groups"], json::parse(R"([
        {"dg": 1, "status": "match", "hash_algorithm": "sha256"},
        {"dg": 14, "status": "match", "hash_algorithm": "sha256"},
        {"dg": 15, "status": "not_in_sod", "hash_algorithm": "sha256"}])"));
    EXPECT_EQ(out["not_read"], json::parse("[2, 3, 4]"));

    const json& signer = out["signer"];
    EXPECT_EQ(signer["signature"], "valid");
    EXPECT_EQ(signer["signer_certificate"], "found_by_issuer_and_serial_number");
    EXPECT_EQ(signer["chain"], "issuer_unknown");
    EXPECT_EQ(signer["csca_validity"], "not_checked");
    EXPECT_TRUE(signer["csca"].is_null());
    EXPECT_EQ(signer["reference_time"], "2014-06-01T00:00:00Z");
    EXPECT_EQ(signer["reference_time_source"], "now");
    EXPECT_EQ(signer["document_signer_validity"], "valid");
}

TEST(VerificationJsonTest, DocumentSignerSummaryNamesTheTestPki) {
    // README: DS "CN=HJP PB DS, OU=Document Signer, O=HJP Consulting, C=DE", 2013-12-16 ..
    // 2014-12-11, issued by "CN=HJP PB CS".
    json ds = bsiWithDg15()["signer"]["document_signer_certificate"];
    EXPECT_EQ(ds["subject"], "C=DE, O=HJP Consulting, OU=Document Signer, CN=HJP PB DS");
    EXPECT_EQ(ds["issuer"], "C=DE, O=HJP Consulting, OU=Country Signer, CN=HJP PB CS");
    EXPECT_EQ(ds["serial_number"], "0142FD5CF927");
    EXPECT_EQ(ds["not_before"], "2013-12-16T21:43:18Z");
    EXPECT_EQ(ds["not_after"], "2014-12-11T21:43:18Z");
    EXPECT_TRUE(ds["private_key_usage_period"].is_null());
    EXPECT_TRUE(std::regex_match(ds["subject_key_identifier"].get<std::string>(),
                                 std::regex("[0-9A-F]{40}")));
    EXPECT_TRUE(ds["authority_key_identifier"].is_string());
}

TEST(VerificationJsonTest, FrenchSodVerifiesAgainstTheGermanMasterList) {
    auto report =
        verify::passiveAuthentication(sample("real-sods/FR_EF_SOD.bin"), {}, germanMasterList());
    json out = toJson(report);
    EXPECT_EQ(out["verdict"], "valid");
    EXPECT_EQ(out["data_groups"], json::array());
    EXPECT_EQ(out["not_read"], json::parse("[1, 2, 3, 11, 12, 13, 14]"));

    const json& signer = out["signer"];
    EXPECT_EQ(signer["chain"], "trusted");
    EXPECT_EQ(signer["csca_validity"], "valid");
    EXPECT_EQ(signer["reference_time_source"], "signing_time");
    EXPECT_EQ(signer["csca"]["subject"], "C=FR, O=Gouv, CN=CSCA-FRANCE");
    EXPECT_EQ(signer["csca"]["subject_key_identifier"],
              signer["document_signer_certificate"]["authority_key_identifier"]);
}

TEST(VerificationJsonTest, HashAlgorithmIsNullWhenNotSupplied) {
    std::map<int, Bytes> dataGroups = {{1, sample(Bsi + "Datagroup1.bin")}};
    auto report = verify::passiveAuthentication(sample(Bsi + "EF_SOD.bin"), dataGroups,
                                                verify::TrustStore{}, BsiDay);
    json out = toJson(report);
    ASSERT_EQ(out["data_groups"].size(), 1U);
    EXPECT_TRUE(out["data_groups"][0]["hash_algorithm"].is_null());
}

TEST(VerificationJsonTest, ChangedDgByteIsAMismatch) {
    Bytes dg1 = sample(Bsi + "Datagroup1.bin");
    dg1[dg1.size() / 2] ^= 0x01;
    auto report = verify::passiveAuthentication(sample(Bsi + "EF_SOD.bin"), {{1, dg1}},
                                                verify::TrustStore{}, BsiDay);
    json out = toJson(report);
    EXPECT_EQ(out["data_groups"][0]["status"], "mismatch");
    EXPECT_EQ(out["verdict"], "invalid");
}

TEST(VerificationJsonTest, MalformedSodHasAReasonAndNoTimes) {
    Bytes sod = sample(Bsi + "EF_SOD.bin");
    Bytes truncated(sod.begin(), sod.begin() + 300);
    json out = toJson(verify::passiveAuthentication(truncated, {}, verify::TrustStore{}),
                      sodHashAlgorithm(truncated));
    EXPECT_EQ(out["parse"], "malformed");
    EXPECT_TRUE(out["parse_error"].is_string());
    EXPECT_FALSE(out["parse_error"].get<std::string>().empty());
    EXPECT_EQ(out["verdict"], "invalid");
    EXPECT_EQ(out["signer"]["signature"], "not_checked");
    // No signer certificate, so no reference time: not a 1970 date.
    EXPECT_TRUE(out["signer"]["reference_time"].is_null());
    EXPECT_TRUE(out["signer"]["reference_time_source"].is_null());
    EXPECT_TRUE(out["signer"]["document_signer_certificate"].is_null());
    EXPECT_FALSE(sodHashAlgorithm(truncated).has_value());
}

TEST(VerificationJsonTest, CardSecurityVerifiesAgainstTheMasterList) {
    auto report = verify::verifyCardSecurity(sample("de-real-pace-cam/EF_CardSecurity.bin"),
                                             germanMasterList());
    json out = toJson(report);
    EXPECT_EQ(out["verdict"], "valid");
    EXPECT_EQ(out["parse"], "ok");
    EXPECT_EQ(out["signer"]["chain"], "trusted");
    EXPECT_FALSE(out.contains("data_groups"));
}

TEST(VerificationJsonTest, GermanMasterListLoadsWithAValidSignature) {
    // masterlists/README.md: 588 certificates.
    ASSERT_EQ(germanMasterList().masterListReports().size(), 1U);
    json out = toJson(germanMasterList().masterListReports()[0]);
    EXPECT_EQ(out["verdict"], "valid");
    EXPECT_EQ(out["certificate_count"], 588);
    EXPECT_EQ(out["rejected_count"], 0);
    EXPECT_EQ(out["added_count"], 588);
    EXPECT_EQ(out["signer"]["signature"], "valid");
    EXPECT_EQ(out["signer"]["chain"], "trusted");
}

TEST(VerificationJsonTest, NoDataGroupContentIsOutput) {
    // DG1 of the specimen holds the name and MRZ; only its hash status may appear.
    std::string text = bsiWithDg15().dump();
    for (const char* personal : {"MUSTERMANN", "ERIKA", "C11T002JM", "960812"}) {
        EXPECT_EQ(text.find(personal), std::string::npos) << personal;
    }
    Bytes dg1 = sample(Bsi + "Datagroup1.bin");
    EXPECT_EQ(text.find(toHex(ByteView(dg1).subspan(5, 16))), std::string::npos);
}

} // namespace
} // namespace cccd::json
