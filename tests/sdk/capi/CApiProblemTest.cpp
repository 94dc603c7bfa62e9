// The problem codes of a result (cccd_result_problem): each one on an emulated card with the
// fault that causes it, and none on a sound card. The codes are what a bank's KYC decision
// reads instead of the JSON.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "EmulatedSession.h"
#include "base/Bytes.h"
#include "cccd/cccd.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "support/TestData.h"

namespace cccd::capitest {
namespace {

// File identifiers of ICAO 9303-10 §4.6, §4.7.
constexpr std::uint16_t EfCardAccess = 0x011C;
constexpr std::uint16_t EfCom = 0x011E;
constexpr std::uint16_t EfSod = 0x011D;
constexpr std::uint16_t Dg2 = 0x0102;

struct Problem {
    std::string code;
    std::string file;

    friend bool operator==(const Problem&, const Problem&) = default;
};

void PrintTo(const Problem& problem, std::ostream* out) {
    *out << problem.code << " (" << problem.file << ")";
}

std::string profileText(const std::string& profile, const std::string& extension) {
    std::string text = toString(test::readFile(profilesDirectory() + "/" + profile + extension));
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

Bytes& fileOf(std::vector<emulator::ElementaryFile>& files, std::uint16_t fid) {
    auto file = std::find_if(files.begin(), files.end(),
                             [fid](const emulator::ElementaryFile& f) { return f.fid == fid; });
    if (file == files.end()) {
        throw std::runtime_error("the profile has no such file");
    }
    return file->data;
}

/// The offset of the first `pattern` in `data`.
std::size_t offsetOf(const Bytes& data, const Bytes& pattern) {
    auto at = std::search(data.begin(), data.end(), pattern.begin(), pattern.end());
    if (at == data.end()) {
        throw std::runtime_error("pattern not found");
    }
    return static_cast<std::size_t>(at - data.begin());
}

/// A context trusting the test CSCA; reads a card and keeps its problems.
class CApiProblemTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(cccd_context_new(&m_context), CCCD_OK);
        const std::string csca = profilesDirectory() + "/csca.pem";
        ASSERT_EQ(cccd_context_add_trust_file(m_context, csca.c_str()), CCCD_OK);
    }

    void TearDown() override {
        cccd_result_free(m_result);
        cccd_context_free(m_context);
    }

    /// Reads `card` with the printed MRZ of `profile`, or its CAN.
    std::vector<Problem> problems(std::shared_ptr<emulator::EmulatedCard> card,
                                  const std::string& profile = "vn-basic", bool useCan = false) {
        cccd_session* session = openEmulatedSession(m_context, std::move(card));
        const cccd_status keySet =
            useCan ? cccd_session_set_can(session, profileText(profile, ".can").c_str())
                   : cccd_session_set_mrz(session, profileText(profile, ".mrz").c_str());
        EXPECT_EQ(keySet, CCCD_OK);
        cccd_result_free(m_result);
        m_result = nullptr;
        EXPECT_EQ(cccd_session_read(session, &m_result), CCCD_OK) << cccd_last_error_message();
        cccd_session_free(session);
        std::vector<Problem> out;
        for (std::size_t i = 0; i < cccd_result_problem_count(m_result); ++i) {
            out.push_back(
                {cccd_result_problem(m_result, i), cccd_result_problem_file(m_result, i)});
        }
        EXPECT_EQ(cccd_result_problem(m_result, out.size()), nullptr);
        EXPECT_EQ(cccd_result_verified(m_result), out.empty() ? 1 : 0);
        return out;
    }

    std::vector<Problem> problems(emulator::CardProfile profile,
                                  const std::string& name = "vn-basic", bool useCan = false) {
        return problems(std::make_shared<emulator::EmulatedCard>(std::move(profile)), name, useCan);
    }

    std::vector<Problem> problems(const std::string& name) {
        return problems(loadTestProfile(name), name);
    }

