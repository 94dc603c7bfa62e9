// transport::ReaderLimits: what a short-only reader or a small receive buffer leaves of a
// channel's capabilities, and two sources of limits (the reader's report, the caller's settings)
// taken together.
#include "transport/ReaderLimits.h"

#include <gtest/gtest.h>

using namespace cccd;

namespace {

transport::ChannelCapabilities extended() {
    transport::ChannelCapabilities caps;
    caps.extendedLength = true;
    caps.maxCommandDataSize = 65535;
    caps.maxResponseDataSize = 65536;
    return caps;
}

} // namespace

TEST(ReaderLimitsTest, NoLimitsChangeNothing) {
    transport::ChannelCapabilities caps = transport::limitedTo(extended(), {});
    EXPECT_TRUE(caps.extendedLength);
    EXPECT_EQ(caps.maxResponseDataSize, 65536u);
    EXPECT_EQ(caps.maxShortResponseDataSize, 256u);
}

TEST(ReaderLimitsTest, ShortOnlyReaderDropsExtendedLength) {
    transport::ReaderLimits limits;
    limits.shortApdusOnly = true;
    transport::ChannelCapabilities caps = transport::limitedTo(extended(), limits);
    EXPECT_FALSE(caps.extendedLength);
    EXPECT_EQ(caps.maxCommandDataSize, 255u);
    EXPECT_EQ(caps.maxResponseDataSize, 256u);
}

// The response size counts SW1 SW2; the capabilities count data bytes.
TEST(ReaderLimitsTest, ResponseSizeLimitsDataBytesLessTheStatusWord) {
    transport::ReaderLimits limits;
    limits.maxResponseSize = 130;
    transport::ChannelCapabilities caps = transport::limitedTo(extended(), limits);
    EXPECT_TRUE(caps.extendedLength);
    EXPECT_EQ(caps.maxResponseDataSize, 128u);
    EXPECT_EQ(caps.maxShortResponseDataSize, 128u);
    limits.maxResponseSize = 1;
    EXPECT_EQ(transport::limitedTo(extended(), limits).maxResponseDataSize, 0u);
}

TEST(ReaderLimitsTest, TighterTakesTheStricterOfEach) {
    transport::ReaderLimits reported;
    reported.shortApdusOnly = true;
    reported.maxResponseSize = 261;
    transport::ReaderLimits stated;
    stated.maxResponseSize = 200;
    transport::ReaderLimits both = transport::tighter(reported, stated);
    EXPECT_TRUE(both.shortApdusOnly);
    EXPECT_EQ(both.maxResponseSize, 200u);
    EXPECT_EQ(transport::tighter({}, stated), stated);
    EXPECT_EQ(transport::tighter(reported, {}), reported);
}
