// Cancellation and the transmit timeout through a real pcscd and vpcd: the emulated card answers
// DG2's first READ BINARY late (`fault delay`), and the SDK's PcscChannel stops waiting for it
// when the caller's cancel flag is set (Error(Cancelled)) or after
// PcscChannelOptions::transmitTimeout (Error(Timeout)); the reader then serves the next read.
// tests/sdk/reader/ReadCancelTest checks the same in process, where the emulated reader cuts the
// card's power; through pcscd the abandoned exchange runs to its end in the background.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <optional>
#include <thread>

#include <unistd.h>

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
#include "support/Process.h"
#include "support/TestData.h"

using namespace cccd;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// The slow command: longer than the wait before the cancel and than the short transmit timeout,
// far shorter than PcscChannelOptions' default 30 s.
constexpr auto SlowAnswer = 5000ms;
// How long after the card took the slow command the test cancels.
constexpr auto CancelPoint = 300ms;
// What the emulated card logs when a fault fires, before it sleeps.
const std::string FaultFired = "command fault fired";
// "Promptly", generously for a loaded machine: well under SlowAnswer.
constexpr auto Promptly = 2s;
constexpr auto ShortTransmitTimeout = 1000ms;
// Far above what a read takes: beyond it, something hangs.
constexpr auto ReadBound = 20s;

long long ms(Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// How one read ended, and when.
struct Outcome {
    std::optional<reader::CardReadout> readout;
    std::optional<Error> error;
    Clock::time_point end;
};

class PcscCancelE2ETest : public test::EmulatedCardE2ETest {
protected:
    PcscCancelE2ETest() : EmulatedCardE2ETest("cancel-control") {}

    void slowDg2() {
        ASSERT_EQ(control("fault delay " + std::to_string(SlowAnswer.count()) + " ins=B0 fid=0102"),
                  "ok fault armed");
    }

    // Reads on a thread of its own and waits for it at most ReadBound; a read still running
    // then fails the test, and the card is taken away so that it ends.
    Outcome readBounded(transport::CardChannel& channel, const reader::ReadOptions& options) {
        std::future<Outcome> reading = std::async(std::launch::async, [&channel, options] {
            Outcome out;
            try {
                out.readout = reader::readCard(channel, accessKey(), options);
            } catch (const Error& e) {
                out.error = e;
            }
            out.end = Clock::now();
            return out;
        });
        if (reading.wait_for(ReadBound) != std::future_status::ready) {
            ADD_FAILURE() << "the read hangs";
            m_emulator->terminate();
        }
        return reading.get();
    }
};

void expectAWholeRead(const Outcome& outcome) {
    ASSERT_TRUE(outcome.readout) << outcome.error->what();
    EXPECT_EQ(outcome.readout->sessions, 1u);
    for (int dg : {1, 2, 13, 14, 15}) {
        EXPECT_TRUE(outcome.readout->dataGroups.contains(dg)) << "DG" << dg;
    }
    ASSERT_TRUE(outcome.readout->chipAuthentication);
    EXPECT_EQ(outcome.readout->chipAuthentication->status,
              verify::ChipAuthenticationStatus::Passed);
}

} // namespace

TEST_F(PcscCancelE2ETest, CancelDuringASlowCommandEndsTheReadAndTheReaderReadsAgain) {
    const auto start = Clock::now();
    ASSERT_NO_FATAL_FAILURE(slowDg2());
    std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader);

    reader::CancelFlag cancel{false};
    std::atomic<bool> dg2Read{false};
    reader::ReadOptions options;
    options.cancel = &cancel;
    options.onProgress = [&](const reader::ReadProgress& p) {
        dg2Read = dg2Read || p.file == "DG2";
    };
    // Cancels once the card has the slow command (its log says so), or when the read takes
    // too long to get there.
    std::optional<Clock::time_point> cancelledAt;
    bool slowCommandSent = false;
    std::thread canceller([&] {
        auto deadline = Clock::now() + ReadBound;
        while (!slowCommandSent && Clock::now() < deadline) {
            std::this_thread::sleep_for(5ms);
            slowCommandSent = m_emulator->errors().find(FaultFired) != std::string::npos;
        }
        std::this_thread::sleep_for(CancelPoint);
        cancelledAt = Clock::now();
        cancel = true;
    });
    Outcome cancelled = readBounded(*channel, options);
    canceller.join();

    ASSERT_TRUE(slowCommandSent) << "the slow command never reached the card";
    ASSERT_TRUE(cancelled.error) << "the read ended without the cancel";
    EXPECT_EQ(cancelled.error->code(), ErrorCode::Cancelled) << cancelled.error->what();
    ASSERT_TRUE(cancelledAt);
    EXPECT_FALSE(dg2Read) << "the slow command was answered before the cancel";
    const auto sinceCancel = cancelled.end - *cancelledAt;
    EXPECT_LT(sinceCancel, Promptly);

    // The same channel reads the whole card next, once the abandoned exchange has ended.
    reader::CancelFlag fresh{false};
    options.cancel = &fresh;
    options.onProgress = nullptr;
    const auto again = Clock::now();
    Outcome next = readBounded(*channel, options);
    expectAWholeRead(next);

    std::cout << "[ timing   ] cancelled read ended " << ms(sinceCancel)
              << " ms after the cancel; next read " << ms(next.end - again) << " ms; test "
              << ms(Clock::now() - start) << " ms\n";
}

TEST_F(PcscCancelE2ETest, TransmitTimeoutShorterThanTheCardIsATypedTimeout) {
    const auto start = Clock::now();
    ASSERT_NO_FATAL_FAILURE(slowDg2());
    pcsc::PcscChannelOptions shortWait;
    shortWait.transmitTimeout = ShortTransmitTimeout;
    std::unique_ptr<pcsc::PcscChannel> channel = m_context.connect(m_reader, shortWait);

    // The last progress comes before the slow command goes out: the wait for its answer began
    // later.
    std::atomic<Clock::rep> lastProgress{Clock::now().time_since_epoch().count()};
    reader::ReadOptions options;
    options.onProgress = [&](const reader::ReadProgress&) {
        lastProgress = Clock::now().time_since_epoch().count();
    };
    Outcome timedOut = readBounded(*channel, options);
    ASSERT_TRUE(timedOut.error) << "the read ended without the timeout";
    EXPECT_EQ(timedOut.error->code(), ErrorCode::Timeout) << timedOut.error->what();
    const auto waited = timedOut.end - Clock::time_point(Clock::duration(lastProgress.load()));
    EXPECT_GE(waited, ShortTransmitTimeout);
    EXPECT_LT(waited, ShortTransmitTimeout + Promptly);

    // The reader is usable afterwards: the channel closes once the card's late answer is in, and
    // a new one on the same reader, with the same short timeout, reads the whole card.
    const auto closing = Clock::now();
    channel.reset();
    const auto closed = Clock::now();
    EXPECT_LT(closed - closing, SlowAnswer);
    channel = m_context.connect(m_reader, shortWait);
    options.onProgress = nullptr;
    Outcome next = readBounded(*channel, options);
    expectAWholeRead(next);

    std::cout << "[ timing   ] timeout after " << ms(waited) << " ms of waiting; closing "
              << ms(closed - closing) << " ms; next read " << ms(next.end - closed) << " ms; test "
              << ms(Clock::now() - start) << " ms\n";
}
