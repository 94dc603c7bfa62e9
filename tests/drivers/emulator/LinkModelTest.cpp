#include "emulator/card/LinkModel.h"

#include <gtest/gtest.h>

using namespace cccd::emulator;
using namespace std::chrono;

TEST(LinkModelTest, OffCostsNothing) {
    EXPECT_EQ(LinkModel::off().exchangeTime(300, 60000).count(), 0);
}

TEST(LinkModelTest, ContactlessShortExchangeIsLatencyPlusWireTime) {
    LinkModel link = LinkModel::contactless();
    // 19-byte protected READ BINARY, 241-byte answer: one frame each way.
    auto t = link.exchangeTime(19, 241);
    double wireUs = (19 + 3 + 241 + 3) * 9.0 / 424000.0 * 1e6;
    EXPECT_NEAR(static_cast<double>(t.count()),
                wireUs + 2 * 100 + static_cast<double>(link.chipLatency.count()), 2.0);
}

TEST(LinkModelTest, LongResponsesAreChainedInFrames) {
    LinkModel link = LinkModel::contactless();
    link.chipLatency = microseconds(0);
    auto oneFrame = link.exchangeTime(5, 253);
    auto twoFrames = link.exchangeTime(5, 254);
    // One more I-block (3 bytes overhead) and one R(ACK) (3 bytes), two more turnarounds.
    EXPECT_NEAR(static_cast<double>((twoFrames - oneFrame).count()),
                (1 + 6) * 9.0 / 424000.0 * 1e6 + 200, 2.0);
    // A 15 kB DG2 in one extended read: well under a second at 424 kbit/s.
    EXPECT_LT(link.exchangeTime(13, 15000), milliseconds(500));
}
