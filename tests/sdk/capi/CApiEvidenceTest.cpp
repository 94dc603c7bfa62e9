// The evidence bundle through the C API: a result's bundle with the caller's data groups, its
// re-verification into a result with another context's trust store, the server's challenge,
// and the statuses of bad bundles and arguments.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "EmulatedSession.h"
#include "cccd/cccd.h"
#include "support/TestData.h"

namespace cccd::capitest {
namespace {

using nlohmann::json;

std::string printedMrz(const std::string& profile) {
    std::string text = toString(test::readFile(profilesDirectory() + "/" + profile + ".mrz"));
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

const std::uint8_t ServerNonce[8] = {0x10, 0x32, 0x54, 0x76, 0x98, 0xBA, 0xDC, 0xFE};

/// A read of a profile through the API (the branch), and a second context that trusts the test
/// CSCA (the bank's server).
class CApiEvidenceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(cccd_context_new(&m_branch), CCCD_OK);
        ASSERT_EQ(cccd_context_new(&m_server), CCCD_OK);
        const std::string csca = profilesDirectory() + "/csca.pem";
        ASSERT_EQ(cccd_context_add_trust_file(m_branch, csca.c_str()), CCCD_OK);
        ASSERT_EQ(cccd_context_add_trust_file(m_server, csca.c_str()), CCCD_OK);
    }

    void TearDown() override {
        cccd_result_free(m_read);
        cccd_result_free(m_reverified);
        cccd_bundle_free(m_bundle);
        cccd_context_free(m_branch);
        cccd_context_free(m_server);
    }

    void read(const std::string& profile, const std::uint8_t* challenge = nullptr) {
        cccd_session* session = openEmulatedSession(m_branch, profile);
        ASSERT_EQ(cccd_session_set_mrz(session, printedMrz(profile).c_str()), CCCD_OK);
        if (challenge != nullptr) {
            ASSERT_EQ(cccd_session_set_aa_challenge(session, challenge, 8), CCCD_OK);
        }
        EXPECT_EQ(cccd_session_read(session, &m_read), CCCD_OK) << cccd_last_error_message();
        cccd_session_free(session);
    }

    cccd_status reverify(const std::uint8_t* challenge = nullptr, size_t size = 0) {
        return cccd_bundle_reverify(m_server, m_bundle, challenge, size, &m_reverified);
    }

    cccd_context* m_branch = nullptr;
    cccd_context* m_server = nullptr;
    cccd_result* m_read = nullptr;
    cccd_result* m_reverified = nullptr;
    char* m_bundle = nullptr;
};

} // namespace

TEST_F(CApiEvidenceTest, BundleOfAReadReverifiesLikeTheRead) {
    read("vn-basic");
    ASSERT_EQ(cccd_result_bundle(m_read, nullptr, 0, &m_bundle), CCCD_OK);
    ASSERT_NE(m_bundle, nullptr);
    EXPECT_EQ(json::parse(m_bundle).at("format"), "cccd-evidence-bundle");

    ASSERT_EQ(reverify(), CCCD_OK) << cccd_last_error_message();
    EXPECT_EQ(cccd_result_verified(m_reverified), 1);
    const json live = json::parse(cccd_result_json(m_read));
    const json again = json::parse(cccd_result_json(m_reverified));
    EXPECT_EQ(again.at("verification"), live.at("verification"));
    EXPECT_EQ(again.at("citizen"), live.at("citizen"));
    EXPECT_EQ(again.at("reverification").at("chip_authentication").at("method"), "recorded");
    EXPECT_EQ(json::parse(cccd_result_verification_json(m_reverified)), again.at("verification"));
}

TEST_F(CApiEvidenceTest, BundleKeepsTheChosenDataGroups) {
    read("vn-basic");
    const int groups[] = {1, 13, 14, 15};
    ASSERT_EQ(cccd_result_bundle(m_read, groups, 4, &m_bundle), CCCD_OK);
    const json bundle = json::parse(m_bundle);
    EXPECT_FALSE(bundle.at("files").contains("DG2"));
    EXPECT_EQ(bundle.at("data_groups_left_out"), json::array({2}));

    ASSERT_EQ(reverify(), CCCD_OK);
    EXPECT_EQ(cccd_result_verified(m_reverified), 1);
    const std::uint8_t* portrait = nullptr;
    size_t size = 1;
    EXPECT_EQ(cccd_result_portrait(m_reverified, &portrait, &size), CCCD_OK);
    EXPECT_EQ(portrait, nullptr);
    EXPECT_EQ(size, 0u);
}

TEST_F(CApiEvidenceTest, ServerChallengeMustBeTheOneTheChipSigned) {
    read("aa-ecdsa", ServerNonce);
    ASSERT_EQ(cccd_result_bundle(m_read, nullptr, 0, &m_bundle), CCCD_OK);

    ASSERT_EQ(reverify(ServerNonce, 8), CCCD_OK);
    EXPECT_EQ(cccd_result_verified(m_reverified), 1);
    EXPECT_EQ(cccd_result_problem_count(m_reverified), 0u);
    cccd_result_free(m_reverified);
    m_reverified = nullptr;

    const std::uint8_t otherNonce[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    ASSERT_EQ(reverify(otherNonce, 8), CCCD_OK);
    EXPECT_EQ(cccd_result_verified(m_reverified), 0);
    const json again = json::parse(cccd_result_json(m_reverified));
    EXPECT_EQ(again.at("verification").at("active_authentication").at("reason"),
              "challenge_mismatch");
    EXPECT_EQ(again.at("reverification").at("active_authentication").at("challenge"), "mismatch");
    ASSERT_EQ(cccd_result_problem_count(m_reverified), 1u);
    EXPECT_STREQ(cccd_result_problem(m_reverified, 0), "chip_possible_clone");
}

TEST_F(CApiEvidenceTest, BadBundlesAndArgumentsGiveTheirStatus) {
    read("vn-basic");
    ASSERT_EQ(cccd_result_bundle(m_read, nullptr, 0, &m_bundle), CCCD_OK);
    json bundle = json::parse(m_bundle);

    EXPECT_EQ(cccd_bundle_reverify(m_server, "{", nullptr, 0, &m_reverified),
              CCCD_E_MALFORMED_DATA);
    EXPECT_EQ(m_reverified, nullptr);
    EXPECT_STRNE(cccd_last_error_message(), "");
    bundle["files"]["DG1"] = "not base64!";
    EXPECT_EQ(cccd_bundle_reverify(m_server, bundle.dump().c_str(), nullptr, 0, &m_reverified),
              CCCD_E_MALFORMED_DATA);
    bundle["version"] = 99;
    EXPECT_EQ(cccd_bundle_reverify(m_server, bundle.dump().c_str(), nullptr, 0, &m_reverified),
              CCCD_E_NOT_SUPPORTED);
    EXPECT_EQ(reverify(ServerNonce, 4), CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(reverify(nullptr, 8), CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(cccd_bundle_reverify(nullptr, m_bundle, nullptr, 0, &m_reverified),
              CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_bundle_reverify(m_server, nullptr, nullptr, 0, &m_reverified),
              CCCD_E_BAD_HANDLE);
    char* none = nullptr;
    EXPECT_EQ(cccd_result_bundle(nullptr, nullptr, 0, &none), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_result_bundle(m_read, nullptr, 2, &none), CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(none, nullptr);
    cccd_bundle_free(nullptr);
}

} // namespace cccd::capitest
