#include "mrz/Mrz.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "mrz/MrzKey.h"
#include "sdk/mrz/MrzSamples.h"

using namespace cccd;
using mrz::MrzCheckField;
using test::cccdMrz;
using test::mrzOfDg1;

namespace {

constexpr std::chrono::year_month_day Today{std::chrono::year{2026}, std::chrono::month{6},
                                            std::chrono::day{1}};

void expectAllValid(const mrz::Mrz& m, std::size_t count) {
    EXPECT_EQ(m.checks.size(), count);
    for (const auto& c : m.checks) {
        EXPECT_TRUE(c.valid()) << "check " << static_cast<int>(c.field);
    }
    EXPECT_TRUE(m.allChecksValid());
}

} // namespace

TEST(MrzTest, ParsesTheVietnameseCardWithFiveCheckDigits) {
    auto m = mrz::Mrz::parse(cccdMrz(), Today);
    EXPECT_EQ(m.format, mrz::MrzFormat::Td1);
    EXPECT_EQ(m.documentCode, "ID");
    EXPECT_EQ(m.issuingState, "VNM");
    EXPECT_EQ(m.documentNumber, "090012345");
    EXPECT_EQ(m.personalIdNumber, "001090012345");
    EXPECT_EQ(m.optionalData1, "001090012345<<1");
    EXPECT_EQ(m.birthDate.iso, "1990-05-14");
    EXPECT_EQ(m.sex, mrz::Sex::Male);
    EXPECT_EQ(m.expiryDate.iso, "2030-05-14");
    EXPECT_EQ(m.nationality, "VNM");
    EXPECT_EQ(m.primaryIdentifier, "NGUYEN");
    EXPECT_EQ(m.secondaryIdentifier, "VAN AN");

    expectAllValid(m, 5);
    std::vector<MrzCheckField> order;
    for (const auto& c : m.checks) {
        order.push_back(c.field);
    }
    EXPECT_EQ(order,
              (std::vector<MrzCheckField>{MrzCheckField::DocumentNumber,
                                          MrzCheckField::PersonalIdNumber, MrzCheckField::BirthDate,
                                          MrzCheckField::ExpiryDate, MrzCheckField::Composite}));

    // The BAC "MRZ information" of the same holder, cccd.md §1.3.
    auto expected =
        test::spec::tableRowCode(test::spec::markdown("cccd.md"), "MRZ information (BAC)");
    EXPECT_EQ(mrz::MrzKey::fromMrz(m).mrzInformation(), expected.back());
}

TEST(MrzTest, ReportsEachCorruptedCheckDigitWithoutThrowing) {
    const std::string good = cccdMrz();

    struct Case {
        std::size_t position; // 0-based in the 90 characters
        MrzCheckField field;
    };

    for (Case c : {Case{14, MrzCheckField::DocumentNumber},
                   Case{29, MrzCheckField::PersonalIdNumber}, Case{36, MrzCheckField::BirthDate},
                   Case{44, MrzCheckField::ExpiryDate}, Case{59, MrzCheckField::Composite}}) {
        std::string bad = good;
        bad[c.position] = bad[c.position] == '9' ? '0' : static_cast<char>(bad[c.position] + 1);
        auto m = mrz::Mrz::parse(bad, Today);
        EXPECT_FALSE(m.check(c.field)->valid()) << c.position;
        EXPECT_FALSE(m.allChecksValid());
        int failed = 0;
        for (const auto& check : m.checks) {
            failed += check.valid() ? 0 : 1;
        }
        // A check digit is itself covered by the composite, so at most two checks fail.
        EXPECT_LE(failed, 2) << c.position;
    }
}

