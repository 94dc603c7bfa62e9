#include "emulator/channel/EmulatorChannel.h"

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "base/Error.h"

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
