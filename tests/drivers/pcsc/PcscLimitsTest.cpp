// What a reader's SCARD_ATTR_MAXINPUT says about its limits (libccid: dwMaxCCIDMessageLength - 10,
// the largest APDU a CCID message carries either way), and the caller's settings on top.
#include <gtest/gtest.h>

#include "pcsc/PcscChannel.h"

using namespace cccd;
using pcsc::limitsFromMaxInput;

TEST(PcscLimitsTest, DriverThatSaysNothingRestrictsNothing) {
    EXPECT_EQ(limitsFromMaxInput(std::nullopt), transport::ReaderLimits{});
    EXPECT_EQ(limitsFromMaxInput(0u), transport::ReaderLimits{}); // a value no reader can mean
}

// A 271-byte CCID message: short APDUs (261 bytes at most) only.
TEST(PcscLimitsTest, ShortApduBufferMeansShortApdusOnly) {
    transport::ReaderLimits limits = limitsFromMaxInput(261u);
    EXPECT_TRUE(limits.shortApdusOnly);
    EXPECT_EQ(limits.maxResponseSize, 261u);
}

// Some readers hold less than a full short APDU (253 bytes): no response longer than that.
TEST(PcscLimitsTest, SmallerBufferAlsoLimitsTheResponse) {
    transport::ReaderLimits limits = limitsFromMaxInput(253u);
    EXPECT_TRUE(limits.shortApdusOnly);
    EXPECT_EQ(limits.maxResponseSize, 253u);
}

TEST(PcscLimitsTest, ExtendedBufferRestrictsNothing) {
    EXPECT_EQ(limitsFromMaxInput(65546u), transport::ReaderLimits{});
    EXPECT_EQ(limitsFromMaxInput(262u), transport::ReaderLimits{});
}

// Settings tighten what the reader reports, never loosen it.
TEST(PcscLimitsTest, StatedLimitsAddToTheReported) {
    transport::ReaderLimits stated;
    stated.maxResponseSize = 200;
    transport::ReaderLimits both = transport::tighter(limitsFromMaxInput(261u), stated);
    EXPECT_TRUE(both.shortApdusOnly);
    EXPECT_EQ(both.maxResponseSize, 200u);
    EXPECT_EQ(transport::tighter(limitsFromMaxInput(65546u), stated), stated);
}
