// DG1 and its MRZ as BSI TR-03105-5.1 tests a reader: unit LDS_B (whose bodies moved to ICAO TR
// RF & Protocol Testing Part 4, unit LDS_B, same numbers), as ../shared/spec/conformance.md §2.8
// lists them. The card is the Vietnamese persona vn-basic, opened with PACE and the CAN; the
// reader also holds the MRZ key of the printed MRZ, as a clerk who typed or scanned it would.
// DG1 is replaced and EF.SOD re-hashed and re-signed, so that only the reader's own MRZ checks
// can find the fault. The 5.1 default document is a passport: cases about a field only the TD3
// layout has use a TD3 MRZ with the card's document number and dates.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "emulator/profilegen/LdsFiles.h"
#include "emulator/profilegen/MrzBuilder.h"
#include "mrz/CheckDigit.h"
#include "mrz/Mrz.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using reader::ContentCheck;

constexpr int Dg1Number = 1;

char digit(std::string_view field) {
    return mrz::checkDigit(field).value_or('?');
}

// A TD1 MRZ (ICAO 9303-5 §4.2.2) as three lines; check digits are recomputed by fix().
struct Td1 {
    std::string line1;
    std::string line2;
    std::string line3;

    // Every check digit but the composite: document number, the Vietnamese check over the
    // personal ID number (cccd.md §2.1), birth and expiry dates.
    void fixFields() {
        line1[14] = digit(line1.substr(5, 9));
        line1[29] = digit(line1.substr(15, 14));
        line2[6] = digit(line2.substr(0, 6));
        line2[14] = digit(line2.substr(8, 6));
    }

    void fixComposite() {
        line2[29] = digit(line1.substr(5, 25) + line2.substr(0, 7) + line2.substr(8, 7) +
                          line2.substr(18, 11));
    }

    void fix() {
        fixFields();
        fixComposite();
    }

    [[nodiscard]] std::string text() const { return line1 + line2 + line3; }
};

// A TD3 MRZ (ICAO 9303-4 §4.2.2) as two lines.
struct Td3 {
    std::string line1;
    std::string line2;

    // An empty personal number keeps the check digit it has ('<' or '0', both legal).
    void fixFields() {
        line2[9] = digit(line2.substr(0, 9));
        line2[19] = digit(line2.substr(13, 6));
        line2[27] = digit(line2.substr(21, 6));
        std::string personal = line2.substr(28, 14);
        bool empty = personal == std::string(14, '<');
        if (!empty || (line2[42] != '<' && line2[42] != '0')) {
            line2[42] = digit(personal);
        }
    }

    void fixComposite() {
        line2[43] = digit(line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 22));
    }

    void fix() {
        fixFields();
        fixComposite();
    }

    [[nodiscard]] std::string text() const { return line1 + line2; }
};

// The card's own MRZ.
Td1 cardMrz(const ConformanceCard& card) {
    emulator::VietnameseMrz mrz = emulator::buildVietnameseMrz(card.persona);
    return {mrz.line1, mrz.line2, mrz.line3};
}

// A passport-shaped MRZ with the card's name, document number and dates.
Td3 passportMrz(const ConformanceCard& card) {
    Td1 td1 = cardMrz(card);
    std::string name = td1.line3.substr(0, td1.line3.find_last_not_of('<') + 1);
    Td3 out;
    out.line1 = "P<VNM" + name + std::string(39 - name.size(), '<');
    out.line2 =
        td1.line1.substr(5, 9) + "0VNM" + td1.line2.substr(0, 15) + std::string(14, '<') + "<0";
    out.fix();
    return out;
}

ConformanceCard withDg1(const std::string& mrzText) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(mrzText));
    return card;
}

// The reader's key is the MRZ key of this MRZ (a document whose printed MRZ is DG1's), and
// so is the chip's password.
Inspection inspectWithKeyOf(ConformanceCard& card, const std::string& mrzText) {
    reader::AccessKey key = reader::AccessKey::fromIdNumber(card.persona.personalIdNumber);
    key.mrz = mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrzText));
    card.profile().mrzInformation = SecureBytes(toBytes(key.mrz->mrzInformation()));
    return inspect(card.profile(), key);
}

// ✔ with DG1 parsed and no content issue.
void expectSuccessful(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_TRUE(inspection.document->dg1) << inspection.explain();
    EXPECT_TRUE(inspection.document->contentIssues.empty()) << inspection.explain();
}

