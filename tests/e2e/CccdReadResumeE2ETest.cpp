// cccd-read when the card leaves mid-read, through a real pcscd and vpcd: the emulated card is
// pulled in the middle of DG2 (`fault remove at=N` on its control socket), cccd-read asks on
// standard error for it back, the test puts it back (`present`), and the read resumes in a new
// session with the record of an uninterrupted read. Another card put back, no card put back in
// time, and --no-resume end the read with the exit code of a removed card; a card of the same
// model that the key does not open with that of access denied; Ctrl-C ends the wait.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include <unistd.h>
#include <winscard.h>

#include <gtest/gtest.h>

#include "EmulatedCardE2ETest.h"
#include "PcscdEnvironment.h"
#include "base/Error.h"
#include "emulator/tools/ControlClient.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "pcsc/PcscChannel.h"
#include "pcsc/PcscContext.h"
#include "reader/CardReader.h"
#include "support/PersonaJson.h"
#include "support/Process.h"
#include "support/TestData.h"

using namespace cccd;
using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// A card of another ATR (the contactless pseudo-ATR; vn-basic has the contact one).
const std::string OtherPersona = "vn-long-residence";
// A card of the same ATR and another MRZ.
const std::string SameModelPersona = "vn-no-expiry";

// cccd-read's documented exit codes (cccd-read --help).
constexpr int ExitSuccess = 0;
constexpr int ExitAccessDenied = 5;
constexpr int ExitReadError = 6;
constexpr int ExitCancelled = 130;

// What cccd-read writes on standard error when the card leaves mid-read.
const std::string AskForTheCard = "put it back on the reader";

// The third command, early in any read: where the tests that need no particular place pull the
// card.
constexpr int EarlyCommand = 3;

// Far above what a read takes (a second or two): beyond it, something hangs.
constexpr auto ReadBound = 20s;

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

class CccdReadResumeE2ETest : public test::EmulatedCardE2ETest {
protected:
    CccdReadResumeE2ETest() : EmulatedCardE2ETest("read-resume-control") {}

    // The number, from the card's reset, of a READ BINARY in the middle of DG2 in a read with
    // short APDUs (with extended ones DG2 takes a single command); 0 when there is none.
    std::size_t middleOfDg2() {
        std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader);
        test::CountingChannel counting(*channel);
        std::size_t cut = 0;
        reader::ReadOptions options;
        options.extendedLength = reader::ExtendedLengthMode::Never;
        options.onProgress = [&](const reader::ReadProgress& p) {
            bool halfway =
                p.totalBytes > 0 && 2 * p.bytesRead >= p.totalBytes && p.bytesRead < p.totalBytes;
            if (cut == 0 && p.file == "DG2" && halfway) {
                cut = counting.commands() + 1; // the next READ BINARY of DG2
            }
        };
        (void)reader::readCard(counting, accessKey(), options);
        return cut;
    }

    static std::vector<std::string> readArgs(const std::vector<std::string>& extra) {
        std::vector<std::string> args{
            "--mrz-file",        (profiles() / (Persona + ".mrz")).string(),
            "--trust",           (profiles() / "csca.pem").string(),
            "--extended-length", "off"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

    static std::unique_ptr<test::Process> startRead(const std::vector<std::string>& extra) {
        return std::make_unique<test::Process>(test::binaryDir() / "bin" / "cccd-read",
                                               readArgs(extra), test::binaryDir() / "e2e");
    }

    // Waits until cccd-read asks for the card back; false when it ends or takes too long.
    static bool waitForTheQuestion(test::Process& read) {
        auto deadline = Clock::now() + ReadBound;
        while (Clock::now() < deadline) {
            if (read.errors().find(AskForTheCard) != std::string::npos) {
                return true;
            }
            if (!read.running()) {
                return read.errors().find(AskForTheCard) != std::string::npos;
            }
            std::this_thread::sleep_for(20ms);
        }
        return false;
    }
};

} // namespace