TEST(MrzTest, MrzInformationExamplesOfIcao9303) {
    auto examples = test::vectors("icao-bac.json")["mrz_information_examples"];
    ASSERT_EQ(examples.size(), 3u);
    for (const auto& e : examples) {
        std::string text;
        for (const auto& line : e["mrz_lines"]) {
            text += line.get<std::string>();
        }
        auto m = mrz::Mrz::parse(text, Today);
        EXPECT_TRUE(m.allChecksValid()) << e["name"];
        EXPECT_EQ(mrz::MrzKey::fromMrz(m).mrzInformation(), e["mrz_information"]) << e["name"];
        if (e.contains("document_number")) {
            EXPECT_EQ(m.documentNumber, e["document_number"]);
            EXPECT_EQ(m.documentNumberCheckDigit,
                      e["document_number_check_digit"].get<std::string>()[0]);
            EXPECT_EQ(m.birthDate.raw, e["date_of_birth"]);
            EXPECT_EQ(m.expiryDate.raw, e["date_of_expiry"]);
            EXPECT_EQ(m.check(MrzCheckField::Composite)->printed,
                      e["composite_check_digit"].get<std::string>()[0]);
        }
    }
}

// Field case BL-01: TD1 document numbers of 10 and 12 characters, and the trap where the
// filler at position 15 would pass as check digit 0.
TEST(MrzTest, LongTd1DocumentNumbersFromFieldCases) {
    auto section = test::spec::section(test::spec::markdown("field-cases.md"),
                                       "### BL-01: TD1 document number longer than 9 characters");
    std::vector<std::string> mrzLines;
    for (std::string line : test::spec::lines(test::spec::codeBlocks(section).at(0))) {
        line.erase(0, line.find_first_not_of(' ')); // the block is indented under a list item
        if (line.size() == 30 && line.find(' ') == std::string::npos) {
            mrzLines.push_back(line);
        }
    }
    ASSERT_EQ(mrzLines.size(), 8u); // 3 + 3 + 2: the Belgian-style case has no name line
    mrzLines.push_back(mrzLines[2]);
    const std::string expected[] = {"D231458907", "D231458937", "000123456101"};
    const char checkDigits[] = {'6', '9', '3'};
    for (int i = 0; i < 3; ++i) {
        auto m = mrz::Mrz::parse(mrzLines[static_cast<std::size_t>(i * 3)] +
                                     mrzLines[static_cast<std::size_t>(i * 3 + 1)] +
                                     mrzLines[static_cast<std::size_t>(i * 3 + 2)],
                                 Today);
        EXPECT_EQ(m.documentNumber, expected[i]);
        EXPECT_EQ(m.documentNumberCheckDigit, checkDigits[i]);
        EXPECT_TRUE(m.allChecksValid()) << expected[i];
        EXPECT_EQ(mrz::MrzKey::fromMrz(m).documentNumber(), expected[i]);
    }
}

TEST(MrzTest, Td1WorkedExampleOfPart10) {
    auto m = mrz::Mrz::parse(mrzOfDg1("icao-lds-worked-examples/DG1_TD1_part10_A.bin"), Today);
    EXPECT_EQ(m.format, mrz::MrzFormat::Td1);
    EXPECT_EQ(m.documentCode, "I");
    EXPECT_EQ(m.issuingState, "NLD");
    EXPECT_EQ(m.documentNumber, "XI85935F8");
    EXPECT_EQ(m.documentNumberCheckDigit, '6');
    EXPECT_EQ(m.optionalData1, "999999990<<<<<<");
    EXPECT_EQ(m.birthDate.raw, "720814");
    EXPECT_EQ(m.sexCode, 'F');
    EXPECT_EQ(m.expiryDate.raw, "110826");
    EXPECT_EQ(m.nationality, "NLD");
    EXPECT_EQ(m.check(MrzCheckField::Composite)->printed, '8');
    EXPECT_EQ(m.primaryIdentifier, "VAN DER STEEN");
    EXPECT_EQ(m.secondaryIdentifier, "MARIANNE LOUISE");
    EXPECT_FALSE(m.personalIdNumber); // not a Vietnamese card
    expectAllValid(m, 4);
    EXPECT_EQ(mrz::MrzKey::fromMrz(m).mrzInformation(), "XI85935F8672081481108268");
}

