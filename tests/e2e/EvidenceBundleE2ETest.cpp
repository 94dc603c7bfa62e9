// The evidence bundle across machines: cccd-read --bundle reads the emulated card through pcscd
// and vpcd and saves the bundle; cccd-verify, another process with a trust directory of its own
// (the "other machine"), re-verifies it without the card. A byte of DG1 changed in the bundle
// is caught.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "EmulatedCardE2ETest.h"
#include "PcscdEnvironment.h"
#include "evidence/Base64.h"
#include "support/Process.h"
#include "support/TestData.h"

using namespace cccd;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// The documented exit codes (cccd-read --help, cccd-verify --help).
constexpr int ReadSuccess = 0;
constexpr int Verified = 0;
constexpr int NotVerified = 1;

std::filesystem::path bin(const char* name) {
    return test::binaryDir() / "bin" / name;
}

class EvidenceBundleE2ETest : public test::EmulatedCardE2ETest {
protected:
    EvidenceBundleE2ETest() : EmulatedCardE2ETest("evidence-control") {}

    void SetUp() override {
        EmulatedCardE2ETest::SetUp();
        m_dir = test::binaryDir() / "e2e" / ("evidence-" + std::to_string(getpid()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir / "other-machine" / "trust");
        std::filesystem::copy_file(profiles() / "csca.pem",
                                   m_dir / "other-machine" / "trust" / "csca.pem");
    }

    void TearDown() override {
        std::filesystem::remove_all(m_dir);
        EmulatedCardE2ETest::TearDown();
    }

    // cccd-read with the MRZ key, saving the bundle; its exit code.
    std::optional<int> readWithBundle(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"--mrz-file", (profiles() / (Persona + ".mrz")).string(),
                                      "--trust",    (profiles() / "csca.pem").string(),
                                      "--wait",     "10",
                                      "--bundle",   bundlePath().string()};
        args.insert(args.end(), extra.begin(), extra.end());
        test::RunResult read = test::run(bin("cccd-read"), args, 60s);
        EXPECT_EQ(read.exitCode, ReadSuccess) << read.errors;
        return read.exitCode;
    }

    // cccd-verify on the other machine: its own trust directory, not the built-in anchor.
    test::RunResult verifyElsewhere(const std::vector<std::string>& extra = {}) {
        std::filesystem::path copy = m_dir / "other-machine" / "bundle.json";
        std::filesystem::copy_file(bundlePath(), copy,
                                   std::filesystem::copy_options::overwrite_existing);
        std::vector<std::string> args{copy.string(), "--trust",
                                      (m_dir / "other-machine" / "trust").string(),
                                      "--no-default-trust"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run(bin("cccd-verify"), args, 60s);
    }

    std::filesystem::path bundlePath() const { return m_dir / "bundle.json"; }

    json bundle() const { return json::parse(toString(test::readFile(bundlePath()))); }

    void writeBundle(const json& bundle) const {
        std::ofstream(bundlePath(), std::ios::trunc) << bundle.dump(2);
    }

    std::filesystem::path m_dir;
};

} // namespace

TEST_F(EvidenceBundleE2ETest, BundleReadHereVerifiesOnAnotherMachineUntilDg1Changes) {
    ASSERT_EQ(readWithBundle(), ReadSuccess);

    struct stat info {};

    ASSERT_EQ(::stat(bundlePath().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u) << "the bundle holds personal data";

    test::RunResult good = verifyElsewhere();
    EXPECT_EQ(good.exitCode, Verified) << good.errors;
    json report = json::parse(good.output);
    EXPECT_TRUE(report.at("verified").get<bool>());
    EXPECT_EQ(report.at("verification").at("passive_authentication").at("verdict"), "valid");
    EXPECT_EQ(report.at("reverification").at("passive_authentication").at("method"), "recomputed");

    json changed = bundle();
    Bytes dg1 = evidence::fromBase64(changed.at("files").at("DG1").get<std::string>());
    dg1.back() ^= 0x01;
    changed["files"]["DG1"] = evidence::toBase64(dg1);
    writeBundle(changed);
    test::RunResult bad = verifyElsewhere();
    EXPECT_EQ(bad.exitCode, NotVerified) << bad.errors;
    EXPECT_FALSE(json::parse(bad.output).at("verified").get<bool>());
}

TEST_F(EvidenceBundleE2ETest, BundleWithoutThePortraitVerifies) {
    ASSERT_EQ(readWithBundle({"--bundle-groups", "1,13,14,15"}), ReadSuccess);
    EXPECT_FALSE(bundle().at("files").contains("DG2"));
    EXPECT_EQ(bundle().at("data_groups_left_out"), json::array({2}));

    test::RunResult result = verifyElsewhere();
    EXPECT_EQ(result.exitCode, Verified) << result.errors;
    EXPECT_EQ(json::parse(result.output).at("reverification").at("data_groups_not_requested"),
              json::array({2}));
}

// The bank's flow with the tools alone: the server's nonce as cccd-read's AA challenge, then
// cccd-verify --challenge; the same bundle checked against another nonce is a replay.
TEST_F(EvidenceBundleE2ETest, ServerNonceSignedByTheChipBindsTheBundleToTheRead) {
    const std::string nonce = "0123456789ABCDEF";
    ASSERT_EQ(readWithBundle({"--aa-challenge", nonce}), ReadSuccess);

    test::RunResult fresh = verifyElsewhere({"--challenge", nonce});
    EXPECT_EQ(fresh.exitCode, Verified) << fresh.errors;
    json report = json::parse(fresh.output);
    EXPECT_EQ(report.at("verification").at("active_authentication").at("status"), "passed");
    EXPECT_EQ(report.at("reverification").at("active_authentication").at("challenge"), "matches");

    test::RunResult replay = verifyElsewhere({"--challenge", "FEDCBA9876543210"});
    EXPECT_EQ(replay.exitCode, NotVerified) << replay.errors;
    EXPECT_EQ(
        json::parse(replay.output).at("verification").at("active_authentication").at("reason"),
        "challenge_mismatch");

    test::RunResult badNonce =
        test::run(bin("cccd-read"), {"--can", "123456", "--aa-challenge", "0123456789ABCDEG"}, 30s);
    EXPECT_EQ(badNonce.exitCode, 2) << "a challenge that is not 8 bytes is a usage error";
}