// ✘ because DG1 breaks `check`, every file parsing and Passive Authentication valid. `reason`,
// when given, is part of the issue's reason.
void expectDg1Issue(const Inspection& inspection, ContentCheck check,
                    const std::string& reason = "") {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(inspection.document->parseIssues.empty()) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    const auto& issues = inspection.document->contentIssues;
    bool found = std::any_of(issues.begin(), issues.end(), [&](const reader::ContentIssue& i) {
        return i.file == "DG1" && i.check == check && i.reason.find(reason) != std::string::npos;
    });
    EXPECT_TRUE(found) << inspection.explain();
}

// ✘ because DG1 does not parse.
void expectDg1ParseIssue(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    const auto& issues = inspection.document->parseIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [](const reader::ParseIssue& i) {
        return i.file == "DG1";
    })) << inspection.explain();
}

// A TD1 MRZ of the card after `change`, check digits then recomputed.
template <typename Change> std::string changedTd1(const ConformanceCard& card, Change change) {
    Td1 mrz = cardMrz(card);
    change(mrz);
    mrz.fix();
    return mrz.text();
}

// The card with a TD1 DG1 changed by `change`, inspected.
template <typename Change> Inspection inspectChangedTd1(Change change) {
    ConformanceCard base = buildCard("vn-basic");
    ConformanceCard card = withDg1(changedTd1(base, change));
    return inspect(card);
}

// A check digit of the card's TD1 MRZ replaced by the next digit; the composite recomputed
// unless it is the one changed.
Inspection inspectWrongCheckDigit(std::string Td1::*line, std::size_t position) {
    ConformanceCard card = buildCard("vn-basic");
    Td1 mrz = cardMrz(card);
    char& printed = (mrz.*line)[position];
    printed = printed == '9' ? '0' : static_cast<char>(printed + 1);
    if (line != &Td1::line2 || position != 29) {
        mrz.fixComposite();
    }
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(mrz.text()));
    return inspect(card);
}

} // namespace

// LDS_B_01: the optional data filled, with their check digits: TD1 optional data 2 (line 2
// positions 19-29, under the composite check digit) and a TD3 personal number.
TEST(Dg1Conformance, LDS_B_01_OptionalDataFilled) {
    expectSuccessful(inspectChangedTd1([](Td1& m) { m.line2.replace(18, 11, "AB12345CD<<"); }));

    ConformanceCard card = buildCard("vn-basic");
    Td3 passport = passportMrz(card);
    passport.line2.replace(28, 14, "ZE184226B<<<<<");
    passport.fix();
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(passport.text()));
    expectSuccessful(inspect(card));
}

// LDS_B_02: a name longer than its field, cut at the field's end (ICAO 9303-3 §4.6): the
// secondary identifier loses its last letters.
TEST(Dg1Conformance, LDS_B_02_NameTruncated) {
    expectSuccessful(inspectChangedTd1([](Td1& m) { m.line3 = "NGUYEN<<VAN<AN<THANH<PHUONG<NG"; }));
}

// LDS_B_03: a primary identifier only, no given names.
TEST(Dg1Conformance, LDS_B_03_PrimaryIdentifierOnly) {
    expectSuccessful(inspectChangedTd1([](Td1& m) { m.line3 = "NGUYEN" + std::string(24, '<'); }));
}

// LDS_B_04: TD3 without a personal number, its check digit written 0 instead of '<' (both are
// legal, ICAO 9303-4 §4.2.2).
TEST(Dg1Conformance, LDS_B_04_EmptyOptionalDataCheckDigitZero) {
    ConformanceCard card = buildCard("vn-basic");
    Td3 passport = passportMrz(card);
    passport.line2[42] = '0';
    passport.fix();
    ASSERT_EQ(passport.line2[42], '0');
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(passport.text()));
    expectSuccessful(inspect(card));
}

// LDS_B_05: DG1 under tag 62 instead of 61.
TEST(Dg1Conformance, LDS_B_05_Dg1TagWrong) {
    ConformanceCard card = buildCard("vn-basic");
    Bytes dg1 = card.applicationFile(0x0101);
    dg1.at(0) = 0x62;
    card.replaceDataGroup(Dg1Number, dg1);
    Inspection inspection = inspect(card);
    expectDg1ParseIssue(inspection);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
}

