// Address fields from the chip offered with today's units too (sdk/address), split communes
// giving the clerk candidates.
#include "kiosk/core/CurrentAddress.h"

#include <algorithm>

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
    EXPECT_EQ(a.currentFieldId, "current_residence_today");
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
            EXPECT_FALSE(a.currentFieldId.empty()) << definition.id << " has today's address";
        }
    }
}

bool hasProblem(const FilledForm& form, const FieldProblem& problem) {
    std::vector<FieldProblem> problems = form.problems();
    return std::find(problems.begin(), problems.end(), problem) != problems.end();
}

TEST(CurrentAddressTest, SplitWardOnTheCardIsPickedBeforeTheFormIsDone) {
    // vn-basic lives in Phường Hàng Trống (Hoàn Kiếm, Hà Nội), which the reform divided between
    // Phường Hoàn Kiếm and Phường Cửa Nam.
    CitizenRecord citizen = CitizenRecord::fromDocument(kiosktest::readPersona("vn-basic"));
    FormCatalog catalog = kiosktest::shippedForms();
    FilledForm form(*catalog.find("ct01"), citizen);
    std::vector<CurrentAddress> addresses = currentAddresses(form, units(), {"2026-12-04"});
    ASSERT_EQ(addresses.size(), 1u);
    const CurrentAddress& a = addresses[0];
    ASSERT_EQ(a.status, address::ConversionStatus::SplitCommune);
    EXPECT_TRUE(a.mustPick());
    ASSERT_EQ(a.candidates.size(), 2u);
    EXPECT_NE(a.candidates[0].find("Phường Hoàn Kiếm"), std::string::npos) << a.candidates[0];
    EXPECT_NE(a.candidates[1].find("Phường Cửa Nam"), std::string::npos) << a.candidates[1];

    applyCurrentAddresses(form, addresses);
    EXPECT_EQ(form.value("current_residence_today"), "") << "nothing picked for the clerk";
    EXPECT_EQ(form.choices("current_residence_today"), a.candidates);
    EXPECT_TRUE(hasProblem(form, {"current_residence_today", FieldProblemKind::Required}));
    EXPECT_EQ(form.set("current_residence_today", a.asOnCard)->kind, FieldProblemKind::NotAnOption)
        << "the old address is no answer";
    EXPECT_FALSE(form.set("current_residence_today", a.candidates[1]));
    EXPECT_FALSE(hasProblem(form, {"current_residence_today", FieldProblemKind::Required}));
    EXPECT_EQ(form.value("current_residence"), a.asOnCard) << "the card's text stays";
    EXPECT_EQ(form.value("current_residence_today"), a.candidates[1]);
}

TEST(CurrentAddressTest, UnsplitCommuneOnTheCardIsFilledIn) {
    // vn-no-expiry lives in Xã Hải Đường (Hải Hậu, Nam Định), wholly merged into Xã Hải Anh of
    // the new Ninh Bình.
    CitizenRecord citizen = CitizenRecord::fromDocument(kiosktest::readPersona("vn-no-expiry"));
    FormCatalog catalog = kiosktest::shippedForms();
    FilledForm form(*catalog.find("bank-kyc"), citizen);
    std::vector<CurrentAddress> addresses = currentAddresses(form, units(), {"2026-12-04"});
    ASSERT_EQ(addresses.size(), 1u);
    const CurrentAddress& a = addresses[0];
    EXPECT_EQ(a.currentFieldId, "residence_today");
    ASSERT_EQ(a.status, address::ConversionStatus::Converted);
    EXPECT_FALSE(a.mustPick());
    EXPECT_NE(a.current.find("Xã Hải Anh"), std::string::npos) << a.current;
    EXPECT_NE(a.current.find("Ninh Bình"), std::string::npos) << a.current;

    applyCurrentAddresses(form, addresses);
    EXPECT_EQ(form.value("residence_today"), a.current);
    EXPECT_EQ(form.value("residence"), citizen.value("place_of_residence"));
    EXPECT_TRUE(form.choices("residence_today").empty());
    EXPECT_FALSE(form.set("residence_today", a.current + " (sửa)")) << "the clerk may correct it";
}

TEST(CurrentAddressTest, AddressNotInTheTablesIsLeftForTheClerk) {
    CitizenRecord citizen;
    citizen.set("place_of_residence", "221B Baker Street, London");
    FormCatalog catalog = kiosktest::shippedForms();
    FilledForm form(*catalog.find("ct01"), citizen);
    std::vector<CurrentAddress> addresses = currentAddresses(form, units(), {"2026-12-04"});
    ASSERT_EQ(addresses.size(), 1u);
    EXPECT_EQ(addresses[0].status, address::ConversionStatus::NotFound);
    EXPECT_FALSE(addresses[0].mustPick());
    applyCurrentAddresses(form, addresses);
    EXPECT_EQ(form.value("current_residence_today"), "");
    EXPECT_TRUE(hasProblem(form, {"current_residence_today", FieldProblemKind::Required}));
    EXPECT_FALSE(form.set("current_residence_today", "Số 1 Phố Huế, Phường Hai Bà Trưng, Hà Nội"));
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
