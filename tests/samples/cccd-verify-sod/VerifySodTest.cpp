// cccd-verify-sod end to end over the real samples of shared/spec/samples: what a script sees
// (exit code, standard error) and what a program reads (the JSON).
#include <fstream>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "support/Process.h"
#include "support/TestData.h"

namespace cccd {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path Samples = test::specDir() / "samples";
const fs::path Bsi = Samples / "bsi-tr03105-5-reference-dataset";
const fs::path GermanMasterList = Samples / "masterlists/DE_ML_2026-05-28-08-28-45.ml";

test::RunResult verifySod(const std::vector<std::string>& args) {
    return test::run(test::binaryDir() / "bin/cccd-verify-sod", args, std::chrono::seconds(60));
}

json outputOf(const test::RunResult& result) {
    return json::parse(result.output);
}

// A scratch directory per test, so that runs in parallel do not share files.
fs::path scratch(const std::string& name) {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(testing::TempDir()) / ("cccd-verify-sod-" + std::string(info->name()));
    fs::create_directories(dir);
    return dir / name;
}

void writeFile(const fs::path& path, const Bytes& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

TEST(VerifySodTest, ValidSodWithItsCscaExitsZero) {
    // real-sods/README.md: UK2 verifies with UK2_CSCA.cer although its DS expired in 2022.
    auto result = verifySod({"--sod", (Samples / "real-sods/UK2_EF_SOD.bin").string(), "--trust",
                             (Samples / "real-sods/UK2_CSCA.cer").string(), "--no-default-trust"});
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    json out = outputOf(result);
    EXPECT_EQ(out["passive_authentication"]["verdict"], "valid");
    EXPECT_EQ(out["passive_authentication"]["signer"]["chain"], "trusted");
    EXPECT_EQ(out["passive_authentication"]["signer"]["document_signer_validity_now"], "expired");
    EXPECT_EQ(out["verified"], true);
    EXPECT_EQ(out["trust_store"]["default_anchor"], false);
    EXPECT_EQ(out["trust_store"]["certificate_count"], 1);
}

TEST(VerifySodTest, MasterListAndCardSecurityVerify) {
    auto result = verifySod({"--sod", (Samples / "real-sods/FR_EF_SOD.bin").string(), "--trust",
                             GermanMasterList.string(), "--card-security",
                             (Samples / "de-real-pace-cam/EF_CardSecurity.bin").string()});
    ASSERT_EQ(result.exitCode, 0) << result.errors;
    json out = outputOf(result);
    EXPECT_EQ(out["passive_authentication"]["verdict"], "valid");
    EXPECT_EQ(out["card_security"]["verdict"], "valid");
    ASSERT_EQ(out["trust_store"]["master_lists"].size(), 1U);
    EXPECT_EQ(out["trust_store"]["master_lists"][0]["path"], GermanMasterList.string());
    EXPECT_EQ(out["trust_store"]["master_lists"][0]["verdict"], "valid");
}

TEST(VerifySodTest, FlippedDgByteExitsSevenWithAMismatch) {
    Bytes dg1 = test::readFile(Bsi / "Datagroup1.bin");
    dg1[dg1.size() / 2] ^= 0x01;
    fs::path changed = scratch("Datagroup1.bin");
    writeFile(changed, dg1);

    auto result =
        verifySod({"--sod", (Bsi / "EF_SOD.bin").string(), "--dg", "1=" + changed.string(), "--dg",
                   "14=" + (Bsi / "Datagroup14.bin").string(), "--at", "2014-06-01"});
    ASSERT_EQ(result.exitCode, 7) << result.errors;
    json out = outputOf(result);
    EXPECT_EQ(out["passive_authentication"]["data_groups"][0]["dg"], 1);
    EXPECT_EQ(out["passive_authentication"]["data_groups"][0]["status"], "mismatch");
    EXPECT_EQ(out["passive_authentication"]["data_groups"][1]["status"], "match");
    EXPECT_EQ(out["passive_authentication"]["verdict"], "invalid");
    EXPECT_EQ(out["verified"], false);
}

TEST(VerifySodTest, UnknownIssuerExitsSeven) {
    // The German document is not covered by the built-in Vietnamese anchor.
    auto result = verifySod({"--sod", (Samples / "de-real-pace-cam/EF_SOD.bin").string()});
    ASSERT_EQ(result.exitCode, 7) << result.errors;
    EXPECT_EQ(outputOf(result)["passive_authentication"]["verdict"], "valid_issuer_unknown");
}

TEST(VerifySodTest, GarbageSodExitsOneWithAMessage) {
    fs::path garbage = scratch("EF_SOD.bin");
    writeFile(garbage, toBytes("this is not an EF.SOD, only text"));
    auto result = verifySod({"--sod", garbage.string()});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_TRUE(result.output.empty());
    EXPECT_NE(result.errors.find(garbage.string()), std::string::npos) << result.errors;
    EXPECT_NE(result.errors.find("not a well-formed EF.SOD"), std::string::npos) << result.errors;
}

TEST(VerifySodTest, UnreadableFilesExitOne) {
    const std::string sod = (Bsi / "EF_SOD.bin").string();
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--sod", "/nonexistent/EF_SOD.bin"},
                                               {"--sod", sod, "--dg", "1=/nonexistent/DG1.bin"},
                                               {"--sod", sod, "--trust", "/nonexistent/csca.pem"},
                                               {"--sod", sod, "--trust", sod}}) {
        auto result = verifySod(args);
        EXPECT_EQ(result.exitCode, 1) << args.back();
        EXPECT_NE(result.errors.find("cccd-verify-sod: "), std::string::npos) << args.back();
    }
}

TEST(VerifySodTest, MissingSodExitsTwo) {
    auto result = verifySod({});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.errors.find("--sod"), std::string::npos) << result.errors;
}

TEST(VerifySodTest, BadArgumentsExitTwo) {
    const std::string sod = (Bsi / "EF_SOD.bin").string();
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--sod", sod, "--dg", "17=DG17.bin"},
                                               {"--sod", sod, "--dg", "DG1.bin"},
                                               {"--sod", sod, "--dg", "1=a.bin", "--dg", "1=b.bin"},
                                               {"--sod", sod, "--at", "2014-02-30"},
                                               {"--sod", sod, "--at", "01/06/2014"},
                                               {"--sod", sod, "--unknown-option"}}) {
        EXPECT_EQ(verifySod(args).exitCode, 2) << args.back();
    }
}

TEST(VerifySodTest, HelpExplainsExitCodesAndTrust) {
    auto result = verifySod({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    for (const char* text : {"--sod", "--dg", "--trust", "--no-default-trust", "--card-security",
                             "--at", "Exit codes", "master list", "docs/json-verification.md"}) {
        EXPECT_NE(result.output.find(text), std::string::npos) << text;
    }
}

TEST(VerifySodTest, DocumentExampleIsTheExactOutput) {
    std::string doc = toString(test::readFile(test::sourceDir() / "docs/json-verification.md"));
    auto start = doc.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    start += 8;
    json example = json::parse(doc.substr(start, doc.find("```", start) - start));

    auto result = verifySod(
        {"--sod", (Bsi / "EF_SOD.bin").string(), "--dg", "1=" + (Bsi / "Datagroup1.bin").string(),
         "--dg", "14=" + (Bsi / "Datagroup14.bin").string(), "--dg",
         "15=" + (Bsi / "Datagroup15.bin").string(), "--no-default-trust", "--at", "2014-06-01"});
    EXPECT_EQ(result.exitCode, 7);
    EXPECT_EQ(outputOf(result), example);
}

} // namespace
} // namespace cccd
