// Cancelling a read from another thread while the card is slow (the emulator's delay fault, 30 s)
// returns Error(Cancelled) promptly, a reader that stops waiting returns Error(Timeout), and in
// both cases the next read on the same channel succeeds.
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "reader/CardReader.h"

using namespace cccd;
using namespace cccd::readertest;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// Far longer than any test may take: a read that waits for it has not been cancelled.
constexpr const char* SlowDg2 = "delay 30000 ins=B0 fid=0102";
constexpr const char* SlowPace = "delay 30000 ins=86";
// "Promptly", generously for a loaded machine.
constexpr auto Promptly = 2s;

void arm(emulator::EmulatorChannel& channel, const std::string& text) {
    std::variant<emulator::CommandFault, std::string> fault = emulator::parseCommandFault(text);
    ASSERT_TRUE(std::holds_alternative<emulator::CommandFault>(fault));
    channel.card().arm(std::get<emulator::CommandFault>(fault));
}

reader::ReadOptions readOptions(reader::AccessPolicy policy, const reader::CancelFlag* cancel) {
    reader::ReadOptions options;
    options.accessPolicy = policy;
    options.random = seededRandom(5);
    options.cancel = cancel;
    return options;
}

struct Outcome {
    std::optional<reader::CardReadout> readout;
    std::optional<Error> error;
    Clock::duration sinceCancel{};
    Clock::duration total{};
};

// Starts the read on a thread of its own; once `ready` says the card is busy (or at once), waits
// `settle` and sets the flag, then times how long the read takes to come back.
Outcome readAndCancel(emulator::EmulatorChannel& channel, reader::ReadOptions options,
                      reader::CancelFlag& cancel, const std::atomic<bool>& ready) {
    Outcome out;
    auto start = Clock::now();
    std::thread reading([&] {
        try {
            out.readout = reader::readCard(channel, accessKey("vn-basic"), options);
        } catch (const Error& e) {
            out.error = e;
        }
        out.total = Clock::now() - start;
    });
    while (!ready && Clock::now() - start < 10s) {
        std::this_thread::sleep_for(5ms);
    }
    std::this_thread::sleep_for(200ms); // the slow command is on its way by now
    auto cancelledAt = Clock::now();
    cancel = true;
    reading.join();
    out.sinceCancel = Clock::now() - cancelledAt;
    return out;
}

// The one-shot delay has fired: the slow command did reach the card before the cancel.
void expectTheSlowCommandWentOut(emulator::EmulatorChannel& channel) {
    EXPECT_TRUE(channel.card().faults().commands.empty()) << "the slow command never went out";
}

void expectTheCardsFiles(const reader::CardReadout& readout, const emulator::CardProfile& card) {
    EXPECT_EQ(readout.efCom, fileOf(card, 0x011E));
    EXPECT_EQ(readout.efSod, fileOf(card, 0x011D));
    for (int dg : {1, 2, 13, 14, 15}) {
        ASSERT_TRUE(readout.dataGroups.contains(dg)) << "DG" << dg;
        EXPECT_EQ(readout.dataGroups.at(dg), fileOf(card, static_cast<std::uint16_t>(0x0100 + dg)));
    }
}

} // namespace

// DG13 is read just before DG2, whose first READ BINARY the card answers after 30 s.
TEST(ReadCancelTest, CancelDuringASlowReadBinaryReturnsPromptly) {
    emulator::EmulatorChannel channel = cardOnReader("vn-basic");
    arm(channel, SlowDg2);
    reader::CancelFlag cancel{false};
    std::atomic<bool> dg13Read{false};
    reader::ReadOptions options = readOptions(reader::AccessPolicy::BacOnly, &cancel);
    options.onProgress = [&](const reader::ReadProgress& p) {
        if (p.file == "DG13" && p.bytesRead == p.totalBytes) {
            dg13Read = true;
        }
    };

    Outcome cancelled = readAndCancel(channel, options, cancel, dg13Read);
    ASSERT_TRUE(cancelled.error);
    EXPECT_EQ(cancelled.error->code(), ErrorCode::Cancelled) << cancelled.error->what();
    EXPECT_LT(cancelled.sinceCancel, Promptly);
    EXPECT_LT(cancelled.total, 10s);

    // The same channel reads the card in full next.
    reader::CancelFlag fresh{false};
    auto start = Clock::now();
    reader::CardReadout again = reader::readCard(
        channel, accessKey("vn-basic"), readOptions(reader::AccessPolicy::BacOnly, &fresh));
    EXPECT_LT(Clock::now() - start, 10s);
    expectTheCardsFiles(again, channel.card().profile());
    expectTheSlowCommandWentOut(channel);
}

// The first GENERAL AUTHENTICATE of PACE is the slow command: cancel works there too, with the
// cancel flag the only thing the caller has.
TEST(ReadCancelTest, CancelDuringPaceReturnsPromptly) {
    emulator::EmulatorChannel channel = cardOnReader("vn-basic");
    arm(channel, SlowPace);
    reader::CancelFlag cancel{false};
    std::atomic<bool> atOnce{true};
    Outcome cancelled =
        readAndCancel(channel, readOptions(reader::AccessPolicy::Auto, &cancel), cancel, atOnce);
    ASSERT_TRUE(cancelled.error);
    EXPECT_EQ(cancelled.error->code(), ErrorCode::Cancelled) << cancelled.error->what();
    EXPECT_LT(cancelled.sinceCancel, Promptly);

    reader::CardReadout again = reader::readCard(channel, accessKey("vn-basic"),
                                                 readOptions(reader::AccessPolicy::Auto, nullptr));
    EXPECT_EQ(again.access.protocol, "PACE");
    expectTheCardsFiles(again, channel.card().profile());
    expectTheSlowCommandWentOut(channel);
}

// A reader that waits 300 ms for an answer gives up on the slow card with Error(Timeout), and
// cuts its power; the next read finds the card fresh.
TEST(ReadCancelTest, ReaderTimeoutEndsASlowExchange) {
    emulator::EmulatedReader reader;
    reader.responseTimeout = 300ms;
    emulator::EmulatorChannel channel(
        std::make_shared<emulator::EmulatedCard>(profile("vn-basic"), seededRandom(7)),
        emulator::LinkModel::off(), false, reader);
    arm(channel, SlowDg2);

    auto start = Clock::now();
    Error e = errorOf([&] {
        (void)reader::readCard(channel, accessKey("vn-basic"),
                               readOptions(reader::AccessPolicy::BacOnly, nullptr));
    });
    EXPECT_EQ(e.code(), ErrorCode::Timeout) << e.what();
    EXPECT_LT(Clock::now() - start, 10s);

    reader::CardReadout again = reader::readCard(
        channel, accessKey("vn-basic"), readOptions(reader::AccessPolicy::BacOnly, nullptr));
    expectTheCardsFiles(again, channel.card().profile());
    expectTheSlowCommandWentOut(channel);
}

// A flag set before the read starts sends nothing at all.
TEST(ReadCancelTest, FlagSetBeforehandSendsNoApdu) {
    emulator::EmulatorChannel channel = cardOnReader("vn-basic");
    reader::CancelFlag cancel{true};
    Error e = errorOf([&] {
        (void)reader::readCard(channel, accessKey("vn-basic"),
                               readOptions(reader::AccessPolicy::Auto, &cancel));
    });
    EXPECT_EQ(e.code(), ErrorCode::Cancelled) << e.what();
    EXPECT_EQ(channel.card().statistics().commands, 0u);
}
