#include <cctype>
#include <chrono>
#include <map>

#include <gtest/gtest.h>

#include "AdminUnitsReadme.h"
#include "ConversionFixtures.h"
#include "address/AddressConversion.h"
#include "address/AddressText.h"
#include "qr/QrText.h"
#include "support/Instrumented.h"

// Addresses generated from the tables for every commune of every old province, written in the
// ways cards, forms and registers write them; each must convert to the table's new unit(s).

namespace cccd::address {
namespace {

using test::candidateCodes;
using test::tableTargets;
using test::units;

std::string abbreviation(UnitType type) {
    switch (type) {
    case UnitType::Province:
        return "T.";
    case UnitType::CentralCity:
    case UnitType::ProvincialCity:
    case UnitType::MunicipalCity:
        return "TP.";
    case UnitType::UrbanDistrict:
        return "Q.";
    case UnitType::RuralDistrict:
        return "H.";
    case UnitType::DistrictTown:
        return "TX.";
    case UnitType::Ward:
        return "P.";
    case UnitType::Commune:
        return "X.";
    case UnitType::Township:
        return "TT.";
    case UnitType::SpecialZone:
    case UnitType::UncodedArea:
        return "";
    }
    return "";
}

// The tone mark on the first vowel of "oa", "oe", "uy": the older placement ("Hoà", "Thuỷ").
std::string oldTonePlacement(std::string text) {
    static const std::vector<std::pair<std::string, std::string>> pairs{
        {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"},
        {"òe", "oè"}, {"óe", "oé"}, {"ỏe", "oẻ"}, {"õe", "oẽ"}, {"ọe", "oẹ"},
        {"ùy", "uỳ"}, {"úy", "uý"}, {"ủy", "uỷ"}, {"ũy", "uỹ"}, {"ụy", "uỵ"}};
    for (const auto& [from, to] : pairs) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from)) {
            text.replace(at, from.size(), to);
        }
    }
    return text;
}

enum class Style {
    Full,
    Abbreviated,
    LowerCase,
    OldTones,
    NoCommas,
    UntypedParents,
    Street,
    Count
};

std::string write(const OldCommune& c, Style style) {
    const OldDistrict& d = *units().oldDistrict(c.districtCode);
    const OldProvince& p = *units().oldProvince(c.provinceCode);
    std::string full = c.fullName + ", " + d.fullName + ", " + p.fullName;
    switch (style) {
    case Style::Full:
        return full;
    case Style::Abbreviated:
        return abbreviation(c.type) + c.name + ", " + abbreviation(d.type) + " " + d.name + ", " +
               abbreviation(p.type) + p.name;
    case Style::LowerCase:
        return qr::comparableText(full);
    case Style::OldTones:
        return oldTonePlacement(full);
    case Style::NoCommas:
        return c.fullName + " " + d.fullName + " " + p.fullName;
    case Style::UntypedParents: // a numbered district needs its type: "Quận 1", not "1"
        return c.fullName + ", " +
               (std::isdigit(static_cast<unsigned char>(d.name[0])) != 0 ? d.fullName : d.name) +
               ", " + p.name;
    case Style::Street:
        return "Số 12, Tổ 3, " + c.fullName + ", " + d.fullName + ", " + p.name + ", Việt Nam";
    case Style::Count:
        break;
    }
    return full;
}

// Old communes of one district whose names and types read the same: only the code tells them
// apart, so the converter must call the address ambiguous.
std::map<std::string, int> sameNameAndType() {
    std::map<std::string, int> counts;
    for (const OldCommune& c : units().oldCommunes()) {
        counts[c.districtCode + nameKey(c.fullName)] += 1;
    }
    return counts;
}

struct Outcome {
    int checked = 0;
    int ambiguous = 0;
    std::vector<std::string> failures;
    double micros = 0;
};

void check(const OldCommune& c, Style style, int twins, Outcome& out) {
    std::string address = write(c, style);
    auto start = std::chrono::steady_clock::now();
    auto conversion = convertAddress(units(), address, test::beforeLaterChanges());
    out.micros +=
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    out.checked += 1;
    if (twins > 1 && conversion.status == ConversionStatus::Ambiguous) {
        bool listed = false;
        for (const OldUnits& alternative : conversion.alternatives) {
            listed = listed || (alternative.commune && alternative.commune->code == c.code);
        }
        out.ambiguous += 1;
        if (!listed) {
            out.failures.push_back(address + " (not among the alternatives)");
        }
        return;
    }
    bool converted = conversion.status == ConversionStatus::Converted ||
                     conversion.status == ConversionStatus::SplitCommune;
    if (!converted || !conversion.old.commune || conversion.old.commune->code != c.code ||
        candidateCodes(conversion) != tableTargets(units(), c) ||
        conversion.newProvince->code != units().oldProvince(c.provinceCode)->newProvinceCode) {
        out.failures.push_back(address + " -> " +
                               std::string(conversionStatusName(conversion.status)) + " " +
                               (conversion.old.commune ? conversion.old.commune->fullName : ""));
    }
}

TEST(GeneratedAddressTest, EveryCommuneOfEveryProvinceConverts) {
    auto twins = sameNameAndType();
    Outcome out;
    std::map<std::string, int> perProvince;
    for (const OldProvince& p : units().oldProvinces()) {
        int n = 0;
        for (std::size_t d : p.districts) {
            for (std::size_t index : units().oldDistricts()[d].communes) {
                const OldCommune& c = units().oldCommunes()[index];
                if (c.type == UnitType::UncodedArea) {
                    continue;
                }
                int twinCount = twins[c.districtCode + nameKey(c.fullName)];
                // Every commune in one style (rotating), the first three of a province in all.
                auto styles = static_cast<int>(Style::Count);
                if (n < 3) {
                    for (int s = 0; s < styles; ++s) {
                        check(c, static_cast<Style>(s), twinCount, out);
                    }
                } else {
                    check(c, static_cast<Style>(n % styles), twinCount, out);
                }
                n += 1;
            }
        }
        perProvince[p.code] = n;
        EXPECT_GT(n, 0) << p.fullName;
    }
    EXPECT_EQ(perProvince.size(), 63u);
    EXPECT_GT(out.checked, 10000);
    EXPECT_LT(out.ambiguous, 40) << "more same-named communes than the tables hold";
    for (std::size_t i = 0; i < out.failures.size() && i < 40; ++i) {
        ADD_FAILURE() << out.failures[i];
    }
    EXPECT_EQ(out.failures.size(), 0u);
    // "a conversion in well under a millisecond", in the build as shipped
    if (!cccd::test::SanitizerInstrumented) {
        EXPECT_LT(out.micros / out.checked, 500.0) << "mean microseconds per conversion";
    }
}

TEST(GeneratedAddressTest, LoadingTakesWellUnderASecond) {
    auto start = std::chrono::steady_clock::now();
    auto loaded = AdministrativeUnits::loadDefault();
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(loaded.oldCommunes().size(), units().oldCommunes().size());
    if (!cccd::test::SanitizerInstrumented) { // the bound is the shipped build's
        EXPECT_LT(std::chrono::duration<double>(elapsed).count(), 1.0);
    }
}

} // namespace
} // namespace cccd::address