TEST_F(CccdReadResumeE2ETest, CardPulledMidDg2AndPutBackGivesTheUninterruptedRecord) {
    const auto start = Clock::now();
    const std::size_t cut = middleOfDg2();
    ASSERT_GT(cut, 0u) << "DG2 came in one READ BINARY";
    test::RunResult reference =
        test::run(test::binaryDir() / "bin" / "cccd-read", readArgs({"--wait", "10"}), ReadBound);
    ASSERT_EQ(reference.exitCode, ExitSuccess) << reference.errors;

    ASSERT_NO_FATAL_FAILURE(resetCard());
    ASSERT_EQ(control("fault remove at=" + std::to_string(cut)), "ok fault armed");
    const auto readStart = Clock::now();
    std::unique_ptr<test::Process> read = startRead({"--wait", "10", "--progress"});
    ASSERT_TRUE(waitForTheQuestion(*read)) << read->errors();
    const auto asked = Clock::now();
    ASSERT_EQ(control("present " + Persona), "ok present " + Persona);
    std::optional<int> exitCode = read->wait(ReadBound);
    const auto readEnd = Clock::now();
    std::string errors = read->errors();
    ASSERT_EQ(exitCode, ExitSuccess) << errors;

    // One question, asked while DG2 was under way, and nothing personal said.
    EXPECT_EQ(occurrences(errors, AskForTheCard), 1u) << errors;
    std::size_t question = errors.find(AskForTheCard);
    std::size_t lastProgress = errors.rfind("reading ", question);
    ASSERT_NE(lastProgress, std::string::npos) << errors;
    EXPECT_EQ(errors.compare(lastProgress, 11, "reading DG2"), 0) << errors;
    for (const std::string& secret : test::personaSecrets(Persona)) {
        EXPECT_EQ(errors.find(secret), std::string::npos) << "standard error holds a value";
    }

    // The record of the uninterrupted read, in two sessions; the READ BINARY the card's removal
    // cut off went out again in the second.
    json resumed = json::parse(read->output());
    json uninterrupted = json::parse(reference.output);
    EXPECT_EQ(resumed["card"]["sessions"], 2);
    EXPECT_EQ(uninterrupted["card"]["sessions"], 1);
    EXPECT_EQ(resumed["card"]["read_binary_commands"].get<int>(),
              uninterrupted["card"]["read_binary_commands"].get<int>() + 1);
    EXPECT_EQ(resumed["verified"], true);
    for (json* output : {&resumed, &uninterrupted}) {
        (*output)["card"].erase("sessions");
        (*output)["card"].erase("read_binary_commands");
    }
    EXPECT_EQ(resumed, uninterrupted);

    auto ms = [](Clock::duration d) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    std::cout << "[ timing   ] card pulled at command " << cut << "; cut read "
              << ms(asked - readStart) << " ms, resumed read " << ms(readEnd - asked)
              << " ms; test " << ms(Clock::now() - start) << " ms\n";
}

TEST_F(CccdReadResumeE2ETest, AnotherCardPutBackEndsTheReadWithoutReadingIt) {
    ASSERT_EQ(control("fault remove at=" + std::to_string(EarlyCommand)), "ok fault armed");
    std::unique_ptr<test::Process> read = startRead({"--wait", "10"});
    ASSERT_TRUE(waitForTheQuestion(*read)) << read->errors();
    ASSERT_EQ(control("present " + OtherPersona), "ok present " + OtherPersona);
    EXPECT_EQ(read->wait(ReadBound), ExitReadError) << read->errors();
    EXPECT_NE(read->errors().find("not the one the read began on"), std::string::npos)
        << read->errors();
    EXPECT_NE(read->errors().find("[card_removed]"), std::string::npos) << read->errors();
    EXPECT_TRUE(read->output().empty());
    for (const std::string& secret : test::personaSecrets(OtherPersona)) {
        EXPECT_EQ(read->errors().find(secret), std::string::npos) << "standard error holds a value";
    }
}

// Same model, same ATR, another holder: the first card's key does not open it.
TEST_F(CccdReadResumeE2ETest, SameModelCardWithAnotherKeyIsAccessDenied) {
    ASSERT_EQ(control("fault remove at=" + std::to_string(EarlyCommand)), "ok fault armed");
    std::unique_ptr<test::Process> read = startRead({"--wait", "10"});
    ASSERT_TRUE(waitForTheQuestion(*read)) << read->errors();
    ASSERT_EQ(control("present " + SameModelPersona), "ok present " + SameModelPersona);
    EXPECT_EQ(read->wait(ReadBound), ExitAccessDenied) << read->errors();
    EXPECT_NE(read->errors().find("is it the same card?"), std::string::npos) << read->errors();
    EXPECT_TRUE(read->output().empty());
}

TEST_F(CccdReadResumeE2ETest, CardNotPutBackInTimeEndsTheRead) {
    ASSERT_EQ(control("fault remove at=" + std::to_string(EarlyCommand)), "ok fault armed");
    std::unique_ptr<test::Process> read = startRead({"--wait", "1"});
    ASSERT_TRUE(waitForTheQuestion(*read)) << read->errors();
    const auto asked = Clock::now();
    EXPECT_EQ(read->wait(ReadBound), ExitReadError) << read->errors();
    EXPECT_LT(Clock::now() - asked, 5s) << "--wait 1 was not kept";
    EXPECT_NE(read->errors().find("not put back"), std::string::npos) << read->errors();
    EXPECT_TRUE(read->output().empty());
}

TEST_F(CccdReadResumeE2ETest, CtrlCWhileWaitingForTheCardBackEndsAtOnce) {
    ASSERT_EQ(control("fault remove at=" + std::to_string(EarlyCommand)), "ok fault armed");
    std::unique_ptr<test::Process> read = startRead({"--wait", "60"});
    ASSERT_TRUE(waitForTheQuestion(*read)) << read->errors();
    read->sendSignal(SIGINT);
    EXPECT_EQ(read->wait(5s), ExitCancelled) << read->errors();
    EXPECT_TRUE(read->output().empty());
}

TEST_F(CccdReadResumeE2ETest, NoResumeEndsTheReadWhenTheCardLeaves) {
    ASSERT_EQ(control("fault remove at=" + std::to_string(EarlyCommand)), "ok fault armed");
    test::RunResult r = test::run(test::binaryDir() / "bin" / "cccd-read",
                                  readArgs({"--wait", "10", "--no-resume"}), ReadBound);
    EXPECT_EQ(r.exitCode, ExitReadError) << r.errors;
    EXPECT_NE(r.errors.find("[card_removed]"), std::string::npos) << r.errors;
    EXPECT_EQ(r.errors.find(AskForTheCard), std::string::npos) << r.errors;
    EXPECT_TRUE(r.output.empty());
}
