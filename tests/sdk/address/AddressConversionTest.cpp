#include "address/AddressConversion.h"

#include <gtest/gtest.h>

#include "AdminUnitsReadme.h"
#include "ConversionFixtures.h"
#include "address/AddressText.h"
#include "base/Error.h"

namespace cccd::address {
namespace {

using test::beforeLaterChanges;
using test::candidateCodes;
using test::fullAddress;
using test::readmeMatch;
using test::readmeMatches;
using test::tableTargets;
using test::units;

const OldProvince* oldProvinceNamed(const std::string& written) {
    for (const OldProvince& p : units().oldProvinces()) {
        if (nameKey(p.name) == nameKey(written)) {
            return &p;
        }
    }
    return nullptr;
}

// The README's spot-check table: "Phường Trúc Bạch (00004, Q. Ba Đình) → Phường Ba Đình
// (00004), whole" and the like. The old unit as written there, with its district when the
// README gives one, converts to the new units (codes) the README lists.
TEST(AddressConversionTest, ReadmeSpotChecksConvert) {
    auto rows = readmeMatches("\\| (?:Split: )?((?:Phường|Xã|Huyện) [^(|]+?) \\(([0-9]{3,5})"
                              "(?:, ([^)]+))?\\) → ([^|]+?) \\|");
    ASSERT_EQ(rows.size(), 5u);
    for (const auto& row : rows) {
        std::string name = row[1];
        std::string code = row[2];
        std::string context = row[3].matched ? row[3].str() : "";
        std::set<std::string> expected;
        for (const std::string& target : test::allMatches(row[4].str(), "\\(([0-9]{5})\\)")) {
            expected.insert(target);
        }
        // Where the README names no province, the address gets the one of the unit's code.
        const OldCommune* commune = units().oldCommune(code);
        const OldDistrict* district =
            commune ? units().oldDistrict(commune->districtCode) : units().oldDistrict(code);
        ASSERT_NE(district, nullptr) << code;
        std::string address = name + (context.empty() ? "" : ", " + context);
        std::string lastPart = address.substr(address.rfind(',') + 1);
        if (!oldProvinceNamed(lastPart)) {
            address += ", " + units().oldProvince(district->provinceCode)->fullName;
        }
        auto conversion = convertAddress(units(), address, beforeLaterChanges());
        EXPECT_EQ(candidateCodes(conversion), expected) << address;
        EXPECT_EQ(conversion.status, expected.size() == 1 ? ConversionStatus::Converted
                                                          : ConversionStatus::SplitCommune)
            << address;
        ASSERT_TRUE(conversion.old.district.has_value()) << address;
        EXPECT_EQ(conversion.old.district->code, district->code) << address;
        if (commune) {
            ASSERT_TRUE(conversion.old.commune.has_value()) << address;
            EXPECT_EQ(conversion.old.commune->code, code);
        }
    }
}

// "Huyện Côn Đảo (755, Bà Rịa–Vũng Tàu) → Đặc khu Côn Đảo (26732), TP Hồ Chí Minh".
TEST(AddressConversionTest, IslandDistrictBecomesSpecialZoneInAnotherProvince) {
    auto m = readmeMatch("(Huyện Côn Đảo) \\(755, ([^)]+)\\) → (Đặc khu Côn Đảo) \\(([0-9]{5})"
                         "\\), ([^|]+?) \\|");
    auto conversion = convertAddress(units(), m[1].str() + ", " + m[2].str());
    ASSERT_EQ(conversion.status, ConversionStatus::Converted);
    EXPECT_EQ(conversion.candidates[0].code, m[4].str());
    EXPECT_EQ(conversion.candidates[0].fullName, m[3].str());
    auto province = convertAddress(units(), m[5].str());
    ASSERT_TRUE(province.newProvince.has_value());
    EXPECT_EQ(conversion.newProvince->code, province.newProvince->code);
}

// The other four island districts of "Five island districts had no communes: ...".
TEST(AddressConversionTest, EveryIslandDistrictConverts) {
    auto islands = readmeMatch("Five island districts had no communes: ([^.]+)\\.");
    int n = 0;
    for (const std::string& code : test::allMatches(islands[1].str(), "[0-9]{3}")) {
        const OldDistrict* d = units().oldDistrict(code);
        ASSERT_NE(d, nullptr);
        std::string address = d->fullName + ", " + units().oldProvince(d->provinceCode)->name;
        auto conversion = convertAddress(units(), address);
        ASSERT_EQ(conversion.status, ConversionStatus::Converted) << address;
        EXPECT_EQ(conversion.candidates[0].fullName, "Đặc khu " + d->name);
        n += 1;
    }
    EXPECT_EQ(n, 5);
}

// "1 into 5 (Phường Đại Mỗ, Nam Từ Liêm, Hà Nội)": five candidates for the clerk.
TEST(AddressConversionTest, CommuneSplitIntoFiveGivesFiveCandidates) {
    auto m = readmeMatch("and ([0-9]) into ([0-9]) \\(([^)]+)\\)");
    auto conversion = convertAddress(units(), m[3].str(), beforeLaterChanges());
    EXPECT_EQ(conversion.status, ConversionStatus::SplitCommune);
    EXPECT_EQ(conversion.candidates.size(), static_cast<std::size_t>(std::stoi(m[2])));
    EXPECT_TRUE(conversion.newAddress.empty());
    for (const auto& candidate : conversion.candidates) {
        EXPECT_FALSE(candidate.nsoNote.empty());
        EXPECT_EQ(candidate.address, candidate.fullName + ", Thành phố Hà Nội");
    }
}

// "the coastal alluvial area run by Huyện Kim Sơn, which went to Xã Kim Đông, 14698".
TEST(AddressConversionTest, UncodedAreaConverts) {
    auto m = readmeMatch("run by (Huyện [^ ]+ [^ ,]+), which went to ([^,]+), ([0-9]{5})");
    const OldCommune* area = nullptr;
    for (const OldCommune& c : units().oldCommunes()) {
        area = c.type == UnitType::UncodedArea ? &c : area;
    }
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(units().oldDistrict(area->districtCode)->fullName, m[1].str());
    auto conversion = convertAddress(units(), fullAddress(units(), *area, area->fullName));
    ASSERT_EQ(conversion.status, ConversionStatus::Converted);
    EXPECT_EQ(conversion.candidates[0].code, m[3].str());
    EXPECT_EQ(conversion.candidates[0].fullName, m[2].str());
}

// "Xã Phú Tân, Hậu Giang (31379) and Xã Hòa Lộc, Bến Tre (28924): NSO is right" and
// "Xã Hòa Thắng, Bình Thuận (23053): NSO lists only Xã Hòa Thắng".
TEST(AddressConversionTest, CommunesOtherMappingsMixedUpConvertAsTheTableSays) {
    auto rows = readmeMatches("(Xã [^,(]+), ([^,(]+) \\(([0-9]{5})\\)");
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& m : rows) {
        const OldCommune* c = units().oldCommune(m[3].str());
        ASSERT_NE(c, nullptr);
        EXPECT_EQ(c->fullName, m[1].str());
        EXPECT_EQ(units().oldProvince(c->provinceCode)->name, m[2].str());
        auto conversion = convertAddress(units(), fullAddress(units(), *c, m[1].str()));
        EXPECT_EQ(conversion.status, ConversionStatus::Converted) << m[0];
        EXPECT_EQ(candidateCodes(conversion), tableTargets(units(), *c));
    }
    auto only = readmeMatch("\\(23053\\): NSO lists only (Xã [^.]+)\\.");
    auto conversion = convertAddress(units(), "Xã Hòa Thắng, Huyện Bắc Bình, Bình Thuận");
    ASSERT_EQ(conversion.candidates.size(), 1u);
    EXPECT_EQ(conversion.candidates[0].fullName, only[1].str());
}

// "it sent Xã Vĩnh Thành of Bạc Liêu to Xã Vĩnh Thạnh in Cần Thơ": we do not. The lists spell
// that commune "Xã Vĩnh Thanh" (31882); the README's spelling still finds it, by the loose key.
TEST(AddressConversionTest, CommuneStaysInItsOwnNewProvince) {
    auto m =
        readmeMatch("sent (Xã [^ ]+ [^ ]+) of ([^ ]+ [^ ]+) to (Xã [^ ]+ [^ ]+) in ([^)]+)\\)");
    const OldProvince* province = oldProvinceNamed(m[2]);
    ASSERT_NE(province, nullptr);
    int found = 0;
    for (std::size_t d : province->districts) {
        for (std::size_t c : units().oldDistricts()[d].communes) {
            const OldCommune& commune = units().oldCommunes()[c];
            if (looseNameKey(commune.fullName) != looseNameKey(m[1].str())) {
                continue;
            }
            auto conversion = convertAddress(units(), fullAddress(units(), commune, m[1]));
            ASSERT_EQ(conversion.status, ConversionStatus::Converted);
            EXPECT_EQ(conversion.old.commune->code, commune.code);
            EXPECT_NE(conversion.candidates[0].fullName, m[3].str());
            EXPECT_EQ(conversion.newProvince->code, province->newProvinceCode);
            EXPECT_NE(conversion.newProvince->fullName, m[4].str());
            found += 1;
        }
    }
    EXPECT_EQ(found, 1);
}

// "Thừa Thiên Huế" is the older name of Thành phố Huế (code 46).
TEST(AddressConversionTest, OlderProvinceNameIsRecognised) {
    auto m = readmeMatch("\"([^\"]+)\" is the older name of ([^(]+) \\(code ([0-9]{2})\\)");
    auto conversion = convertAddress(units(), "Phường Phú Hội, Thành phố Huế, " + m[1].str());
    ASSERT_TRUE(conversion.old.province.has_value());
    EXPECT_EQ(conversion.old.province->code, m[3].str());
    EXPECT_EQ(conversion.old.province->written, m[1].str());
    EXPECT_EQ(conversion.newProvince->fullName, m[2].str());
}

// "Numbered wards: "Phường 4", "Phường IV" and "Phường 04"." The one in Thành phố Tân An, a row
// the README discusses, goes to Phường Long An in every spelling.
TEST(AddressConversionTest, NumberedWardInEverySpelling) {
    auto line = readmeMatch("Numbered wards: ([^\\n]+?)\\. ");
    int n = 0;
    for (const std::string& ward : test::allMatches(line[1].str(), "\"([^\"]+)\"")) {
        std::string address = ward + ", Thành phố Tân An, Long An";
        auto conversion = convertAddress(units(), address, beforeLaterChanges());
        ASSERT_EQ(conversion.status, ConversionStatus::Converted) << address;
        EXPECT_EQ(conversion.old.commune->fullName, "Phường 4") << address;
        EXPECT_EQ(conversion.candidates[0].fullName, "Phường Long An") << address;
        EXPECT_EQ(conversion.newProvince->fullName, "Tỉnh Tây Ninh");
        n += 1;
    }
    EXPECT_EQ(n, 3);
}

// "code 03244 is "Xã Sáng Nhè" in the GSO list but "Xã Xá Nhè" in the NSO table": both match.
TEST(AddressConversionTest, BothSpellingsOfAnOldCommuneMatch) {
    auto m = readmeMatch("code ([0-9]{5}) is \"([^\"]+)\" in the GSO list but \"([^\"]+)\" in "
                         "the NSO table");
    const OldCommune* c = units().oldCommune(m[1].str());
    ASSERT_NE(c, nullptr);
    for (const std::string& spelling : {m[2].str(), m[3].str()}) {
        auto conversion = convertAddress(units(), fullAddress(units(), *c, spelling));
        ASSERT_TRUE(conversion.old.commune.has_value()) << spelling;
        EXPECT_EQ(conversion.old.commune->code, m[1].str());
        EXPECT_EQ(candidateCodes(conversion), tableTargets(units(), *c));
    }
}

// New communes whose codes the README settles: an address already written with them is current.
TEST(AddressConversionTest, AddressesWithNewUnitsAreAlreadyCurrent) {
    auto baChe = readmeMatch("for (Xã [^(]+) \\(([^)]+)\\)\\. The NSO table[^*]+\\*\\*([0-9]{5})");
    auto hiepHoa = readmeMatch("instead of ([0-9]{5}) for (Phường [^.]+)\\.");
    auto iaMo = readmeMatch("uses [0-9]{5} for (Xã [^,]+), [^*]+\\*\\*([0-9]{5})\\*\\*");

    struct Case {
        std::string address;
        std::string code;
    };

    for (const Case& c : {Case{baChe[1].str() + ", " + baChe[2].str(), baChe[3]},
                          Case{hiepHoa[2].str() + ", Quảng Ninh", hiepHoa[1]},
                          Case{iaMo[1].str() + ", Gia Lai", iaMo[2]}}) {
        auto conversion = convertAddress(units(), c.address);
        EXPECT_EQ(conversion.status, ConversionStatus::AlreadyCurrent) << c.address;
        ASSERT_EQ(conversion.candidates.size(), 1u) << c.address;
        EXPECT_EQ(conversion.candidates[0].code, c.code) << c.address;
    }
}

// "From 30 April 2026 Tỉnh Đồng Nai became Thành phố Đồng Nai ... and 10 of its communes became
// phường": applied from that date, listed in laterChanges.
TEST(AddressConversionTest, LaterChangesAppliedFromTheirDate) {
    const LaterChange* commune = nullptr;
    for (const LaterChange& change : units().laterChanges()) {
        commune = change.level == UnitLevel::Commune && !commune ? &change : commune;
    }
    ASSERT_NE(commune, nullptr);
    std::string address = "Số 1, " + commune->fullNameBefore + ", Tỉnh Đồng Nai";
    auto before = convertAddress(units(), address, {"2026-04-29"});
    auto after = convertAddress(units(), address, {commune->effectiveDate});
    ASSERT_EQ(before.status, ConversionStatus::AlreadyCurrent);
    EXPECT_EQ(before.newAddress, address);
    EXPECT_TRUE(before.laterChanges.empty());
    EXPECT_EQ(after.newAddress, "Số 1, " + commune->fullNameAfter + ", Thành phố Đồng Nai");
    EXPECT_EQ(after.laterChanges.size(), 2u);
    EXPECT_EQ(after.candidates[0].fullNameOnReform, commune->fullNameBefore);

    // An old address in Đồng Nai (province 75 kept its code) gets the new name too.
    const OldProvince* dongNai = units().oldProvince("75");
    const OldCommune& first =
        units().oldCommunes()[units().oldDistricts()[dongNai->districts[0]].communes[0]];
    auto old = convertAddress(units(), fullAddress(units(), first, first.fullName), {"2026-05-01"});
    EXPECT_EQ(old.newProvince->fullName, "Thành phố Đồng Nai");
}

TEST(AddressConversionTest, TwoCommunesOfOneNameAreAmbiguousWithoutTheirType) {
    // Gia Lâm has a Thị trấn and a Xã Yên Viên.
    auto untyped = convertAddress(units(), "Yên Viên, Gia Lâm, Hà Nội");
    EXPECT_EQ(untyped.status, ConversionStatus::Ambiguous);
    EXPECT_EQ(untyped.alternatives.size(), 2u);
    ASSERT_TRUE(untyped.old.district.has_value());
    EXPECT_EQ(untyped.old.district->fullName, "Huyện Gia Lâm");
    EXPECT_FALSE(untyped.old.commune.has_value());
    EXPECT_FALSE(untyped.candidates.empty());
    auto typed = convertAddress(units(), "TT. Yên Viên, Gia Lâm, Hà Nội");
    ASSERT_TRUE(typed.old.commune.has_value());
    EXPECT_EQ(typed.old.commune->fullName, "Thị trấn Yên Viên");
}

TEST(AddressConversionTest, DistrictOnlyGivesTheProvinceAndTheDistrictsNewCommunes) {
    auto conversion = convertAddress(units(), "Yên Mô, Ninh Bình");
    EXPECT_EQ(conversion.status, ConversionStatus::CommuneNotGiven);
    EXPECT_EQ(conversion.old.district->fullName, "Huyện Yên Mô");
    EXPECT_EQ(conversion.newAddress, "Tỉnh Ninh Bình");
    EXPECT_FALSE(conversion.candidates.empty());
}

TEST(AddressConversionTest, UnknownProvinceIsNotFound) {
    auto conversion = convertAddress(units(), "Số 5, Phường 1, Quận 3, Gotham");
    EXPECT_EQ(conversion.status, ConversionStatus::NotFound);
    EXPECT_TRUE(conversion.candidates.empty());
    EXPECT_EQ(convertAddress(units(), "").status, ConversionStatus::NotFound);
}

TEST(AddressConversionTest, StreetWordBeforeANameIsNotTheCommune) {
    // Hoàn Kiếm had a Phường Lý Thái Tổ; "Phố Lý Thái Tổ" is a street.
    auto conversion = convertAddress(units(), "Số 1 Phố Lý Thái Tổ, Hoàn Kiếm, Hà Nội");
    EXPECT_EQ(conversion.status, ConversionStatus::CommuneNotGiven);
    EXPECT_EQ(conversion.street, "Số 1 Phố Lý Thái Tổ");
}

TEST(AddressConversionTest, InvalidUtf8IsMalformed) {
    try {
        (void)convertAddress(units(), "Ph\xC6");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}

} // namespace
} // namespace cccd::address