    cccd_context* m_context = nullptr;
    cccd_result* m_result = nullptr;
};

TEST_F(CApiProblemTest, ASoundCardHasNone) {
    EXPECT_EQ(problems("vn-basic"), std::vector<Problem>{});
    EXPECT_EQ(cccd_result_problem_count(nullptr), 0u);
    EXPECT_EQ(cccd_result_problem(nullptr, 0), nullptr);
    EXPECT_EQ(cccd_result_problem_file(nullptr, 0), nullptr);
}

TEST_F(CApiProblemTest, WithoutTheCscaTheIssuerIsUnknown) {
    cccd_context_free(m_context);
    ASSERT_EQ(cccd_context_new(&m_context), CCCD_OK);

    EXPECT_EQ(problems("vn-basic"), (std::vector<Problem>{{"issuer_unknown", "EF.SOD"}}));
}

TEST_F(CApiProblemTest, AChangedPortraitIsAHashMismatchOfDg2) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    const std::size_t size = fileOf(profile.applicationFiles, Dg2).size();
    auto card = std::make_shared<emulator::EmulatedCard>(std::move(profile));
    card->corruptFile(Dg2, size - 3); // inside the JPEG: DG2 still parses

    EXPECT_EQ(problems(card), (std::vector<Problem>{{"data_group_hash_mismatch", "DG2"}}));
}

TEST_F(CApiProblemTest, ADataGroupTheCardWithholdsIsMissing) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    profile.faults = {"status-only 6A82 ins=A4 fid=0102 always",
                      "status-only 6A82 ins=B0 fid=0102 always"};

    EXPECT_EQ(problems(std::move(profile)), (std::vector<Problem>{{"data_group_missing", "DG2"}}));
}

TEST_F(CApiProblemTest, ADg1ThatDoesNotParseIsMalformed) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    profile.faults = {"tlv-length 0101 1 -1"};

    EXPECT_EQ(
        problems(std::move(profile)),
        (std::vector<Problem>{{"file_malformed", "DG1"}, {"data_group_hash_mismatch", "DG1"}}));
}

TEST_F(CApiProblemTest, AChipThatFailsChipAuthenticationIsAPossibleClone) {
    EXPECT_EQ(problems("ca-mismatch"), (std::vector<Problem>{{"chip_possible_clone", ""}}));
}

TEST_F(CApiProblemTest, AChipThatFailsActiveAuthenticationIsAPossibleClone) {
    EXPECT_EQ(problems("aa-mismatch"), (std::vector<Problem>{{"chip_possible_clone", ""}}));
}

TEST_F(CApiProblemTest, AnEfComListingAnotherDataGroupDiffers) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    Bytes& com = fileOf(profile.applicationFiles, EfCom);
    const std::size_t list = offsetOf(com, {0x5C});
    com[list + 2] = 0x6B; // the first data group tag becomes DG11's (EF.COM is not signed)

    EXPECT_EQ(problems(std::move(profile)),
              (std::vector<Problem>{{"data_group_list_differs", "EF.COM"}}));
}

TEST_F(CApiProblemTest, AnEfComOfAnotherLdsVersionIsInvalid) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    Bytes& com = fileOf(profile.applicationFiles, EfCom);
    com[offsetOf(com, {0x5F, 0x01, 0x04}) + 4] = '9'; // LDS "0107" becomes "0907"

    EXPECT_EQ(problems(std::move(profile)),
              (std::vector<Problem>{{"lds_version_invalid", "EF.COM"}}));
}

TEST_F(CApiProblemTest, AnEfSodThatDoesNotParseIsMalformed) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    profile.faults = {"tlv-length 011D 3 -1"};

    EXPECT_EQ(problems(std::move(profile)),
              (std::vector<Problem>{{"security_object_malformed", "EF.SOD"}}));
}

TEST_F(CApiProblemTest, AChangedSignatureIsInvalid) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    fileOf(profile.applicationFiles, EfSod).back() ^= 0x01; // the signature's last byte

    EXPECT_EQ(problems(std::move(profile)),
              (std::vector<Problem>{{"signature_invalid", "EF.SOD"}}));
}

