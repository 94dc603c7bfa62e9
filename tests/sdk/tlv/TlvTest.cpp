#include "tlv/Tlv.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/TestData.h"

using namespace cccd;

TEST(TlvTest, ParsesShortFormFromIcaoEfCom) {
    Bytes ef =
        test::readFile(test::specDir() / "samples/icao-lds-worked-examples/EF_COM_part10_A.bin");
    tlv::Tlv com = tlv::parse(ef, 0x60);
    auto kids = tlv::children(com);
    ASSERT_EQ(kids.size(), 3u);
    EXPECT_EQ(kids[0].tag, 0x5F01u);
    EXPECT_EQ(toString(kids[0].value), "0107");
    EXPECT_EQ(kids[2].tag, 0x5Cu);
    EXPECT_EQ(toHex(kids[2].value), "6175766C");
    EXPECT_EQ(com.encoded.size(), ef.size());
}

TEST(TlvTest, ParsesLongFormLengths) {
    Bytes value(300, 0xAB);
    Bytes encoded = tlv::encode(0x5F2E, value);
    EXPECT_EQ(toHex(ByteView(encoded).first(5)), "5F2E82012C");
    tlv::Tlv t = tlv::parse(encoded);
    EXPECT_EQ(t.tag, 0x5F2Eu);
    EXPECT_EQ(t.value.size(), 300u);
    EXPECT_EQ(toHex(tlv::encodeLength(0x81)), "8181");
    EXPECT_EQ(toHex(tlv::encodeLength(0x7F)), "7F");
    EXPECT_EQ(toHex(tlv::encodeLength(70000)), "83011170");
}

TEST(TlvTest, ParsesIndefiniteLengthOnConstructedObjects) {
    Bytes data = fromHex("3080 0201 05 3080 0401AA 0000 0000 FF");
    tlv::Tlv t = tlv::parse(data, 0x30);
    EXPECT_EQ(t.encoded.size(), data.size() - 1);
    auto kids = tlv::children(t);
    ASSERT_EQ(kids.size(), 2u);
    EXPECT_EQ(tlv::decodeUnsigned(kids[0].value), 5u);
    EXPECT_EQ(toHex(tlv::children(kids[1])[0].value), "AA");
}

TEST(TlvTest, RejectsTruncatedAndOversizedInput) {
    EXPECT_THROW((void)tlv::parse(fromHex("5F")), Error);
    EXPECT_THROW((void)tlv::parse(fromHex("6105 5F1F02")), Error);
    EXPECT_THROW((void)tlv::parse(fromHex("6185 0000000001 00")), Error);
    EXPECT_THROW((void)tlv::parse(fromHex("0480 0000")), Error);
    EXPECT_THROW((void)tlv::parse(fromHex("3080 0201")), Error);
    try {
        (void)tlv::parse(fromHex("30 05 01"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}

TEST(TlvTest, SizesAFileFromItsHeader) {
    EXPECT_EQ(tlv::encodedSizeFromHeader(fromHex("7582 3A4F 7F61")), 0x3A4Fu + 4);
    EXPECT_EQ(tlv::encodedSizeFromHeader(fromHex("75")), std::nullopt);
    EXPECT_EQ(tlv::encodedSizeFromHeader(fromHex("6018")), 0x1Au);
}

TEST(TlvTest, EncodesIntegersMinimally) {
    EXPECT_EQ(toHex(tlv::encodeInteger(0)), "020100");
    EXPECT_EQ(toHex(tlv::encodeInteger(0x80)), "02020080");
    EXPECT_EQ(toHex(tlv::encodeTag(0x7F61)), "7F61");
    EXPECT_THROW((void)tlv::decodeUnsigned(fromHex("80")), Error);
}
