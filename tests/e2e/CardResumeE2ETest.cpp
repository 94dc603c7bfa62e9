// Card loss and resume through a real pcscd and vpcd: the emulated card is pulled at every APDU
// of a full read (`fault remove at=N` on the emulator's control socket), put back (`present`),
// and the read resumes with its reader::ReadState over a new PC/SC connection. Every cut must
// end in Error(CardRemoved) within a bounded time, the resumed read must give the record of an
// uninterrupted one, and the loop must leak no file descriptor (PC/SC handles, sockets).
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <thread>
#include <utility>
#include <vector>

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
#include "reader/Document.h"
#include "support/Process.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

using namespace cccd;
using namespace std::chrono_literals;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// Far above what one cut and resume takes (about a second): beyond it the read hangs.
constexpr auto IterationBound = 15s;

std::size_t openFileDescriptors() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator("/proc/self/fd")) {
        ++count;
    }
    return count;
}

constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;

bool secured(std::uint8_t cla) {
    return (cla & 0x0C) != 0;
}

class CardResumeE2ETest : public test::EmulatedCardE2ETest {
protected:
    CardResumeE2ETest() : EmulatedCardE2ETest("resume-control") {}

    reader::ReadOptions options(reader::ReadState* state) const {
        reader::ReadOptions out;
        out.state = state;
        return out;
    }
};

void expectSameRecord(const reader::CardReadout& got, const reader::CardReadout& want) {
    EXPECT_EQ(got.atr, want.atr);
    EXPECT_EQ(got.efCardAccess, want.efCardAccess);
    EXPECT_EQ(got.efCom, want.efCom);
    EXPECT_EQ(got.efSod, want.efSod);
    EXPECT_EQ(got.dataGroups, want.dataGroups);
    EXPECT_EQ(got.skipped.size(), want.skipped.size());
    EXPECT_EQ(got.extendedLength, want.extendedLength);
    EXPECT_EQ(got.access.protocol, want.access.protocol);
    ASSERT_TRUE(got.chipAuthentication);
    EXPECT_EQ(got.chipAuthentication->status, verify::ChipAuthenticationStatus::Passed);
}

} // namespace

TEST_F(CardResumeE2ETest, CardPulledAtEveryApduResumesWithoutHangOrLeak) {
    const mrz::MrzKey key = accessKey();
    verify::TrustStore trust;
    trust.addFile(profiles() / "csca.pem");

    reader::CardReadout reference;
    std::vector<std::pair<std::uint8_t, std::uint8_t>> sent;
    {
        std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader);
        test::CountingChannel counting(*channel);
        reference = reader::readCard(counting, key, options(nullptr));
        sent = counting.sent();
    }
    ASSERT_TRUE(reader::interpret(reference, trust).verified());
    ASSERT_TRUE(reference.extendedLength) << "vpcd carries extended APDUs";
    const std::size_t commands = sent.size();
    ASSERT_GT(commands, 10u);
    // The last PACE step (GENERAL AUTHENTICATE in plain): a cut after it had a session open.
    std::size_t paceDone = 0;
    for (std::size_t i = 0; i < commands; ++i) {
        if (!secured(sent[i].first) && sent[i].second == InsGeneralAuthenticate) {
            paceDone = i + 1;
        }
    }

    std::optional<std::size_t> descriptors;
    std::chrono::milliseconds slowest{0};
    const auto loopStart = std::chrono::steady_clock::now();
    for (std::size_t cut = 1; cut <= commands; ++cut) {
        SCOPED_TRACE("card pulled at APDU " + std::to_string(cut));
        const auto start = std::chrono::steady_clock::now();
        ASSERT_NO_FATAL_FAILURE(resetCard());
        ASSERT_EQ(control("fault remove at=" + std::to_string(cut)), "ok fault armed");

        reader::ReadState state;
        std::size_t sentBeforeTheCut = 0;
        try {
            std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader);
            test::CountingChannel counting(*channel);
            try {
                (void)reader::readCard(counting, key, options(&state));
            } catch (const Error&) {
                sentBeforeTheCut = counting.commands();
                throw;
            }
            ADD_FAILURE() << "the read ended without the card leaving";
        } catch (const Error& e) {
            ASSERT_EQ(e.code(), ErrorCode::CardRemoved) << e.what();
        }
        EXPECT_EQ(sentBeforeTheCut, cut);
        ASSERT_EQ(control("present " + Persona), "ok present " + Persona);
        ASSERT_EQ(m_context.waitForCard(m_reader, 10s), m_reader);

        reader::CardReadout readout;
        {
            std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader);
            readout = reader::readCard(*channel, key, options(&state));
        }
        expectSameRecord(readout, reference);
        EXPECT_TRUE(reader::interpret(readout, trust).verified());
        // A new PACE in the resumed session; no READ BINARY twice, but the one the cut lost.
        EXPECT_EQ(readout.sessions, cut > paceDone ? 2u : 1u);
        bool cutReadBinary = secured(sent[cut - 1].first) && sent[cut - 1].second == InsReadBinary;
        EXPECT_EQ(readout.readBinaryCommands,
                  reference.readBinaryCommands + (cutReadBinary ? 1 : 0));

        auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        EXPECT_LT(elapsed, IterationBound);
        slowest = std::max(slowest, elapsed);
        if (!descriptors) {
            descriptors = openFileDescriptors();
        }
    }
    EXPECT_EQ(openFileDescriptors(), descriptors) << "a PC/SC handle or socket leaked";
    auto total = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - loopStart);
    std::cout << "[ timing   ] " << commands << " cuts in " << total.count()
              << " ms, slowest iteration " << slowest.count() << " ms\n";
}
