// The C API over the emulated card, read in process: the JSON it hands out, its statuses and
// messages, progress, cancellation, the caller's Active Authentication challenge, NULL handles.
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "EmulatedSession.h"
#include "base/Error.h"
#include "capi/Status.h"
#include "cccd/cccd.h"
#include "support/PersonaJson.h"
#include "support/TestData.h"

namespace cccd::capitest {
namespace {

using nlohmann::json;

const std::string Profile = "vn-basic";

/// A file the profile generator wrote beside the card: the printed MRZ (.mrz), the CAN (.can).
std::string profileText(const std::string& extension, const std::string& profile = Profile) {
    std::string text = toString(test::readFile(profilesDirectory() + "/" + profile + extension));
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

/// A context trusting the test CSCA, and a session on the emulated card.
class CApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(cccd_context_new(&m_context), CCCD_OK);
        const std::string csca = profilesDirectory() + "/csca.pem";
        ASSERT_EQ(cccd_context_add_trust_file(m_context, csca.c_str()), CCCD_OK);
        m_session = openEmulatedSession(m_context, Profile);
    }

    void TearDown() override {
        cccd_result_free(m_result);
        cccd_session_free(m_session);
        cccd_context_free(m_context);
    }

    void setPrintedMrz() {
        ASSERT_EQ(cccd_session_set_mrz(m_session, profileText(".mrz").c_str()), CCCD_OK);
    }

    [[nodiscard]] json readJson() {
        EXPECT_EQ(cccd_session_read(m_session, &m_result), CCCD_OK) << cccd_last_error_message();
        if (m_result == nullptr) {
            return json();
        }
        return json::parse(cccd_result_json(m_result));
    }

