#include "address/ParsedAddress.h"

#include <gtest/gtest.h>

namespace cccd::address {
namespace {

TEST(ParsedAddressTest, CommaSeparatedPartsFromTheRight) {
    auto parsed = parseAddress("Số 12 Ngõ 34 Phố Hàng Bông, Hàng Trống, Hoàn Kiếm, Hà Nội");
    EXPECT_EQ(parsed.street, "Số 12 Ngõ 34 Phố Hàng Bông");
    ASSERT_TRUE(parsed.commune && parsed.district && parsed.province);
    EXPECT_EQ(parsed.commune->name, "Hàng Trống");
    EXPECT_EQ(parsed.district->name, "Hoàn Kiếm");
    EXPECT_EQ(parsed.province->name, "Hà Nội");
    EXPECT_FALSE(parsed.commune->type.has_value());
}

TEST(ParsedAddressTest, TypeWordsAndAbbreviationsWithoutCommas) {
    auto parsed = parseAddress("Thôn Đông Xã Hải Đường H. Hải Hậu T. Nam Định");
    EXPECT_EQ(parsed.street, "Thôn Đông");
    ASSERT_TRUE(parsed.commune && parsed.district && parsed.province);
    EXPECT_EQ(parsed.commune->type, UnitType::Commune);
    EXPECT_EQ(parsed.commune->name, "Hải Đường");
    EXPECT_EQ(parsed.district->type, UnitType::RuralDistrict);
    EXPECT_EQ(parsed.district->text, "H. Hải Hậu");
    EXPECT_EQ(parsed.province->type, UnitType::Province);
}

TEST(ParsedAddressTest, NumberedWardAndCityAbbreviations) {
    auto parsed = parseAddress("12 Lê Lợi, P5, Q.3, TP.HCM, Việt Nam");
    EXPECT_EQ(parsed.street, "12 Lê Lợi");
    ASSERT_TRUE(parsed.commune && parsed.district && parsed.province);
    EXPECT_EQ(parsed.commune->type, UnitType::Ward);
    EXPECT_EQ(parsed.commune->name, "5");
    EXPECT_EQ(parsed.district->name, "3");
    EXPECT_EQ(parsed.province->name, "HCM");
    EXPECT_TRUE(parsed.province->typeAmbiguous);
}

TEST(ParsedAddressTest, TypeWordInsideANameIsKept) {
    auto parsed = parseAddress("Xã Tứ Xã Huyện Lâm Thao Tỉnh Phú Thọ");
    ASSERT_TRUE(parsed.commune.has_value());
    EXPECT_EQ(parsed.commune->name, "Tứ Xã");
    EXPECT_EQ(parsed.district->name, "Lâm Thao");
}

TEST(ParsedAddressTest, DistrictAndProvinceOnly) {
    auto parsed = parseAddress("Yên Mô, Ninh Bình");
    EXPECT_FALSE(parsed.commune.has_value());
    ASSERT_TRUE(parsed.district.has_value());
    EXPECT_EQ(parsed.district->name, "Yên Mô");
    EXPECT_TRUE(parsed.street.empty());
}

} // namespace
} // namespace cccd::address
