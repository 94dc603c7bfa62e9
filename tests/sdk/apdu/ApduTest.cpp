#include <gtest/gtest.h>

#include "apdu/CommandApdu.h"
#include "apdu/Exchange.h"
#include "base/Error.h"
#include "support/ScriptedChannel.h"

using namespace cccd;
using apdu::CommandApdu;

TEST(CommandApduTest, EncodesShortAndExtendedCases) {
    EXPECT_EQ(toHex(CommandApdu{0x00, 0x84, 0, 0, {}, 8, false}.encode()), "0084000008");
    EXPECT_EQ(toHex(CommandApdu{0x00, 0xB0, 0, 0, {}, 256, false}.encode()), "00B0000000");
    EXPECT_EQ(toHex(CommandApdu{0x00, 0xB0, 0, 0, {}, 65536, false}.encode()), "00B00000000000");
    EXPECT_EQ(toHex(CommandApdu{0x00, 0xB0, 0, 0, {}, 300, false}.encode()), "00B0000000012C");
    EXPECT_EQ(toHex(CommandApdu{0x00, 0xA4, 2, 0x0C, {0x01, 0x1E}, 0, false}.encode()),
              "00A4020C02011E");
    CommandApdu big{0x00, 0xD6, 0, 0, Bytes(300, 0xAA), 256, false};
    Bytes encoded = big.encode();
    EXPECT_EQ(toHex(ByteView(encoded).first(7)), "00D6000000012C");
    EXPECT_EQ(toHex(ByteView(encoded).last(2)), "0100");
}

TEST(CommandApduTest, DecodesEveryCase) {
    for (const char* hex : {"00A40000", "0084000008", "00A4020C02011E", "00A4020C02011E00",
                            "00B00000000000", "00B0000000012C", "00D60000000002AABB0100"}) {
        Bytes bytes = fromHex(hex);
        CommandApdu c = CommandApdu::decode(bytes);
        EXPECT_EQ(toHex(c.encode()), hex);
    }
    EXPECT_THROW((void)CommandApdu::decode(fromHex("00A4")), Error);
    EXPECT_THROW((void)CommandApdu::decode(fromHex("00A4020C05011E")), Error);
}

TEST(ExchangeTest, FollowsGetResponseAfter61xx) {
    test::ScriptedChannel card;
    card.expect(fromHex("00B0000000"), fromHex("AABB6102"));
    card.expect(fromHex("00C0000002"), fromHex("CCDD9000"));
    auto r = apdu::exchange([&](ByteView b) { return card.transmit(b); },
                            CommandApdu{0x00, 0xB0, 0, 0, {}, 256, false});
    EXPECT_EQ(toHex(r.data), "AABBCCDD");
    EXPECT_TRUE(r.isSuccess());
}

TEST(ExchangeTest, ResendsWithExactLeAfter6Cxx) {
    test::ScriptedChannel card;
    card.expect(fromHex("00B0000008"), fromHex("6C04"));
    card.expect(fromHex("00B0000004"), fromHex("010203049000"));
    auto r = apdu::exchange([&](ByteView b) { return card.transmit(b); },
                            CommandApdu{0x00, 0xB0, 0, 0, {}, 8, false});
    EXPECT_EQ(toHex(r.data), "01020304");
}

TEST(ExchangeTest, EndlessGetResponseIsAnError) {
    auto card = [](ByteView) { return fromHex("6101"); };
    EXPECT_THROW((void)apdu::exchange(card, CommandApdu{0x00, 0xB0, 0, 0, {}, 1, false}), Error);
}