// LDS_B_06: the length of tag 61 one too small: the reader reads one byte less than the file,
// whose MRZ is then cut short and whose hash no longer matches EF.SOD.
TEST(Dg1Conformance, LDS_B_06_Dg1LengthTooSmall) {
    ConformanceCard card = buildCard("vn-basic");
    Bytes dg1 = card.applicationFile(0x0101);
    ASSERT_EQ(dg1.at(1), 0x5D); // 61 5D 5F1F 5A <90 characters> (cccd.md §3.2)
    --dg1[1];
    card.replaceDataGroup(Dg1Number, dg1);
    Inspection inspection = inspect(card);
    expectDg1ParseIssue(inspection);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Invalid)
        << inspection.explain();
}

// LDS_B_07: the length of tag 61 one too big: the file ends before its header says, and the
// reader stops the read there.
TEST(Dg1Conformance, LDS_B_07_Dg1LengthTooBig) {
    ConformanceCard card = buildCard("vn-basic");
    Bytes dg1 = card.applicationFile(0x0101);
    ++dg1.at(1);
    card.replaceDataGroup(Dg1Number, dg1);
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

// LDS_B_08: a document code no ICAO 9303 document has (TD1: A, C or I first).
TEST(Dg1Conformance, LDS_B_08_UnknownDocumentType) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line1.replace(0, 2, "XD"); }),
                   ContentCheck::MrzField, "document code");
}

// LDS_B_09: an issuing state with a digit in it.
TEST(Dg1Conformance, LDS_B_09_IssuingStateSyntaxError) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line1.replace(2, 3, "V1M"); }),
                   ContentCheck::MrzField, "issuing state");
}

// LDS_B_10: the name field all fillers.
TEST(Dg1Conformance, LDS_B_10_NameEmpty) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line3 = std::string(30, '<'); }),
                   ContentCheck::MrzField, "name");
}

// LDS_B_11 (DG1's name differs from the printed MRZ) is not expressible: the reader takes the
// MRZ key (document number and dates), never the printed name (docs/conformance.md).

// LDS_B_12: DG1's document number is not the printed one. With PACE and the CAN the printed
// MRZ is the key the clerk gave; with BAC it is the key that opened the chip.
TEST(Dg1Conformance, LDS_B_12_DocumentNumberDiffersFromPrintedMrz) {
    auto otherNumber = [](Td1& m) {
        m.line1[13] = m.line1[13] == '9' ? '0' : static_cast<char>(m.line1[13] + 1);
    };
    expectDg1Issue(inspectChangedTd1(otherNumber), ContentCheck::MrzAccessKey, "document number");

    ConformanceCard bac = buildCard("vn-basic", [](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
    });
    bac.replaceDataGroup(Dg1Number, emulator::buildDg1(changedTd1(bac, otherNumber)));
    Inspection inspection = inspect(bac);
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.access.protocol, "BAC");
    expectDg1Issue(inspection, ContentCheck::MrzAccessKey, "document number");
}

// LDS_B_13: the document number's check digit wrong (the composite over it right).
TEST(Dg1Conformance, LDS_B_13_DocumentNumberCheckDigitWrong) {
    expectDg1Issue(inspectWrongCheckDigit(&Td1::line1, 14), ContentCheck::MrzCheckDigit,
                   "document number");
}

// LDS_B_14: a nationality with a digit in it.
TEST(Dg1Conformance, LDS_B_14_NationalitySyntaxError) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2.replace(15, 3, "VN1"); }),
                   ContentCheck::MrzField, "nationality");
}

// LDS_B_15: a date of birth with a letter in it.
TEST(Dg1Conformance, LDS_B_15_DateOfBirthSyntaxError) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2[2] = 'O'; }), ContentCheck::MrzField,
                   "date of birth");
}

// LDS_B_16: a date of birth in month 13.
TEST(Dg1Conformance, LDS_B_16_DateOfBirthImpossible) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2.replace(2, 2, "13"); }),
                   ContentCheck::MrzField, "date of birth");
}

// LDS_B_17: the date of birth's check digit wrong.
TEST(Dg1Conformance, LDS_B_17_DateOfBirthCheckDigitWrong) {
    expectDg1Issue(inspectWrongCheckDigit(&Td1::line2, 6), ContentCheck::MrzCheckDigit,
                   "date of birth");
}

// LDS_B_18: sex neither F, M, X nor '<'.
TEST(Dg1Conformance, LDS_B_18_SexInvalid) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2[7] = 'Z'; }), ContentCheck::MrzField,
                   "sex");
}

// LDS_B_19: a date of expiry with a filler in it.
TEST(Dg1Conformance, LDS_B_19_DateOfExpirySyntaxError) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2[11] = '<'; }), ContentCheck::MrzField,
                   "date of expiry");
}

