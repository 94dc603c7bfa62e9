#include "emulator/channel/EmulatorChannel.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "base/Error.h"
#include "support/ErrorCodeOf.h"

using namespace cccd;
using namespace cccd::emulator;

TEST(EmulatorChannelTest, CarriesApdusAndReportsTheProfile) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(card);
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(channel.atr(), fromHex("3B80800101"));
    transport::ChannelCapabilities caps = channel.capabilities();
    EXPECT_TRUE(caps.extendedLength);
    EXPECT_EQ(caps.maxResponseDataSize, 65536u);
    EXPECT_EQ(channel.simulatedTime().count(), 0);
}

TEST(EmulatorChannelTest, ShortOnlyCardAdvertisesShortLimits) {
    EmulatorChannel channel(std::make_shared<EmulatedCard>(emutest::sampleProfile(false)));
    EXPECT_FALSE(channel.capabilities().extendedLength);
    EXPECT_EQ(channel.capabilities().maxResponseDataSize, 256u);
}

TEST(EmulatorChannelTest, AddsUpLinkTimeWithoutSleeping) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(card, LinkModel::contactless(), /*sleep=*/false);
    (void)channel.transmit(fromHex("00A4040C07A0000002471001"));
    (void)channel.transmit(fromHex("00A4020C02011C"));
    EXPECT_GE(channel.simulatedTime(), 2 * LinkModel::contactless().chipLatency);
}

TEST(EmulatorChannelTest, RemovalSurfacesAsCardRemoved) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    card->faults().removal = FaultPlan::Removal{0x011C, 10};
    EmulatorChannel channel(card);
    (void)channel.transmit(fromHex("00A4020C02011C"));
    try {
        (void)channel.transmit(fromHex("00B0000020"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::CardRemoved);
    }
}

namespace {

using Clock = std::chrono::steady_clock;

EmulatedReader limitedReader(bool shortOnly, std::optional<std::size_t> maxResponse,
                             EmulatedReader::Refusal refusal = EmulatedReader::Refusal::LinkError) {
    EmulatedReader reader;
    reader.limits.shortApdusOnly = shortOnly;
    reader.limits.maxResponseSize = maxResponse;
    reader.refusal = refusal;
    return reader;
}

CommandFault delay(std::size_t ms) {
    CommandFault fault;
    fault.kind = CommandFault::Kind::Delay;
    fault.count = ms;
    return fault;
}

} // namespace

// A short-APDU reader in front of libccid fails an extended APDU before it reaches the card.
TEST(EmulatorChannelTest, ShortOnlyReaderFailsExtendedApdusAtTheLink) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(card, LinkModel::off(), false, limitedReader(true, std::nullopt));
    EXPECT_EQ(
        test::errorCodeOf([&] { (void)channel.transmit(fromHex("00A4040C000007A0000002471001")); }),
        ErrorCode::Transport);
    EXPECT_EQ(card->statistics().commands, 0u);
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
}

// A reader whose firmware checks the APDU answers 6700 itself.
TEST(EmulatorChannelTest, ShortOnlyReaderCanAnswerWrongLengthItself) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(
        card, LinkModel::off(), false,
        limitedReader(true, std::nullopt, EmulatedReader::Refusal::WrongLength));
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C000007A0000002471001"))), "6700");
    EXPECT_EQ(card->statistics().commands, 0u);
}

// The card answered 54 + 2 bytes, the reader holds 40: the exchange fails, the card moved on.
TEST(EmulatorChannelTest, ResponseLongerThanTheBufferFailsAfterTheCardAnswered) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(card, LinkModel::off(), false, limitedReader(false, 40));
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4020C02011C"))), "9000");
    EXPECT_EQ(test::errorCodeOf([&] { (void)channel.transmit(fromHex("00B0000000")); }),
              ErrorCode::Transport);
    EXPECT_EQ(card->statistics().commands, 2u);
    EXPECT_EQ(channel.transmit(fromHex("00B0000026")).size(), 40u); // 38 bytes and 9000 fit
}

TEST(EmulatorChannelTest, LimitsShowInTheCapabilitiesOnlyWhenTheReaderReportsThem) {
    EmulatedReader reader = limitedReader(true, 130);
    EmulatorChannel reporting(std::make_shared<EmulatedCard>(emutest::sampleProfile()),
                              LinkModel::off(), false, reader);
    EXPECT_FALSE(reporting.capabilities().extendedLength);
    EXPECT_EQ(reporting.capabilities().maxShortResponseDataSize, 128u);
    reader.reportsLimits = false;
    reader.name = "Silent reader";
    EmulatorChannel silent(std::make_shared<EmulatedCard>(emutest::sampleProfile()),
                           LinkModel::off(), false, reader);
    EXPECT_TRUE(silent.capabilities().extendedLength);
    EXPECT_EQ(silent.readerName(), "Silent reader");
}

// The reader cuts the field while the card sleeps on a delay fault: the command ends without an
// answer at once, and the card starts over as after power-up.
TEST(EmulatorChannelTest, CutPowerEndsADelayedCommand) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    card->arm(delay(30000));
    std::thread cutter([card] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        card->cutPower();
    });
    auto start = Clock::now();
    Bytes answer = card->transmit(fromHex("00A4040C07A0000002471001"));
    cutter.join();
    EXPECT_TRUE(answer.empty());
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(toHex(card->transmit(fromHex("00A4040C07A0000002471001"))), "9000");
}

// A reader that waits 200 ms gives up on a card that takes 30 s, and the next command passes.
TEST(EmulatorChannelTest, ReaderTimeoutGivesUpAndCutsThePower) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatedReader reader;
    reader.responseTimeout = std::chrono::milliseconds(200);
    EmulatorChannel channel(card, LinkModel::off(), false, reader);
    card->arm(delay(30000));
    auto start = Clock::now();
    EXPECT_EQ(
        test::errorCodeOf([&] { (void)channel.transmit(fromHex("00A4040C07A0000002471001")); }),
        ErrorCode::Timeout);
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
}

// A watched flag stops the wait for a slow card; the channel carries the next command.
TEST(EmulatorChannelTest, WatchedCancelFlagStopsTheWait) {
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    EmulatorChannel channel(card);
    std::atomic<bool> cancel{false};
    channel.watchCancel(&cancel);
    card->arm(delay(30000));
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancel = true;
    });
    auto start = Clock::now();
    EXPECT_EQ(
        test::errorCodeOf([&] { (void)channel.transmit(fromHex("00A4040C07A0000002471001")); }),
        ErrorCode::Cancelled);
    canceller.join();
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    channel.watchCancel(nullptr);
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
}