TEST(MrzTest, Td2WorkedExampleWithTwelveCharacterNumber) {
    auto m = mrz::Mrz::parse(mrzOfDg1("icao-lds-worked-examples/DG1_TD2_part10_A.bin"), Today);
    EXPECT_EQ(m.format, mrz::MrzFormat::Td2);
    EXPECT_EQ(m.issuingState, "ATA");
    EXPECT_EQ(m.documentNumber, "123456789012");
    EXPECT_EQ(m.birthDate.raw, "740622");
    EXPECT_EQ(m.sex, mrz::Sex::Male);
    EXPECT_EQ(m.expiryDate.raw, "101231");
    EXPECT_EQ(m.check(MrzCheckField::Composite)->printed, '0');
    EXPECT_EQ(m.primaryIdentifier, "SMITH");
    EXPECT_EQ(m.secondaryIdentifier, "JOHN T");
    expectAllValid(m, 4);
}

TEST(MrzTest, Td3WorkedExampleOfPart4) {
    auto m = mrz::Mrz::parse(mrzOfDg1("icao-lds-worked-examples/DG1_TD3_part4_B.bin"), Today);
    EXPECT_EQ(m.format, mrz::MrzFormat::Td3);
    EXPECT_EQ(m.documentCode, "P");
    EXPECT_EQ(m.documentNumber, "L898902C3");
    EXPECT_EQ(m.documentNumberCheckDigit, '6');
    EXPECT_EQ(m.birthDate.iso, "1974-08-12");
    EXPECT_EQ(m.sex, mrz::Sex::Female);
    EXPECT_EQ(m.expiryDate.iso, "2012-04-15");
    EXPECT_EQ(m.optionalData1, "ZE184226B<<<<<");
    EXPECT_EQ(m.check(MrzCheckField::Composite)->printed, '0');
    EXPECT_EQ(m.primaryIdentifier, "ERIKSSON");
    EXPECT_EQ(m.secondaryIdentifier, "ANNA MARIA");
    expectAllValid(m, 5);
}

TEST(MrzTest, Td3OfTheBsiSpecimen) {
    auto m = mrz::Mrz::parse(mrzOfDg1("bsi-tr03105-5-reference-dataset/Datagroup1.bin"), Today);
    EXPECT_EQ(m.issuingState, "D");
    EXPECT_EQ(m.nationality, "D");
    EXPECT_EQ(m.documentNumber, "C11T002JM");
    EXPECT_EQ(m.birthDate.raw, "960812");
    EXPECT_EQ(m.expiryDate.raw, "231031");
    EXPECT_EQ(m.primaryIdentifier, "MUSTERMANN");
    EXPECT_EQ(m.secondaryIdentifier, "ERIKA");
    // The personal number is all fillers and its check digit is '<' (ICAO 9303-4 §4.2.2).
    EXPECT_TRUE(m.check(MrzCheckField::OptionalData)->valid());
    expectAllValid(m, 5);
    EXPECT_EQ(mrz::MrzKey::fromMrz(m).mrzInformation(), "C11T002JM496081222310314");
}

TEST(MrzTest, AcceptsLineBreaks) {
    std::string text = cccdMrz();
    std::string withBreaks =
        text.substr(0, 30) + "\n" + text.substr(30, 30) + "\r\n" + text.substr(60) + "\n";
    EXPECT_EQ(mrz::Mrz::parse(withBreaks, Today).text, text);
}

TEST(MrzTest, MalformedInputThrowsWithoutPersonalData) {
    std::string text = cccdMrz();
    for (const std::string& bad : {text.substr(0, 89), text + "<", std::string(),
                                   text.substr(0, 60) + "nguyen<<van<an<<<<<<<<<<<<<<<<"}) {
        try {
            (void)mrz::Mrz::parse(bad, Today);
            ADD_FAILURE() << "no error for input of length " << bad.size();
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
            EXPECT_EQ(std::string(e.what()).find("090012345"), std::string::npos);
            EXPECT_EQ(std::string(e.what()).find("nguyen"), std::string::npos);
        }
    }
}
