#include "mrz/CheckDigit.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "support/TestData.h"

using namespace cccd;

namespace {

// Evaluates the vector file's "composite_input" notation, e.g.
// "upper[5:30]+middle[0:7]", over the named lines.
std::string slices(const std::string& expression, const std::map<std::string, std::string>& lines) {
    std::string out;
    std::size_t pos = 0;
    while (pos < expression.size()) {
        std::size_t open = expression.find('[', pos);
        std::size_t colon = expression.find(':', open);
        std::size_t close = expression.find(']', colon);
        std::string name = expression.substr(pos, open - pos);
        std::size_t from = std::stoul(expression.substr(open + 1, colon - open - 1));
        std::size_t to = std::stoul(expression.substr(colon + 1, close - colon - 1));
        out += lines.at(name).substr(from, to - from);
        pos = close + 2; // skip "]+"
    }
    return out;
}

} // namespace

TEST(CheckDigitTest, MatchesEveryIcaoExample) {
    auto cases = test::vectors("icao-bac.json")["check_digit_examples"]["cases"];
    ASSERT_FALSE(cases.empty());
    for (const auto& c : cases) {
        std::string data = c["data"];
        EXPECT_EQ(mrz::checkDigit(data), c["check_digit"].get<std::string>()[0]) << c["note"];
    }
}

TEST(CheckDigitTest, MatchesPart3AppendixAFullLineComposites) {
    auto examples = test::vectors(
        "icao-bac.json")["check_digit_examples"]["appendix_A_part3_full_line_examples"];
    ASSERT_EQ(examples.size(), 3u);
    for (const auto& e : examples) {
        std::map<std::string, std::string> lines;
        if (e.contains("mrz_line")) {
            lines["line"] = e["mrz_line"];
        } else {
            lines["upper"] = e["mrz_lines"][0];
            lines["middle"] = e["mrz_lines"][1];
        }
        std::string input = slices(e["composite_input"], lines);
        EXPECT_EQ(mrz::checkDigit(input), e["check_digit"].get<std::string>()[0]) << e["note"];
    }
}

TEST(CheckDigitTest, RejectsCharactersOutsideTheMrzSet) {
    EXPECT_FALSE(mrz::checkDigit("AB-12").has_value());
    EXPECT_FALSE(mrz::checkDigit("ab12").has_value());
    EXPECT_EQ(mrz::checkDigit(""), '0');
}
