// Every shipped form filled from a chip: the chip's fields set and read-only, the clerk's
// fields validated, the export holding only the form's fields, and nothing left after wipe().
#include "kiosk/core/FilledForm.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "KioskTestSupport.h"
#include "base/Error.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

const reader::Document& vnBasic() {
    static const reader::Document document = kiosktest::readPersona("vn-basic");
    return document;
}

} // namespace

TEST(FilledFormTest, CitizenRecordHoldsTheChipsAttributes) {
    CitizenRecord citizen = CitizenRecord::fromDocument(vnBasic());
    nlohmann::json persona = readertest::persona("vn-basic");
    EXPECT_EQ(citizen.value("full_name"), persona["fullName"].get<std::string>());
    EXPECT_EQ(citizen.value("personal_id_number"), persona["personalIdNumber"].get<std::string>());
    EXPECT_EQ(citizen.value("date_of_birth"), "14/05/1990");
    EXPECT_EQ(citizen.value("place_of_residence"), persona["placeOfResidence"].get<std::string>());
    citizen.wipe();
    EXPECT_TRUE(citizen.empty());
    EXPECT_EQ(citizen.value("full_name"), "");
}

class EveryPersonaTest : public ::testing::TestWithParam<std::string> {};

// Every shipped form, filled from every persona's card: the chip's fields hold the chip's value
// (empty only where the card has none, e.g. no spouse) and cannot be changed.
TEST_P(EveryPersonaTest, EveryShippedFormFillsFromTheChip) {
    FormCatalog catalog = kiosktest::shippedForms();
    reader::Document document = kiosktest::readPersona(GetParam());
    CitizenRecord citizen = CitizenRecord::fromDocument(document);
    ASSERT_FALSE(citizen.value("full_name").empty());
    for (const FormDefinition& form : catalog.forms()) {
        FilledForm filled(form, citizen);
        for (const FormField* f : form.fields()) {
            if (f->fromChip()) {
                EXPECT_EQ(filled.value(f->id), citizen.value(f->source)) << form.id << "." << f->id;
                EXPECT_THROW((void)filled.set(f->id, "x"), Error) << "read-only";
            } else if (f->type == FieldType::Check) {
                EXPECT_EQ(filled.value(f->id), "no") << "an unticked box is an answer";
            }
        }
        EXPECT_FALSE(filled.chipAttributesUsed().empty()) << form.id;
        for (const char* always : {"personal_id_number", "full_name", "date_of_birth"}) {
            for (const FormField* f : form.fields()) {
                if (f->source == always) {
                    EXPECT_FALSE(filled.value(f->id).empty()) << form.id << "." << f->id;
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Personas, EveryPersonaTest,
                         ::testing::Values("vn-basic", "vn-long-residence", "vn-no-expiry"),
                         [](const auto& param) {
                             std::string n = param.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(FilledFormTest, ClerkFieldsAreValidated) {
    FormCatalog catalog = kiosktest::shippedForms();
    CitizenRecord citizen = CitizenRecord::fromDocument(vnBasic());
    FilledForm form(*catalog.find("birth-registration"), citizen);
    std::vector<FieldProblem> open = form.problems();
    EXPECT_NE(
        std::find(open.begin(), open.end(), FieldProblem{"child_name", FieldProblemKind::Required}),
        open.end());
    EXPECT_EQ(form.set("child_date_of_birth", "31/02/2026")->kind, FieldProblemKind::NotADate);
    EXPECT_FALSE(form.set("child_date_of_birth", " 01/02/2026 "));
    EXPECT_EQ(form.value("child_date_of_birth"), "01/02/2026");
    EXPECT_EQ(form.set("child_sex", "Male")->kind, FieldProblemKind::NotAnOption);
    EXPECT_FALSE(form.set("child_sex", "Nữ"));
    EXPECT_EQ(form.set("mother_id", "12345")->kind, FieldProblemKind::TooShort);
    EXPECT_EQ(form.set("mother_id", "00119001234a")->kind, FieldProblemKind::NotDigits);
    EXPECT_THROW((void)form.set("no_such_field", "x"), Error);

    FilledForm kyc(*catalog.find("bank-kyc"), citizen);
    EXPECT_EQ(kyc.set("phone", "912345678")->kind, FieldProblemKind::NotAPhone);
    EXPECT_EQ(kyc.set("email", "an@")->kind, FieldProblemKind::NotAnEmail);
    EXPECT_EQ(kyc.set("tax_resident_abroad", "maybe")->kind, FieldProblemKind::NotAnOption);
    EXPECT_EQ(kyc.set("occupation", std::string(101, 'a'))->kind, FieldProblemKind::TooLong);
    EXPECT_FALSE(kyc.set("occupation", std::string(100, 'a')));
    EXPECT_FALSE(kyc.set("occupation", "Kỹ sư phần mềm"));
    EXPECT_FALSE(kyc.set("phone", "0912345678"));
    EXPECT_FALSE(kyc.set("tax_resident_abroad", "no"));
    EXPECT_FALSE(kyc.set("email", ""));
    std::vector<FieldProblem> left = kyc.problems();
    EXPECT_EQ(left, (std::vector<FieldProblem>{{"residence_today", FieldProblemKind::Required}}))
        << "today's address is asked for";
    EXPECT_FALSE(kyc.set("residence_today", "Số 12 Phố Hàng Bông, Phường Hoàn Kiếm, Hà Nội"));
    EXPECT_TRUE(kyc.problems().empty());
    EXPECT_EQ(problemText(FieldProblemKind::Required).in(Language::English), "Required");
}

TEST(FilledFormTest, ExportHoldsOnlyTheFormsFields) {
    FormCatalog catalog = kiosktest::shippedForms();
    CitizenRecord citizen = CitizenRecord::fromDocument(vnBasic());
    FilledForm form(*catalog.find("ct01"), citizen);
    (void)form.set("request", "Đăng ký thường trú");
    nlohmann::json out = form.toJson();
    EXPECT_EQ(out["form"], "ct01");
    EXPECT_EQ(out["code"], "CT01");
    std::string text = out.dump();
    // Attributes CT01 does not use stay out, though the record has them.
    for (const char* unused : {"father_name", "mother_name", "identifying_marks", "religion"}) {
        std::string value = citizen.value(unused);
        ASSERT_FALSE(value.empty()) << unused;
        EXPECT_EQ(text.find(value), std::string::npos) << unused;
    }
    EXPECT_EQ(out["fields"].size(), catalog.find("ct01")->fields().size());
    form.wipe();
    EXPECT_EQ(form.value("request"), "");
}

TEST(FilledFormTest, RestrictedFieldTakesOnlyItsChoices) {
    FormCatalog catalog = kiosktest::shippedForms();
    CitizenRecord citizen = CitizenRecord::fromDocument(vnBasic());
    FilledForm form(*catalog.find("ct01"), citizen);
    std::vector<std::string> choices{"Phố A, Phường Một, Tỉnh B", "Phố A, Phường Hai, Tỉnh B"};
    form.restrictTo("current_residence_today", choices);
    EXPECT_EQ(form.choices("current_residence_today"), choices);
    EXPECT_TRUE(form.choices("request").empty());
    EXPECT_EQ(form.set("current_residence_today", "Phố A, Phường Ba, Tỉnh B")->kind,
              FieldProblemKind::NotAnOption);
    std::vector<FieldProblem> open = form.problems();
    EXPECT_NE(std::find(open.begin(), open.end(),
                        FieldProblem{"current_residence_today", FieldProblemKind::NotAnOption}),
              open.end());
    EXPECT_FALSE(form.set("current_residence_today", choices[1]));
    form.restrictTo("current_residence_today", {});
    EXPECT_FALSE(form.set("current_residence_today", "Phố A, Phường Ba, Tỉnh B")) << "lifted";
    EXPECT_THROW(form.restrictTo("current_residence", choices), Error) << "a chip field";
    EXPECT_THROW(form.restrictTo("no_such_field", choices), Error);
    form.restrictTo("current_residence_today", choices);
    form.wipe();
    EXPECT_TRUE(form.choices("current_residence_today").empty());
}

TEST(FilledFormTest, ExportNamesTheChipAddressACurrentAddressConverts) {
    FormCatalog catalog = kiosktest::shippedForms();
    CitizenRecord citizen = CitizenRecord::fromDocument(vnBasic());
    FilledForm form(*catalog.find("ct01"), citizen);
    (void)form.set("current_residence_today", "Số 12 Ngõ 34 Phố Hàng Bông, Phường Hoàn Kiếm, "
                                              "Thành phố Hà Nội");
    nlohmann::json out = form.toJson();
    nlohmann::json onCard;
    nlohmann::json today;
    for (const nlohmann::json& field : out["fields"]) {
        if (field["id"] == "current_residence") {
            onCard = field;
        } else if (field["id"] == "current_residence_today") {
            today = field;
        }
    }
    EXPECT_EQ(onCard["value"], citizen.value("place_of_residence"));
    EXPECT_EQ(onCard["from_chip"], true);
    EXPECT_FALSE(onCard.contains("current_of"));
    EXPECT_EQ(today["value"], form.value("current_residence_today"));
    EXPECT_EQ(today["from_chip"], false);
    EXPECT_EQ(today["current_of"], "current_residence");
}
