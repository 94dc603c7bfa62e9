#include "mrz/MrzRules.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mrz/Mrz.h"
#include "sdk/mrz/MrzSamples.h"

using namespace cccd;
using test::cccdMrz;
using test::mrzOfDg1;

namespace {

constexpr std::chrono::year_month_day Today{std::chrono::year{2026}, std::chrono::month{6},
                                            std::chrono::day{1}};

std::vector<std::string> problemsOf(const std::string& text) {
    return mrz::fieldProblems(mrz::Mrz::parse(text, Today));
}

// The single problem of `text`, which must name `field`.
void expectOneProblem(const std::string& text, const std::string& field) {
    std::vector<std::string> problems = problemsOf(text);
    ASSERT_EQ(problems.size(), 1u) << text;
    EXPECT_NE(problems[0].find(field), std::string::npos) << problems[0];
}

} // namespace

// The Vietnamese card, the ICAO 9303 specimens of every layout and the BSI TR-03105-5 reference
// document ("D<<" as state and nationality) break no rule.
TEST(MrzRulesTest, SpecimensOfEveryLayoutHaveNoProblems) {
    std::vector<std::string> specimens{cccdMrz(),
                                       mrzOfDg1("icao-lds-worked-examples/DG1_TD1_part10_A.bin"),
                                       mrzOfDg1("icao-lds-worked-examples/DG1_TD2_part10_A.bin"),
                                       mrzOfDg1("icao-lds-worked-examples/DG1_TD3_part4_B.bin"),
                                       mrzOfDg1("bsi-tr03105-5-reference-dataset/Datagroup1.bin")};
    const nlohmann::json bac = test::vectors("icao-bac.json"); // outlives the loop below
    for (const auto& e : bac["mrz_information_examples"]) {
        std::string text;
        for (const auto& line : e["mrz_lines"]) {
            text += line.get<std::string>();
        }
        specimens.push_back(text);
    }
    for (const std::string& text : specimens) {
        EXPECT_TRUE(problemsOf(text).empty()) << text;
    }
}

// One broken field at a time in the Vietnamese TD1 (0-based positions in its 90 characters).
TEST(MrzRulesTest, EachFieldRuleOfTd1) {
    const std::string good = cccdMrz();

    struct Case {
        std::size_t position;
        std::string replacement;
        std::string field;
    };

    for (const Case& c : {Case{0, "XD", "document code"}, Case{1, "1", "document code"},
                          Case{2, "V1M", "issuing state"}, Case{2, "<NM", "issuing state"},
                          Case{45, "VN1", "nationality"}, Case{60, std::string(30, '<'), "name"},
                          Case{66, "1", "name"}, Case{32, "O", "date of birth"},
                          Case{32, "13", "date of birth"}, Case{34, "00", "date of birth"},
                          Case{30, "9<", "date of birth"}, Case{41, "<", "date of expiry"},
                          Case{40, "0230", "date of expiry"}, Case{37, "Z", "sex"}}) {
        std::string bad = good;
        bad.replace(c.position, c.replacement.size(), c.replacement);
        SCOPED_TRACE(bad);
        expectOneProblem(bad, c.field);
    }
}

// ICAO 9303-3: unknown parts of the birth date are "<<"; a card without expiry may print
// "<<<<<<" (cccd.md §2.5); X is an unspecified sex.
TEST(MrzRulesTest, UnknownDatePartsAndUnspecifiedSexAreAllowed) {
    const std::string good = cccdMrz();
    for (const auto& [position, replacement] : {std::pair<std::size_t, std::string>{34, "<<"},
                                                {32, "<<"},
                                                {30, "<<"},
                                                {30, "<<<<<<"},
                                                {38, "<<<<<<"},
                                                {37, "X"},
                                                {37, "<"},
                                                {37, "F"}}) {
        std::string text = good;
        text.replace(position, replacement.size(), replacement);
        EXPECT_TRUE(problemsOf(text).empty()) << text;
    }
    // 29 February exists in 2000 (and not in 2001).
    std::string leap = good;
    leap.replace(30, 6, "000229");
    EXPECT_TRUE(problemsOf(leap).empty());
    leap.replace(30, 6, "010229");
    expectOneProblem(leap, "date of birth");
}

// A passport code on an ID card's layout, and an ID card's code on a passport's.
TEST(MrzRulesTest, DocumentCodeMustFitTheLayout) {
    std::string td1 = cccdMrz();
    td1[0] = 'P';
    expectOneProblem(td1, "document code");
    std::string td3 = mrzOfDg1("icao-lds-worked-examples/DG1_TD3_part4_B.bin");
    td3[0] = 'I';
    expectOneProblem(td3, "document code");
}

TEST(MrzRulesTest, DefaultMrzOfNoLayoutIsOneProblem) {
    EXPECT_EQ(mrz::fieldProblems(mrz::Mrz{}).size(), 1u);
}