    cccd_context* m_context = nullptr;
    cccd_session* m_session = nullptr;
    cccd_result* m_result = nullptr;
};

TEST_F(CApiTest, ReadsThePersonaAsTheDocumentedJsonWithAVerifiedReport) {
    setPrintedMrz();
    const json output = readJson();

    test::expectDocumentJsonIsPersona(output, test::loadPersona(Profile));
    EXPECT_TRUE(output.at("verified").get<bool>());
    EXPECT_EQ(cccd_result_verified(m_result), 1);
    EXPECT_EQ(output.at("verification").at("passive_authentication").at("verdict"), "valid");
    EXPECT_EQ(json::parse(cccd_result_verification_json(m_result)), output.at("verification"));
    EXPECT_STREQ(cccd_last_error_message(), "");
}

TEST_F(CApiTest, PortraitBytesAreTheOnesTheJsonDescribes) {
    setPrintedMrz();
    const json output = readJson();
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;

    ASSERT_EQ(cccd_result_portrait(m_result, &data, &size), CCCD_OK);

    ASSERT_NE(data, nullptr);
    EXPECT_EQ(size, output.at("portrait").at("size_bytes").get<std::size_t>());
}

TEST_F(CApiTest, TheCanOpensTheCardToo) {
    ASSERT_EQ(cccd_session_set_can(m_session, profileText(".can").c_str()), CCCD_OK)
        << cccd_last_error_message();
    EXPECT_TRUE(readJson().at("verified").get<bool>());
}

TEST_F(CApiTest, WithoutTheCscaTheIssuerIsUnknownAndTheDocumentNotVerified) {
    cccd_context* bare = nullptr;
    ASSERT_EQ(cccd_context_new(&bare), CCCD_OK);
    cccd_session* session = openEmulatedSession(bare, Profile);
    cccd_context_free(bare); // the session keeps what it needs
    ASSERT_EQ(cccd_session_set_mrz(session, profileText(".mrz").c_str()), CCCD_OK);
    cccd_result* result = nullptr;

    ASSERT_EQ(cccd_session_read(session, &result), CCCD_OK) << cccd_last_error_message();

    const json report = json::parse(cccd_result_verification_json(result));
    EXPECT_EQ(report.at("passive_authentication").at("verdict"), "valid_issuer_unknown");
    EXPECT_EQ(cccd_result_verified(result), 0);
    cccd_result_free(result);
    cccd_session_free(session);
}

TEST_F(CApiTest, WrongKeyIsAccessDeniedWithAMessageFreeOfPersonalData) {
    ASSERT_EQ(cccd_session_set_mrz_key(m_session, "C00000000", "900514", "300514"), CCCD_OK);
    ASSERT_EQ(cccd_context_set_access_policy(m_context, CCCD_ACCESS_BAC_ONLY), CCCD_OK);

    EXPECT_EQ(cccd_session_read(m_session, &m_result), CCCD_E_ACCESS_DENIED);

    EXPECT_EQ(m_result, nullptr);
    const std::string message = cccd_last_error_message();
    EXPECT_FALSE(message.empty());
    for (const std::string& secret : test::personaSecrets(Profile)) {
        EXPECT_EQ(message.find(secret), std::string::npos) << "the message holds " << secret;
    }
    EXPECT_STREQ(cccd_status_name(CCCD_E_ACCESS_DENIED), "access_denied");
}

TEST_F(CApiTest, ReadWithoutKeyIsInvalidArgument) {
    EXPECT_EQ(cccd_session_read(m_session, &m_result), CCCD_E_INVALID_ARGUMENT);
    EXPECT_STRNE(cccd_last_error_message(), "");
}

struct ProgressCall {
    std::string file;
    std::size_t bytesRead = 0;
    std::size_t totalBytes = 0;
    unsigned sequence = 0;
};

void recordProgress(void* user, const char* file, std::size_t bytesRead, std::size_t totalBytes,
                    unsigned sequence) {
    static_cast<std::vector<ProgressCall>*>(user)->push_back(
        {file, bytesRead, totalBytes, sequence});
}

TEST_F(CApiTest, ProgressIsReportedWithIncreasingValues) {
    setPrintedMrz();
    std::vector<ProgressCall> calls;
    ASSERT_EQ(cccd_session_set_progress_callback(m_session, recordProgress, &calls), CCCD_OK);

    (void)readJson();

    ASSERT_GE(calls.size(), 4u);
    bool sawDg2 = false;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(calls[i].sequence, i + 1);
        if (i > 0 && calls[i].file == calls[i - 1].file) {
            EXPECT_GT(calls[i].bytesRead, calls[i - 1].bytesRead) << calls[i].file;
        }
        sawDg2 = sawDg2 || calls[i].file == "DG2";
    }
    EXPECT_TRUE(sawDg2);
    EXPECT_EQ(calls.back().bytesRead, calls.back().totalBytes);
}

struct CancelAt {
    cccd_session* session = nullptr;
    unsigned call = 0;
    unsigned calls = 0;
};

void cancelAtCall(void* user, const char*, std::size_t, std::size_t, unsigned sequence) {
    auto* cancel = static_cast<CancelAt*>(user);
    cancel->calls = sequence;
    if (sequence == cancel->call) {
        EXPECT_EQ(cccd_session_cancel(cancel->session), CCCD_OK);
    }
}

TEST_F(CApiTest, CancelFromTheProgressCallbackStopsTheReadAsCancelled) {
    setPrintedMrz();
    CancelAt cancel{m_session, 2, 0};
    ASSERT_EQ(cccd_session_set_progress_callback(m_session, cancelAtCall, &cancel), CCCD_OK);

    EXPECT_EQ(cccd_session_read(m_session, &m_result), CCCD_E_CANCELLED);

    EXPECT_EQ(m_result, nullptr);
    EXPECT_EQ(cancel.calls, 2u); // no READ BINARY after the cancel
    EXPECT_STREQ(cccd_status_name(CCCD_E_CANCELLED), "cancelled");
}

TEST_F(CApiTest, ACancelBeforeTheReadCancelsThatReadOnly) {
    setPrintedMrz();
    ASSERT_EQ(cccd_session_cancel(m_session), CCCD_OK);

    EXPECT_EQ(cccd_session_read(m_session, &m_result), CCCD_E_CANCELLED);
    EXPECT_TRUE(readJson().at("verified").get<bool>());
}