TEST_F(CApiProblemTest, ADataGroupWithoutHashIsNotSigned) {
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    profile.applicationFiles.push_back({0x010B, {0x6B, 0x03, 0x5C, 0x01, 0x00}}); // a DG11
    const int groups[] = {1, 11};
    ASSERT_EQ(cccd_context_set_data_groups(m_context, groups, 2), CCCD_OK);

    EXPECT_EQ(problems(std::move(profile)),
              (std::vector<Problem>{{"data_group_not_signed", "DG11"}}));
}

TEST_F(CApiProblemTest, NoDataGroupReadIsAProblem) {
    const int groups[] = {11}; // the card has none
    ASSERT_EQ(cccd_context_set_data_groups(m_context, groups, 1), CCCD_OK);

    EXPECT_EQ(problems("vn-basic"), (std::vector<Problem>{{"no_data_group_read", ""}}));
}

TEST_F(CApiProblemTest, AnMrzOtherThanTheKeysDiffersFromTheKey) {
    // PACE with the CAN opens the chip; the MRZ key the caller also gave is another card's.
    cccd_session* session = openEmulatedSession(m_context, "vn-basic");
    ASSERT_EQ(cccd_session_set_mrz_key(session, "C00000000", "900514", "300514"), CCCD_OK);
    ASSERT_EQ(cccd_session_set_can(session, profileText("vn-basic", ".can").c_str()), CCCD_OK);

    ASSERT_EQ(cccd_session_read(session, &m_result), CCCD_OK) << cccd_last_error_message();
    cccd_session_free(session);

    ASSERT_EQ(cccd_result_problem_count(m_result), 1u);
    EXPECT_STREQ(cccd_result_problem(m_result, 0), "mrz_differs_from_key");
    EXPECT_STREQ(cccd_result_problem_file(m_result, 0), "DG1");
}

TEST_F(CApiProblemTest, PaceParametersDg14DoesNotSignDiffer) {
    // EF.CardAccess (not signed) offers PACE on P-256 (ID 12), which the card runs; DG14 signs
    // brainpoolP256r1 (ID 13) only. PACEInfo: id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2, 12.
    emulator::CardProfile profile = loadTestProfile("vn-basic");
    profile.pace = {{"0.4.0.127.0.7.2.2.4.2.2", 12, std::nullopt}};
    fileOf(profile.masterFiles, EfCardAccess) = {0x31, 0x14, 0x30, 0x12, 0x06, 0x0A, 0x04, 0x00,
                                                 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02,
                                                 0x02, 0x01, 0x02, 0x02, 0x01, 0x0C};

    EXPECT_EQ(problems(std::move(profile), "vn-basic", true),
              (std::vector<Problem>{{"pace_info_differs", "EF.CardAccess"}}));
}

TEST_F(CApiProblemTest, AnEfCardAccessEfCardSecurityDoesNotSignDiffers) {
    // PACE-CAM's card: EF.CardAccess gains a TerminalAuthenticationInfo (id-TA, version 2)
    // that EF.CardSecurity does not sign.
    emulator::CardProfile profile = loadTestProfile("pace-cam-p256");
    Bytes& access = fileOf(profile.masterFiles, EfCardAccess);
    ASSERT_EQ(access[0], 0x31);
    ASSERT_LT(access[1], 0x80 - 15) << "a short length";
    const Bytes extra = {0x30, 0x0D, 0x06, 0x08, 0x04, 0x00, 0x7F, 0x00,
                         0x07, 0x02, 0x02, 0x02, 0x02, 0x01, 0x02};
    access.insert(access.end(), extra.begin(), extra.end());
    access[1] = static_cast<std::uint8_t>(access[1] + extra.size());

    EXPECT_EQ(problems(std::move(profile), "pace-cam-p256", true),
              (std::vector<Problem>{{"card_access_differs", "EF.CardAccess"}}));
}

} // namespace
} // namespace cccd::capitest