// LDS_B_20: a date of expiry in month 13.
TEST(Dg1Conformance, LDS_B_20_DateOfExpiryImpossible) {
    expectDg1Issue(inspectChangedTd1([](Td1& m) { m.line2.replace(10, 2, "13"); }),
                   ContentCheck::MrzField, "date of expiry");
}

// LDS_B_21: the date of expiry's check digit wrong.
TEST(Dg1Conformance, LDS_B_21_DateOfExpiryCheckDigitWrong) {
    expectDg1Issue(inspectWrongCheckDigit(&Td1::line2, 14), ContentCheck::MrzCheckDigit,
                   "date of expiry");
}

// LDS_B_22: the optional data's check digit wrong: the Vietnamese check over the personal ID
// number (TD1 line 1 position 30), and a TD3 personal number's.
TEST(Dg1Conformance, LDS_B_22_OptionalDataCheckDigitWrong) {
    expectDg1Issue(inspectWrongCheckDigit(&Td1::line1, 29), ContentCheck::MrzCheckDigit,
                   "personal ID number");

    ConformanceCard card = buildCard("vn-basic");
    Td3 passport = passportMrz(card);
    passport.line2.replace(28, 14, "ZE184226B<<<<<");
    passport.fixFields();
    passport.line2[42] =
        passport.line2[42] == '9' ? '0' : static_cast<char>(passport.line2[42] + 1);
    passport.fixComposite();
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(passport.text()));
    expectDg1Issue(inspect(card), ContentCheck::MrzCheckDigit, "optional data");
}

// LDS_B_23: the composite check digit wrong.
TEST(Dg1Conformance, LDS_B_23_CompositeCheckDigitWrong) {
    expectDg1Issue(inspectWrongCheckDigit(&Td1::line2, 29), ContentCheck::MrzCheckDigit,
                   "composite");
}

// LDS_B_24: DG1 without the MRZ data object 5F1F.
TEST(Dg1Conformance, LDS_B_24_MrzDataObjectMissing) {
    ConformanceCard card = buildCard("vn-basic");
    card.replaceDataGroup(Dg1Number, tlv::encode(0x61, Bytes{}));
    expectDg1ParseIssue(inspect(card));
}

// LDS_B_25 .. LDS_B_28: a date of birth with unknown parts, filled with '<' (ICAO 9303-3): the
// day, the month, the year, all of it. The printed MRZ, and so the MRZ key, say the same.
TEST(Dg1Conformance, LDS_B_25_DateOfBirthDayUnknown) {
    ConformanceCard card = buildCard("vn-basic");
    std::string text = changedTd1(card, [](Td1& m) { m.line2.replace(4, 2, "<<"); });
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(text));
    expectSuccessful(inspectWithKeyOf(card, text));
}

TEST(Dg1Conformance, LDS_B_26_DateOfBirthMonthUnknown) {
    ConformanceCard card = buildCard("vn-basic");
    std::string text = changedTd1(card, [](Td1& m) { m.line2.replace(2, 2, "<<"); });
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(text));
    expectSuccessful(inspectWithKeyOf(card, text));
}

TEST(Dg1Conformance, LDS_B_27_DateOfBirthYearUnknown) {
    ConformanceCard card = buildCard("vn-basic");
    std::string text = changedTd1(card, [](Td1& m) { m.line2.replace(0, 2, "<<"); });
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(text));
    expectSuccessful(inspectWithKeyOf(card, text));
}

TEST(Dg1Conformance, LDS_B_28_DateOfBirthUnknown) {
    ConformanceCard card = buildCard("vn-basic");
    std::string text = changedTd1(card, [](Td1& m) { m.line2.replace(0, 6, "<<<<<<"); });
    card.replaceDataGroup(Dg1Number, emulator::buildDg1(text));
    Inspection inspection = inspectWithKeyOf(card, text);
    expectSuccessful(inspection);
    ASSERT_TRUE(inspection.document && inspection.document->dg1);
    EXPECT_FALSE(inspection.document->dg1->mrz.birthDate.iso) << "no calendar date to show";
}

// The MRZ key that opened the chip with BAC (the printed MRZ) and DG1 agree only when DG1 is
// the printed MRZ: the positive control of LDS_B_12.
TEST(Dg1Conformance, Dg1MatchingTheBacKeyIsSuccessful) {
    ConformanceCard bac = buildCard("vn-basic", [](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
    });
    Inspection inspection = inspect(bac);
    expectSuccessful(inspection);
    EXPECT_EQ(inspection.document->readout.access.protocol, "BAC");
}