/// Holds the reading thread in its first progress call until another thread has cancelled.
struct CrossThreadCancel {
    std::promise<void> reading;
    std::promise<void> cancelled;
};

void waitForCancel(void* user, const char*, std::size_t, std::size_t, unsigned sequence) {
    auto* cancel = static_cast<CrossThreadCancel*>(user);
    if (sequence == 1) {
        cancel->reading.set_value();
        cancel->cancelled.get_future().wait();
    }
}

TEST_F(CApiTest, CancelFromAnotherThreadStopsTheRead) {
    setPrintedMrz();
    CrossThreadCancel cancel;
    std::future<void> reading = cancel.reading.get_future();
    ASSERT_EQ(cccd_session_set_progress_callback(m_session, waitForCancel, &cancel), CCCD_OK);
    std::thread canceller([&] {
        reading.wait();
        EXPECT_EQ(cccd_session_cancel(m_session), CCCD_OK);
        cancel.cancelled.set_value();
    });

    const cccd_status status = cccd_session_read(m_session, &m_result);
    canceller.join();

    EXPECT_EQ(status, CCCD_E_CANCELLED);
}

TEST_F(CApiTest, SessionsOnOtherThreadsShareTheContext) {
    std::vector<cccd_status> statuses(3, CCCD_E_INTERNAL);
    std::vector<int> verified(3, 0);
    std::vector<std::thread> threads;
    const std::string mrz = profileText(".mrz");
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        threads.emplace_back([&, i] {
            cccd_session* session = openEmulatedSession(m_context, Profile);
            cccd_result* result = nullptr;
            statuses[i] = cccd_session_set_mrz(session, mrz.c_str());
            if (statuses[i] == CCCD_OK) {
                statuses[i] = cccd_session_read(session, &result);
            }
            verified[i] = cccd_result_verified(result);
            cccd_result_free(result);
            cccd_session_free(session);
        });
    }
    // A setter while they read: each read keeps the settings it started with.
    EXPECT_EQ(cccd_context_add_default_anchor(m_context), CCCD_OK) << cccd_last_error_message();
    for (std::thread& thread : threads) {
        thread.join();
    }

    for (std::size_t i = 0; i < statuses.size(); ++i) {
        EXPECT_EQ(statuses[i], CCCD_OK) << i;
        EXPECT_EQ(verified[i], 1) << i;
    }
}

void collectLog(void* user, cccd_log_level, const char* category, const char* text) {
    static_cast<std::vector<std::string>*>(user)->push_back(std::string(category) + " " + text);
}

TEST_F(CApiTest, TheLogSinkGetsNoPersonalData) {
    setPrintedMrz();
    std::vector<std::string> lines;
    ASSERT_EQ(cccd_set_log_sink(collectLog, &lines, CCCD_LOG_DEBUG), CCCD_OK);

    (void)readJson();
    ASSERT_EQ(cccd_set_log_sink(nullptr, nullptr, CCCD_LOG_INFO), CCCD_OK);

    EXPECT_FALSE(lines.empty());
    for (const std::string& line : lines) {
        for (const std::string& secret : test::personaSecrets(Profile)) {
            EXPECT_EQ(line.find(secret), std::string::npos) << line;
        }
    }
}

