#include "lds/ElementaryFile.h"

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;
using lds::ElementaryFile;

// ICAO 9303-10 §4.6: file identifiers and tags.
TEST(ElementaryFileTest, FileIdentifiersAndShortFileIdentifiers) {
    EXPECT_EQ(lds::fileId(ElementaryFile::Com), 0x011E);
    EXPECT_EQ(lds::fileId(ElementaryFile::Sod), 0x011D);
    EXPECT_EQ(lds::fileId(ElementaryFile::CardAccess), 0x011C);
    EXPECT_EQ(lds::fileId(ElementaryFile::CardSecurity), 0x011D);
    EXPECT_EQ(lds::fileId(ElementaryFile::Dg1), 0x0101);
    EXPECT_EQ(lds::fileId(ElementaryFile::Dg13), 0x010D);
    EXPECT_EQ(lds::fileId(ElementaryFile::Dg16), 0x0110);
    EXPECT_EQ(lds::shortFileId(ElementaryFile::Dg15), 0x0F);
    EXPECT_EQ(lds::fileName(ElementaryFile::Dg14), "DG14");
    EXPECT_EQ(lds::fileName(ElementaryFile::Sod), "EF.SOD");
}

TEST(ElementaryFileTest, DataGroupTags) {
    const std::uint8_t expected[] = {0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68,
                                     0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};
    for (int n = 1; n <= 16; ++n) {
        EXPECT_EQ(lds::dataGroupTag(n), expected[n - 1]);
        EXPECT_EQ(lds::dataGroupFromTag(expected[n - 1]), n);
        EXPECT_EQ(lds::dataGroupNumber(lds::dataGroup(n)), n);
        EXPECT_EQ(lds::fileTag(lds::dataGroup(n)), expected[n - 1]);
    }
    EXPECT_EQ(lds::fileFromTag(0x60), ElementaryFile::Com);
    EXPECT_EQ(lds::fileFromTag(0x77), ElementaryFile::Sod);
    EXPECT_EQ(lds::fileFromTag(0x6D), ElementaryFile::Dg13);
    EXPECT_FALSE(lds::fileFromTag(0x71));
    EXPECT_FALSE(lds::dataGroupFromTag(0x60));
    EXPECT_FALSE(lds::dataGroupNumber(ElementaryFile::Com));
    EXPECT_FALSE(lds::fileTag(ElementaryFile::CardAccess));
    EXPECT_THROW((void)lds::dataGroup(0), Error);
    EXPECT_THROW((void)lds::dataGroupTag(17), Error);
}
