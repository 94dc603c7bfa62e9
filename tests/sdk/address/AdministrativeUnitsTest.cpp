#include "address/AdministrativeUnits.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <openssl/evp.h>

#include <gtest/gtest.h>

#include "AdminUnitsReadme.h"
#include "address/AddressText.h"
#include "address/Csv.h"
#include "base/Error.h"

namespace cccd::address {
namespace {

using test::readme;
using test::readmeMatch;
using test::readmeMatches;
using test::readmeNumber;
using test::units;

std::string sha256Prefix(const std::filesystem::path& path) {
    Bytes data = cccd::test::readFile(path);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex = toHex(ByteView(digest, 8));
    std::transform(hex.begin(), hex.end(), hex.begin(),
                   [](char c) { return static_cast<char>(std::tolower(c)); });
    return hex;
}

std::filesystem::path repositoryCopy() {
    return cccd::test::sourceDir() / "data" / "admin-units";
}

// The README's "What is here" table: file name and row count.
std::map<std::string, int> readmeRowCounts() {
    std::map<std::string, int> counts;
    for (const auto& m : readmeMatches("\\| `([a-z_0-9.-]+\\.csv)` \\| ([0-9,]+) \\|")) {
        counts[m[1].str()] = readmeNumber(m[2].str());
    }
    return counts;
}

TEST(AdministrativeUnitsTest, RepositoryCopyEqualsSharedData) {
    auto counts = readmeRowCounts();
    ASSERT_EQ(counts.size(), 8u);
    for (const auto& [file, rows] : counts) {
        EXPECT_EQ(cccd::test::readFile(repositoryCopy() / file),
                  cccd::test::readFile(test::sharedAdminUnitsDir() / file))
            << file << " differs from ../shared/data/admin-units: copy it again";
    }
}

TEST(AdministrativeUnitsTest, FilesHaveTheReadmeHashesAndRowCounts) {
    auto hashes = readmeMatches("([A-Za-z_0-9./-]+\\.csv) +([0-9a-f]{16})");
    ASSERT_EQ(hashes.size(), 9u);
    for (const auto& m : hashes) {
        EXPECT_EQ(sha256Prefix(test::sharedAdminUnitsDir() / m[1].str()), m[2].str()) << m[1];
    }
    for (const auto& [file, rows] : readmeRowCounts()) {
        auto table = CsvTable::read(repositoryCopy() / file);
        EXPECT_EQ(table.rows().size(), static_cast<std::size_t>(rows)) << file;
    }
}

TEST(AdministrativeUnitsTest, LoadsEveryUnitOfTheVerifiedCounts) {
    auto old = readmeMatch("Old side: ([0-9,]+) provinces, ([0-9,]+) districts, ([0-9,]+) "
                           "communes \\(([0-9,]+) xã, ([0-9,]+) phường, ([0-9,]+) thị trấn\\)");
    EXPECT_EQ(units().oldProvinces().size(), static_cast<std::size_t>(readmeNumber(old[1])));
    EXPECT_EQ(units().oldDistricts().size(), static_cast<std::size_t>(readmeNumber(old[2])));
    std::map<UnitType, int> types;
    int coded = 0;
    for (const OldCommune& c : units().oldCommunes()) {
        types[c.type] += 1;
        coded += c.code.empty() ? 0 : 1;
        EXPECT_FALSE(c.mappings.empty()) << c.code << " has no row in the conversion table";
    }
    EXPECT_EQ(coded, readmeNumber(old[3]));
    EXPECT_EQ(types[UnitType::Commune], readmeNumber(old[4]));
    EXPECT_EQ(types[UnitType::Ward], readmeNumber(old[5]));
    EXPECT_EQ(types[UnitType::Township], readmeNumber(old[6]));
    EXPECT_EQ(types[UnitType::UncodedArea], 1);

    auto now = readmeMatch("New side: ([0-9,]+) provinces, ([0-9,]+) communes \\(([0-9,]+) "
                           "xã, ([0-9,]+) phường, ([0-9,]+) đặc khu\\)");
    EXPECT_EQ(units().newProvinces().size(), static_cast<std::size_t>(readmeNumber(now[1])));
    EXPECT_EQ(units().newCommunes().size(), static_cast<std::size_t>(readmeNumber(now[2])));
    std::map<UnitType, int> newTypes;
    std::set<std::string> reached;
    for (const NewCommune& c : units().newCommunes()) {
        newTypes[c.type] += 1;
    }
    for (const UnitMapping& row : units().mappings()) {
        reached.insert(row.newCommuneCode);
    }
    EXPECT_EQ(newTypes[UnitType::Commune], readmeNumber(now[3]));
    EXPECT_EQ(newTypes[UnitType::Ward], readmeNumber(now[4]));
    EXPECT_EQ(newTypes[UnitType::SpecialZone], readmeNumber(now[5]));
    EXPECT_EQ(reached.size(), units().newCommunes().size()) << "a new commune has no old unit";
}

TEST(AdministrativeUnitsTest, SplitCountsMatchTheReadme) {
    auto splits = readmeMatch("Splits: ([0-9,]+) old units go to exactly 1 new unit\\. "
                              "([0-9,]+) are split: ([0-9,]+) into 2 new units, ([0-9,]+) into "
                              "3, ([0-9,]+) into 4, and ([0-9,]+) into 5 \\(([^)]+)\\)\\. "
                              "Hà Nội alone accounts for ([0-9,]+) of the ([0-9,]+) rows");
    std::map<std::size_t, int> byTargets;
    int splitRows = 0;
    int splitRowsHaNoi = 0;
    auto count = [&](const std::vector<std::size_t>& rows) {
        if (rows.empty()) {
            return;
        }
        byTargets[rows.size()] += 1;
        for (std::size_t index : rows) {
            const UnitMapping& row = units().mappings()[index];
            EXPECT_EQ(row.targets, static_cast<int>(rows.size()));
            if (rows.size() > 1) {
                splitRows += 1;
                splitRowsHaNoi += row.oldProvinceCode == "01" ? 1 : 0;
            }
        }
    };
    for (const OldCommune& c : units().oldCommunes()) {
        count(c.mappings);
    }
    for (const OldDistrict& d : units().oldDistricts()) {
        count(d.mappings);
    }
    EXPECT_EQ(byTargets[1], readmeNumber(splits[1]));
    EXPECT_EQ(byTargets[2] + byTargets[3] + byTargets[4] + byTargets[5], readmeNumber(splits[2]));
    EXPECT_EQ(byTargets[2], readmeNumber(splits[3]));
    EXPECT_EQ(byTargets[3], readmeNumber(splits[4]));
    EXPECT_EQ(byTargets[4], readmeNumber(splits[5]));
    EXPECT_EQ(byTargets[5], readmeNumber(splits[6]));
    EXPECT_EQ(splitRowsHaNoi, readmeNumber(splits[8]));
    EXPECT_EQ(splitRows, readmeNumber(splits[9]));
}

TEST(AdministrativeUnitsTest, ProvinceMergersMatchTheReadme) {
    auto counts = readmeMatch("Provinces: ([0-9]+) unchanged, ([0-9]+) formed from 2 old "
                              "provinces, ([0-9]+) formed from 3");
    std::map<std::string, int> sources;
    for (const OldProvince& p : units().oldProvinces()) {
        ASSERT_NE(units().newProvince(p.newProvinceCode), nullptr) << p.code;
        sources[p.newProvinceCode] += 1;
    }
    std::map<int, int> bySize;
    for (const auto& [code, n] : sources) {
        bySize[n] += 1;
    }
    EXPECT_EQ(bySize[1], readmeNumber(counts[1]));
    EXPECT_EQ(bySize[2], readmeNumber(counts[2]));
    EXPECT_EQ(bySize[3], readmeNumber(counts[3]));

    // "No old district spans two new provinces".
    EXPECT_NE(readme().find("No old district spans two new provinces"), std::string::npos);
    for (const OldDistrict& d : units().oldDistricts()) {
        std::set<std::string> targets;
        for (std::size_t c : d.communes) {
            for (std::size_t index : units().oldCommunes()[c].mappings) {
                targets.insert(units().mappings()[index].newProvinceCode);
            }
        }
        for (std::size_t index : d.mappings) {
            targets.insert(units().mappings()[index].newProvinceCode);
        }
        EXPECT_EQ(targets.size(), 1u) << d.fullName;
    }
}

// "Hà Nội went from 526 old communes to 126 new ones. Tuyên Quang (new) has 124 ..."
TEST(AdministrativeUnitsTest, ExampleProvinceCountsMatchTheReadme) {
    auto oldOf = [](const std::string& provinceName) {
        int n = 0;
        for (const OldCommune& c : units().oldCommunes()) {
            n += !c.code.empty() && units().oldProvince(c.provinceCode)->name == provinceName;
        }
        return n;
    };
    auto newOf = [](const std::string& provinceName) {
        int n = 0;
        for (const NewCommune& c : units().newCommunes()) {
            n += units().newProvince(c.provinceCode)->name == provinceName;
        }
        return n;
    };
    auto haNoi = readmeMatch("Hà Nội went from ([0-9]+) old communes to ([0-9]+) new ones");
    EXPECT_EQ(oldOf("Hà Nội"), readmeNumber(haNoi[1]));
    EXPECT_EQ(newOf("Hà Nội"), readmeNumber(haNoi[2]));
    auto merged =
        readmeMatches("([A-ZĐ][^ ]+ [^ ]+) \\(new\\) has ([0-9]+)(?: new communes)?, taking "
                      "([0-9]+) (?:old ones )?from ([^ ]+ [^ ]+) and ([0-9]+) from "
                      "([^ .]+ [^ .]+)");
    ASSERT_EQ(merged.size(), 2u);
    for (const auto& m : merged) {
        EXPECT_EQ(newOf(m[1]), readmeNumber(m[2])) << m[1];
        EXPECT_EQ(oldOf(m[4]), readmeNumber(m[3])) << m[4];
        EXPECT_EQ(oldOf(m[6]), readmeNumber(m[5])) << m[6];
    }
}

// "Taken from the old district through the old list, not from the NSO "Tỉnh cũ" column ..."
TEST(AdministrativeUnitsTest, WrongOldProvinceColumnIsCorrected) {
    auto rows = readmeMatches("((?:Huyện|Thành phố) [^ ]+ [^ ]+) is labelled [^.]*? but is "
                              "(?:([^(.]+) \\()?([0-9]{2})\\)?\\.");
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& m : rows) {
        const OldProvince* province = units().oldProvince(m[3].str());
        ASSERT_NE(province, nullptr);
        if (m[2].matched) {
            EXPECT_EQ(province->name, m[2].str());
        }
        bool found = false;
        for (std::size_t d : province->districts) {
            found = found || units().oldDistricts()[d].fullName == m[1].str();
        }
        EXPECT_TRUE(found) << m[1] << " is not in province " << m[3];
    }
}

// "Xã Đặng Xá → Xã Thuận An: the table gives 00553 (Xã Cổ Bi); the right code is **00556**."
TEST(AdministrativeUnitsTest, WrongOldCodesAreCorrected) {
    auto fixes =
        readmeMatches("((?:Xã|Phường|Thị trấn) [^→:|,()]+?) → ([^:]+): the table gives "
                      "([0-9]{5}) \\(([^)]+)\\); the right code is \\*\\*([0-9]{5})\\*\\*");
    ASSERT_EQ(fixes.size(), 3u);
    for (const auto& m : fixes) {
        const OldCommune* right = units().oldCommune(m[5].str());
        const OldCommune* wrong = units().oldCommune(m[3].str());
        ASSERT_NE(right, nullptr);
        ASSERT_NE(wrong, nullptr);
        EXPECT_EQ(right->fullName, m[1].str());
        EXPECT_EQ(wrong->fullName, m[4].str());
        EXPECT_EQ(right->districtCode, wrong->districtCode);
        bool mapped = false;
        for (std::size_t index : right->mappings) {
            const UnitMapping& row = units().mappings()[index];
            bool target = units().newCommune(row.newCommuneCode)->fullName == m[2].str();
            mapped = mapped || target;
            EXPECT_TRUE(!target || !row.fixNote.empty()) << "no fix_note on " << m[1];
        }
        EXPECT_TRUE(mapped) << m[1] << " does not go to " << m[2];
    }
}

TEST(AdministrativeUnitsTest, RowKindsAndNotesMatchTheReadme) {
    auto levels = readmeMatch("`commune` \\(([0-9,]+) rows\\), `district` \\(([0-9]+) island");
    auto gso = readmeMatch("differs from the NSO spelling \\(([0-9]+) rows\\)");
    auto fixes = readmeMatch("Set where we corrected or flagged an NSO row \\(([0-9]+) rows");
    auto whole = readmeMatch("toàn bộ dân số\" \\(([0-9]+) rows\\)");
    int districtRows = 0;
    int fixRows = 0;
    int wholeRows = 0;
    for (const UnitMapping& row : units().mappings()) {
        districtRows += row.oldCommuneCode.empty() && row.oldCommuneName.empty();
        fixRows += !row.fixNote.empty();
        wholeRows += row.wholePopulation();
    }
    int communeRows = 0;
    int spellings = 0;
    for (const OldCommune& c : units().oldCommunes()) {
        communeRows += c.code.empty() ? 0 : static_cast<int>(c.mappings.size());
    }
    auto table = CsvTable::read(test::sharedAdminUnitsDir() / "old_to_new_communes.csv");
    std::size_t gsoColumn = table.column("old_commune_name_gso");
    for (const auto& row : table.rows()) {
        spellings += !row[gsoColumn].empty();
    }
    EXPECT_EQ(communeRows, readmeNumber(levels[1]));
    EXPECT_EQ(districtRows, readmeNumber(levels[2]));
    EXPECT_EQ(spellings, readmeNumber(gso[1]));
    EXPECT_EQ(fixRows, readmeNumber(fixes[1]));
    EXPECT_EQ(wholeRows, readmeNumber(whole[1]));
}

// "Five came from whole island districts" and "The other eight came from communes".
TEST(AdministrativeUnitsTest, SpecialZonesMatchTheReadme) {
    auto islands = readmeMatch("Five island districts had no communes: ([^.]+)\\.");
    int checked = 0;
    for (const std::string& item : test::listItems(islands[1].str())) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(item, m, std::regex("(.+) ([0-9]{3})"))) << item;
        const OldDistrict* d = units().oldDistrict(m[2].str());
        ASSERT_NE(d, nullptr);
        EXPECT_EQ(d->name, m[1].str());
        EXPECT_TRUE(d->communes.empty());
        ASSERT_EQ(d->mappings.size(), 1u);
        const auto& row = units().mappings()[d->mappings[0]];
        EXPECT_EQ(units().newCommune(row.newCommuneCode)->fullName, "Đặc khu " + d->name);
        checked += 1;
    }
    EXPECT_EQ(checked, 5);

    auto fromCommunes = readmeMatch("The other eight came from communes: ([^.]+)\\.");
    std::string zones = std::regex_replace(fromCommunes[1].str(), std::regex(" \\([^)]*\\)"), "");
    int found = 0;
    for (const std::string& zone : test::listItems(zones)) {
        bool exists = false;
        for (const NewCommune& c : units().newCommunes()) {
            exists = exists || c.fullName == "Đặc khu " + zone;
        }
        EXPECT_TRUE(exists) << zone;
        found += 1;
    }
    EXPECT_EQ(found, 8);
}