TEST_F(CApiTest, TheCallersActiveAuthenticationChallengeIsTheOneSigned) {
    // A card with DG15 and no Chip Authentication, so that Active Authentication runs.
    cccd_session_free(m_session);
    m_session = openEmulatedSession(m_context, "aa-ecdsa");
    ASSERT_EQ(cccd_session_set_mrz(m_session, profileText(".mrz", "aa-ecdsa").c_str()), CCCD_OK);
    const std::uint8_t nonce[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
    ASSERT_EQ(cccd_session_set_aa_challenge(m_session, nonce, sizeof nonce), CCCD_OK);

    const json output = readJson();

    const json& activeAuthentication = output.at("verification").at("active_authentication");
    ASSERT_TRUE(activeAuthentication.is_object()) << "the profile runs Active Authentication";
    EXPECT_EQ(activeAuthentication.at("status"), "passed");
    std::string challenge = activeAuthentication.at("challenge").get<std::string>();
    for (char& c : challenge) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    EXPECT_EQ(challenge, "0123456789ABCDEF");
}

TEST_F(CApiTest, AChallengeOfAnotherSizeIsInvalidArgument) {
    const std::uint8_t nonce[9] = {};
    EXPECT_EQ(cccd_session_set_aa_challenge(m_session, nonce, sizeof nonce),
              CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(cccd_session_set_aa_challenge(m_session, nullptr, 8), CCCD_E_INVALID_ARGUMENT);
}

TEST_F(CApiTest, BadKeysAndOptionsAreInvalidArgument) {
    EXPECT_EQ(cccd_session_set_can(m_session, "12"), CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(cccd_session_set_mrz(m_session, "not an MRZ"), CCCD_E_MALFORMED_DATA)
        << cccd_status_name(cccd_session_set_mrz(m_session, "not an MRZ"));
    EXPECT_EQ(cccd_session_set_mrz_key(m_session, "C0", "991399", "300514"),
              CCCD_E_INVALID_ARGUMENT);
    const int groups[] = {1, 17};
    EXPECT_EQ(cccd_context_set_data_groups(m_context, groups, 2), CCCD_E_INVALID_ARGUMENT);
    int unknownPolicy = 9; // as a caller built against a newer header may pass
    EXPECT_EQ(
        cccd_context_set_access_policy(m_context, static_cast<cccd_access_policy>(unknownPolicy)),
        CCCD_E_INVALID_ARGUMENT);
    EXPECT_EQ(cccd_context_add_trust_file(m_context, "/nonexistent/csca.pem"), CCCD_E_IO);
}

TEST_F(CApiTest, OnlyTheRequestedDataGroupsAreRead) {
    setPrintedMrz();
    const int groups[] = {1, 13};
    ASSERT_EQ(cccd_context_set_data_groups(m_context, groups, 2), CCCD_OK);

    const json output = readJson();

    EXPECT_TRUE(output.at("portrait").is_null());
    EXPECT_FALSE(output.at("citizen").is_null());
}

TEST_F(CApiTest, TheAccessPolicyChoosesTheProtocol) {
    setPrintedMrz();
    EXPECT_EQ(readJson().at("card").at("access_protocol"), "PACE"); // the card offers PACE
    cccd_result_free(m_result);
    m_result = nullptr;

    ASSERT_EQ(cccd_context_set_access_policy(m_context, CCCD_ACCESS_BAC_ONLY), CCCD_OK);

    EXPECT_EQ(readJson().at("card").at("access_protocol"), "BAC");
}

TEST_F(CApiTest, PaceOnlyOnACardWithoutPaceReadsNothing) {
    cccd_session_free(m_session);
    m_session = openEmulatedSession(m_context, "bac-only");
    ASSERT_EQ(cccd_session_set_mrz(m_session, profileText(".mrz", "bac-only").c_str()), CCCD_OK);
    ASSERT_EQ(cccd_context_set_access_policy(m_context, CCCD_ACCESS_PACE_ONLY), CCCD_OK);

    const cccd_status status = cccd_session_read(m_session, &m_result);

    EXPECT_NE(status, CCCD_OK);
    EXPECT_EQ(m_result, nullptr);
}

TEST_F(CApiTest, ATrustDirectoryIsTrusted) {
    cccd_context* context = nullptr;
    ASSERT_EQ(cccd_context_new(&context), CCCD_OK);
    const std::filesystem::path directory = test::binaryDir() / "capi-trust-directory";
    std::filesystem::create_directories(directory);
    std::filesystem::copy_file(profilesDirectory() + "/csca.pem", directory / "csca.pem",
                               std::filesystem::copy_options::overwrite_existing);
    ASSERT_EQ(cccd_context_add_trust_directory(context, directory.c_str()), CCCD_OK)
        << cccd_last_error_message();
    cccd_session* session = openEmulatedSession(context, Profile);
    ASSERT_EQ(cccd_session_set_mrz(session, profileText(".mrz").c_str()), CCCD_OK);
    cccd_result* result = nullptr;

    ASSERT_EQ(cccd_session_read(session, &result), CCCD_OK) << cccd_last_error_message();

    EXPECT_EQ(cccd_result_verified(result), 1);
    EXPECT_EQ(cccd_context_add_trust_directory(context, "/nonexistent/trust"), CCCD_E_IO);
    cccd_result_free(result);
    cccd_session_free(session);
    cccd_context_free(context);
}

TEST(CApiNullHandleTest, EveryFunctionAnswersBadHandleAndNeverCrashes) {
    cccd_context* context = nullptr;
    cccd_result* result = nullptr;
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    const int group = 1;

    EXPECT_EQ(cccd_context_new(nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_add_default_anchor(nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_add_trust_file(nullptr, "x.pem"), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_add_trust_directory(nullptr, "."), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_set_access_policy(nullptr, CCCD_ACCESS_AUTO), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_set_data_groups(nullptr, &group, 1), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_context_set_authenticate_chip(nullptr, 1), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_open_pcsc(nullptr, nullptr, nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_set_mrz_key(nullptr, "C0", "900514", "300514"), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_set_mrz(nullptr, "x"), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_set_can(nullptr, "123456"), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_set_aa_challenge(nullptr, nullptr, 0), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_set_progress_callback(nullptr, nullptr, nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_read(nullptr, &result), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_cancel(nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_result_portrait(nullptr, &data, &size), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_result_json(nullptr), nullptr);
    EXPECT_EQ(cccd_result_verification_json(nullptr), nullptr);
    EXPECT_EQ(cccd_result_verified(nullptr), 0);
    EXPECT_EQ(cccd_list_readers(nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_reader_list_count(nullptr), 0u);
    EXPECT_EQ(cccd_reader_list_name(nullptr, 0), nullptr);
    EXPECT_EQ(cccd_reader_list_has_card(nullptr, 0), 0);
    cccd_reader_list_free(nullptr);
    EXPECT_STREQ(cccd_status_name(CCCD_E_BAD_HANDLE), "bad_handle");
    EXPECT_STRNE(cccd_last_error_message(), "");
    cccd_context_free(nullptr);
    cccd_session_free(nullptr);
    cccd_result_free(nullptr);

    ASSERT_EQ(cccd_context_new(&context), CCCD_OK);
    EXPECT_EQ(cccd_context_add_trust_file(context, nullptr), CCCD_E_BAD_HANDLE);
    EXPECT_EQ(cccd_session_open_pcsc(context, nullptr, nullptr), CCCD_E_BAD_HANDLE);
    cccd_context_free(context);
}

// The statuses keep ErrorCode's names, one to one, at fixed values.
TEST(CApiStatusTest, EveryErrorCodeHasItsOwnStatusWithTheSameName) {
    const int last = static_cast<int>(ErrorCode::Io);
    for (int value = 0; value <= last; ++value) {
        const auto code = static_cast<ErrorCode>(value);
        const cccd_status status = capi::toStatus(code);
        EXPECT_EQ(static_cast<int>(status), value + 1);
        EXPECT_EQ(std::string(cccd_status_name(status)), errorCodeName(code));
    }
    EXPECT_STREQ(cccd_status_name(CCCD_OK), "ok");
    EXPECT_STREQ(cccd_status_name(CCCD_E_INTERNAL), "internal");
    EXPECT_STREQ(cccd_status_name(static_cast<cccd_status>(55)), "unknown");
    EXPECT_EQ(CCCD_E_IO, 18);
    EXPECT_EQ(CCCD_E_BAD_HANDLE, 101);
}

} // namespace
} // namespace cccd::capitest
