// Address fields from the chip offered with today's units too (sdk/address), split communes
// giving the clerk candidates.
#include "kiosk/core/CurrentAddress.h"

#include <gtest/gtest.h>

#include "KioskTestSupport.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

const address::AdministrativeUnits& units() {
    static const address::AdministrativeUnits loaded = address::AdministrativeUnits::loadDefault();
    return loaded;
}

// An address in an old commune the reform split, built from the tables themselves.
std::string splitCommuneAddress() {
    for (const address::UnitMapping& m : units().mappings()) {
        const address::OldCommune* commune = units().oldCommune(m.oldCommuneCode);
        if (m.targets < 2 || !commune) {
            continue;
        }
        const address::OldDistrict* district = units().oldDistrict(commune->districtCode);
        const address::OldProvince* province = units().oldProvince(commune->provinceCode);
        return "Thôn 1, " + commune->fullName + ", " + district->fullName + ", " +
               province->fullName;
    }
    return {};
}

TEST(CurrentAddressTest, ChipResidenceShownAsOnTheCardAndAsToday) {
    CitizenRecord citizen = CitizenRecord::fromDocument(kiosktest::readPersona("vn-basic"));
    FormCatalog catalog = kiosktest::shippedForms();
    FilledForm form(*catalog.find("ct01"), citizen);
    std::vector<CurrentAddress> addresses = currentAddresses(form, units(), {"2026-12-04"});
    ASSERT_EQ(addresses.size(), 1u);
    const CurrentAddress& a = addresses[0];
    EXPECT_EQ(a.fieldId, "current_residence");
    EXPECT_EQ(a.attribute, "place_of_residence");
    EXPECT_EQ(a.asOnCard, citizen.value("place_of_residence"));
    // Hàng Trống is one of the wards the reform split: either way the clerk has today's address.
    EXPECT_TRUE(a.status == address::ConversionStatus::Converted ||
                a.status == address::ConversionStatus::SplitCommune);
    EXPECT_TRUE(!a.current.empty() || a.candidates.size() >= 2);
    for (const std::string& candidate : a.candidates) {
        EXPECT_NE(candidate, a.asOnCard);
        EXPECT_NE(candidate.find("Hà Nội"), std::string::npos) << candidate;
    }
    EXPECT_EQ(form.value("current_residence"), a.asOnCard) << "the form keeps the card's text";
}

TEST(CurrentAddressTest, SplitCommuneGivesCandidatesToPick) {
    std::string written = splitCommuneAddress();
    ASSERT_FALSE(written.empty());
    CitizenRecord citizen;
    citizen.set("place_of_residence", written);
    FormCatalog catalog = kiosktest::shippedForms();
    for (const FormDefinition& definition : catalog.forms()) {
        FilledForm form(definition, citizen);
        for (const CurrentAddress& a : currentAddresses(form, units(), {"2026-12-04"})) {
            EXPECT_EQ(a.asOnCard, written) << definition.id;
            EXPECT_EQ(a.status, address::ConversionStatus::SplitCommune) << definition.id;
            EXPECT_GE(a.candidates.size(), 2u) << definition.id;
            EXPECT_TRUE(a.current.empty()) << "the clerk picks";
        }
    }
}

TEST(CurrentAddressTest, EmptyAddressIsNotConverted) {
    CitizenRecord citizen;
    FormCatalog catalog = kiosktest::shippedForms();
    FilledForm form(*catalog.find("ct01"), citizen);
    std::vector<CurrentAddress> addresses = currentAddresses(form, units());
    ASSERT_EQ(addresses.size(), 1u);
    EXPECT_EQ(addresses[0].status, address::ConversionStatus::NotFound);
    EXPECT_TRUE(addresses[0].candidates.empty());
}

} // namespace