// "the 12 communes still present in the March 2025 GSO scrape (codes 07693, ...)".
TEST(AdministrativeUnitsTest, CommunesMergedBefore2025AreAbsent) {
    auto codes = readmeMatch("\\(codes ([0-9, ]+)\\)");
    int n = 0;
    for (const std::string& code : test::allMatches(codes[1].str(), "[0-9]{5}")) {
        EXPECT_EQ(units().oldCommune(code), nullptr) << code;
        n += 1;
    }
    EXPECT_EQ(n, 12);
}

// "code 03244 is "Xã Sáng Nhè" in the GSO list but "Xã Xá Nhè" in the NSO table".
TEST(AdministrativeUnitsTest, KeepsBothSpellingsOfAnOldCommune) {
    auto m = readmeMatch("code ([0-9]{5}) is \"([^\"]+)\" in the GSO list but \"([^\"]+)\" in "
                         "the NSO table");
    const OldCommune* commune = units().oldCommune(m[1].str());
    ASSERT_NE(commune, nullptr);
    EXPECT_EQ(commune->fullName, m[2].str());
    ASSERT_EQ(commune->otherSpellings.size(), 1u);
    EXPECT_EQ(commune->otherSpellings[0], m[3].str());
}

TEST(AdministrativeUnitsTest, LaterChangesAreListedNotApplied) {
    auto m = readmeMatch("From ([0-9]+) April ([0-9]{4}) (Tỉnh Đồng Nai) became (Thành phố Đồng "
                         "Nai) \\([^)]*\\), and ([0-9]+) of its communes became phường");
    int communes = 0;
    for (const LaterChange& change : units().laterChanges()) {
        EXPECT_EQ(change.effectiveDate, m[2].str() + "-04-" + m[1].str());
        if (change.level == UnitLevel::Province) {
            EXPECT_EQ(change.fullNameBefore, m[3].str());
            EXPECT_EQ(change.fullNameAfter, m[4].str());
            EXPECT_EQ(units().newProvince(change.code)->fullName, m[3].str());
        } else {
            communes += 1;
            EXPECT_EQ(change.typeAfter, UnitType::Ward);
            EXPECT_EQ(units().newCommune(change.code)->fullName, change.fullNameBefore);
        }
    }
    EXPECT_EQ(communes, readmeNumber(m[5]));
}

TEST(AdministrativeUnitsTest, MissingDirectoryIsAnIoError) {
    try {
        (void)AdministrativeUnits::load("/nonexistent/admin-units");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
    }
}

TEST(AdministrativeUnitsTest, RowWithTheWrongFieldCountIsMalformed) {
    try {
        (void)CsvTable::parse("a,b\n1,2\n3\n", "test.csv");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
    auto table = CsvTable::parse("a,b\r\n\"x, \"\"y\"\"\nz\",2\r\n", "test.csv");
    ASSERT_EQ(table.rows().size(), 1u);
    EXPECT_EQ(table.rows()[0][0], "x, \"y\"\nz");
}

TEST(AdministrativeUnitsTest, DefaultDirectoryIsTheRepositoryCopyWhenNotInstalled) {
    auto dir = defaultAdminUnitsDirectory();
    EXPECT_TRUE(std::filesystem::exists(dir / "old_to_new_communes.csv")) << dir;
}

} // namespace
} // namespace cccd::address
