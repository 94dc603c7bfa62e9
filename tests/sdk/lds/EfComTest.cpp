#include "lds/EfCom.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "sdk/mrz/CccdSpec.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;

TEST(EfComTest, IcaoWorkedExample) {
    Bytes file =
        test::readFile(test::specDir() / "samples/icao-lds-worked-examples/EF_COM_part10_A.bin");
    auto com = lds::EfCom::parse(file);
    EXPECT_EQ(com.raw, file);
    EXPECT_EQ(com.ldsVersionRaw, "0107");
    EXPECT_EQ(com.ldsVersion, "1.7");
    EXPECT_EQ(com.unicodeVersionRaw, "040000");
    EXPECT_EQ(com.unicodeVersion, "4.0.0");
    EXPECT_EQ(com.dataGroups, (std::vector<int>{1, 2, 4, 12}));
}

TEST(EfComTest, BsiSpecimenListsNoDg15) {
    auto com = lds::EfCom::parse(
        test::readFile(test::specDir() / "samples/bsi-tr03105-5-reference-dataset/EF_COM.bin"));
    EXPECT_EQ(com.tags, (std::vector<std::uint8_t>{0x61, 0x75, 0x63, 0x76, 0x6E}));
    EXPECT_EQ(com.dataGroups, (std::vector<int>{1, 2, 3, 4, 14}));
}

// cccd.md §3.1: DG15 listed before DG14; the order is kept.
TEST(EfComTest, VietnameseOrderIsKept) {
    Bytes content = tlv::encode(0x5F01, toBytes("0107"));
    append(content, tlv::encode(0x5F36, toBytes("040000")));
    append(content, tlv::encode(0x5C, fromHex("6175636D6F6E")));
    Bytes file = tlv::encode(0x60, content);
    ASSERT_EQ(file.size(), 26u);
    auto com = lds::EfCom::parse(file);
    EXPECT_EQ(com.dataGroups, (std::vector<int>{1, 2, 3, 13, 15, 14}));
}

// Field case BL-30: the EF.COM as reported for the CCCD.
TEST(EfComTest, FieldCaseBl30) {
    auto section = test::spec::section(test::spec::markdown("field-cases.md"), "### BL-30");
    std::string hex;
    for (std::string line : test::spec::lines(test::spec::codeBlocks(section).at(0))) {
        line.erase(0, line.find_first_not_of(' '));
        if (line.rfind("60 18", 0) == 0) {
            hex = line;
        }
    }
    auto com = lds::EfCom::parse(fromHex(hex));
    EXPECT_EQ(com.dataGroups, (std::vector<int>{1, 2, 3, 13, 14, 15}));
}

TEST(EfComTest, MalformedInput) {
    EXPECT_THROW((void)lds::EfCom::parse(fromHex("6104 5F010130")), Error);
    EXPECT_THROW((void)lds::EfCom::parse(fromHex("6007 5F0104303130")), Error);
    EXPECT_THROW((void)lds::EfCom::parse(fromHex("6007 5F010430313037")), Error); // no tag list
}
