// The QR printed on the card against the chip's DG13 and DG1 (issue: QR-versus-chip check):
// cccd.md §4.1's example is the vn-basic card's holder, so every field matches; a changed field
// is named, from each file that holds it.
#include "verify/QrCrossCheck.h"

#include <gtest/gtest.h>

#include "emulator/card/CardProfile.h"
#include "sdk/mrz/CccdSpec.h"
#include "support/TestData.h"

using namespace cccd;
using namespace cccd::verify;
using qr::QrField;

namespace {

std::string example2021() {
    std::string text = test::spec::section(test::spec::markdown("cccd.md"), "### 4.1 2021 CCCD");
    std::size_t open = text.find('`', text.find("Invented example:"));
    return text.substr(open + 1, text.find('`', open + 1) - open - 1);
}

struct Chip {
    lds::Dg13 dg13;
    lds::Dg1 dg1;
};

Chip vnBasic() {
    emulator::CardProfile card =
        emulator::loadProfile(test::binaryDir() / "profiles/vn-basic.json");
    auto file = [&card](std::uint16_t fid) {
        for (const emulator::ElementaryFile& ef : card.applicationFiles) {
            if (ef.fid == fid) {
                return ef.data;
            }
        }
        throw std::runtime_error("no such file");
    };
    return {lds::Dg13::parse(file(0x010D)), lds::Dg1::parse(file(0x0101))};
}

FieldMatch resultOf(const QrCrossCheckReport& r, QrField field, std::string_view file) {
    for (const QrFieldCheck& c : r.checks) {
        if (c.field == field && c.chipFile == file) {
            return c.result;
        }
    }
    ADD_FAILURE() << "no check of " << qr::qrFieldName(field) << " in " << file;
    return FieldMatch::NotOnChip;
}

} // namespace

TEST(QrCrossCheckTest, TheCardsOwnQrMatchesItsChip) {
    Chip chip = vnBasic();
    qr::QrPayload payload = qr::QrPayload::parse(example2021());
    QrCrossCheckReport r = crossCheckQr(payload, &chip.dg13, &chip.dg1);
    EXPECT_TRUE(r.consistent());
    for (QrField f : {QrField::PersonalIdNumber, QrField::FullName, QrField::DateOfBirth,
                      QrField::Sex, QrField::DateOfIssue, QrField::OldIdNumber}) {
        EXPECT_EQ(resultOf(r, f, "DG13"), FieldMatch::Match) << qr::qrFieldName(f);
    }
    for (QrField f : {QrField::FullName, QrField::DateOfBirth, QrField::Sex}) {
        EXPECT_EQ(resultOf(r, f, "DG1"), FieldMatch::Match) << qr::qrFieldName(f);
    }
}

TEST(QrCrossCheckTest, CaseAndSpacingAreNotMismatches) {
    Chip chip = vnBasic();
    qr::QrPayload payload = qr::QrPayload::parse(example2021());
    payload.fullName = "NGUYỄN  VĂN AN";
    EXPECT_TRUE(crossCheckQr(payload, &chip.dg13, &chip.dg1).consistent());
}

TEST(QrCrossCheckTest, EachChangedFieldIsNamed) {
    Chip chip = vnBasic();
    const qr::QrPayload original = qr::QrPayload::parse(example2021());
    using namespace std::chrono;

    qr::QrPayload p = original;
    p.personalIdNumber = "001090012346";
    EXPECT_EQ(resultOf(crossCheckQr(p, &chip.dg13, &chip.dg1), QrField::PersonalIdNumber, "DG13"),
              FieldMatch::Mismatch);

    p = original;
    p.fullName = "Nguyễn Văn Ân";
    QrCrossCheckReport name = crossCheckQr(p, &chip.dg13, &chip.dg1);
    EXPECT_EQ(resultOf(name, QrField::FullName, "DG13"), FieldMatch::Mismatch);
    EXPECT_EQ(resultOf(name, QrField::FullName, "DG1"), FieldMatch::Match) << "same in the MRZ";
    EXPECT_FALSE(name.consistent());
    ASSERT_EQ(name.mismatches().size(), 1u);

    p = original;
    p.dateOfBirth = year_month_day{year(1990), May, day(15)};
    QrCrossCheckReport birth = crossCheckQr(p, &chip.dg13, &chip.dg1);
    EXPECT_EQ(resultOf(birth, QrField::DateOfBirth, "DG13"), FieldMatch::Mismatch);
    EXPECT_EQ(resultOf(birth, QrField::DateOfBirth, "DG1"), FieldMatch::Mismatch);

    p = original;
    p.sex = qr::Sex::Female;
    QrCrossCheckReport sex = crossCheckQr(p, &chip.dg13, &chip.dg1);
    EXPECT_EQ(resultOf(sex, QrField::Sex, "DG13"), FieldMatch::Mismatch);
    EXPECT_EQ(resultOf(sex, QrField::Sex, "DG1"), FieldMatch::Mismatch);

    p = original;
    p.dateOfIssue = year_month_day{year(2021), March, day(11)};
    EXPECT_EQ(resultOf(crossCheckQr(p, &chip.dg13, &chip.dg1), QrField::DateOfIssue, "DG13"),
              FieldMatch::Mismatch);

    p = original;
    p.oldIdNumber = "123456780";
    EXPECT_EQ(resultOf(crossCheckQr(p, &chip.dg13, &chip.dg1), QrField::OldIdNumber, "DG13"),
              FieldMatch::Mismatch);
}

TEST(QrCrossCheckTest, WithoutChipFilesNothingIsConsistent) {
    qr::QrPayload payload = qr::QrPayload::parse(example2021());
    QrCrossCheckReport r = crossCheckQr(payload, nullptr, nullptr);
    EXPECT_FALSE(r.consistent());
    EXPECT_TRUE(r.mismatches().empty());
    for (const QrFieldCheck& c : r.checks) {
        EXPECT_EQ(c.result, FieldMatch::NotOnChip);
    }
}
