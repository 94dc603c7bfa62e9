#include "address/AddressText.h"

#include <gtest/gtest.h>

#include "AdminUnitsReadme.h"

namespace cccd::address {
namespace {

TEST(AddressTextTest, TonePlacementCaseAndSpacingDoNotMatter) {
    EXPECT_EQ(nameKey("Hòa"), nameKey("Hoà"));
    EXPECT_EQ(nameKey("Thủy"), nameKey("Thuỷ"));
    EXPECT_EQ(nameKey("Khánh Hòa"), nameKey("KHÁNH  HOÀ"));
    EXPECT_EQ(nameKey("Hòa"), nameKey("Ho\xCC\x80"
                                      "a")); // decomposed: o + combining grave
    EXPECT_NE(nameKey("Hòa"), nameKey("Hóa"));
    EXPECT_NE(nameKey("Xã"), nameKey("Xá"));
}

// The README: "the NSO text mixes ASCII ' and ’ (for example "Xã Ea H'Leo" and "Phường
// B’Lao")".
TEST(AddressTextTest, ApostrophesAndHyphensDoNotMatter) {
    auto m = test::readmeMatch("mixes ASCII ' and ’ \\(for example \"([^\"]+)\" and \"([^\"]+)\"");
    for (std::string name : {m[1].str(), m[2].str()}) {
        std::string other = name;
        auto at = other.find("'");
        if (at != std::string::npos) {
            other.replace(at, 1, "’");
        } else {
            other.replace(other.find("’"), std::string("’").size(), "'");
        }
        EXPECT_EQ(nameKey(name), nameKey(other)) << name;
    }
    EXPECT_EQ(nameKey("Cư M'gar"), nameKey("Cư Mgar"));
    EXPECT_EQ(nameKey("Bà Rịa - Vũng Tàu"), nameKey("Bà Rịa–Vũng Tàu"));
}

TEST(AddressTextTest, NumberedWardsInEverySpelling) {
    auto line = test::readmeMatch("Numbered wards: ([^\\n]+?)\\. ");
    auto spellings = test::allMatches(line[1].str(), "\"([^\"]+)\"");
    ASSERT_EQ(spellings.size(), 3u);
    for (const std::string& s : spellings) {
        EXPECT_EQ(nameKey(s), nameKey(spellings[0])) << s;
    }
    EXPECT_EQ(nameKey("phường iv"), nameKey("Phường 4"));
    EXPECT_NE(nameKey("Xã Vi"), nameKey("Xã 6"));
}

// "Spelling variants such as Quý/Quí, Sỹ/Sĩ and "Thị trấn NT"/"Nông trường"".
TEST(AddressTextTest, SpellingVariantsShareTheLooseKey) {
    auto m = test::readmeMatch("Spelling variants such as ([^ ]+)/([^ ,]+), ([^ ]+)/([^ ]+) and "
                               "\"([^\"]+)\"/\"([^\"]+)\"");
    EXPECT_EQ(looseNameKey(m[1].str()), looseNameKey(m[2].str()));
    EXPECT_EQ(looseNameKey(m[3].str()), looseNameKey(m[4].str()));
    std::string township = m[5].str(); // "Thị trấn NT"
    std::string expanded = township.substr(0, township.rfind(' ') + 1) + m[6].str();
    EXPECT_EQ(nameKey(township + " Liên Sơn"), nameKey(expanded + " Liên Sơn"));
    EXPECT_EQ(nameKey("Thị trấn N.T Phong Hải"), nameKey("Thị trấn Nông trường Phong Hải"));
}

TEST(AddressTextTest, AbbreviationsAndGluedNumbersSplit) {
    AddressText text = splitAddress("P.5, Q10, TP.HCM");
    ASSERT_EQ(text.words.size(), 6u);
    EXPECT_EQ(text.words[0].strict, "p");
    EXPECT_TRUE(text.words[0].abbreviation);
    EXPECT_EQ(text.words[1].strict, "5");
    EXPECT_EQ(text.words[2].strict, "q");
    EXPECT_TRUE(text.words[2].startsPart);
    EXPECT_EQ(text.words[3].strict, "10");
    EXPECT_EQ(text.words[5].strict, "hcm");
    EXPECT_EQ(text.text.substr(text.words[5].begin, 3), "HCM");
    EXPECT_EQ(nameKey("Phường 05"), nameKey("Phường 5"));
}

} // namespace
} // namespace cccd::address
