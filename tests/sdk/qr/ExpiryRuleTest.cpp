// The expiry rule of cccd.md §2.5: the worked cases, a table of generated boundary cases
// checked against the age bands of the same section, 29 February, both laws, no expiry.
#include "qr/ExpiryRule.h"

#include <regex>

#include <gtest/gtest.h>

#include "QrSpec.h"

using namespace cccd;
using namespace cccd::qr;
using namespace std::chrono;

namespace {

year_month_day dmy(const std::string& ddmmyyyy) {
    return year_month_day{year(std::stoi(ddmmyyyy.substr(6, 4))),
                          month(static_cast<unsigned>(std::stoi(ddmmyyyy.substr(3, 2)))),
                          day(static_cast<unsigned>(std::stoi(ddmmyyyy.substr(0, 2))))};
}

std::string expirySection() {
    return test::spec::section(test::spec::markdown("cccd.md"), "### 2.5 Expiry rule (exact)");
}

struct WorkedCase {
    year_month_day birth;
    year_month_day issue;
    std::optional<year_month_day> expiry;
};

// Rows "| 14/05/1990 | 10/03/2021 | 30 | 14/05/2030 |" of the worked-case table.
std::vector<WorkedCase> workedCases() {
    std::vector<WorkedCase> out;
    std::regex row(R"(\| (\d\d/\d\d/\d{4}) \| (\d\d/\d\d/\d{4}) \| [^|]+\| ([^|]+)\|)");
    std::string text = expirySection();
    for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it) {
        std::string expiry = (*it)[3];
        std::optional<year_month_day> date;
        if (expiry.find("none") == std::string::npos) {
            date = dmy(expiry.substr(0, 10));
        }
        out.push_back({dmy((*it)[1]), dmy((*it)[2]), date});
    }
    return out;
}

// The bands of the 2023 law: "| 12 ≤ age < 14 | 25th birthday |", "| **≥ 58** | **no expiry** |".
struct Band {
    int from = 0; ///< inclusive
    int to = 200; ///< exclusive
    std::optional<int> expiresAt;
};

std::vector<Band> bands() {
    std::vector<Band> out;
    std::regex row(R"(\| \**(?:(\d+) ≤ age < (\d+)|< (\d+)|≥ (\d+))\** )"
                   R"(\| \**(?:(\d+)th birthday|no expiry)[^|]*\|)");
    std::string text = expirySection();
    for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it) {
        const std::smatch& m = *it;
        Band b;
        if (m[1].matched) {
            b.from = std::stoi(m[1]);
            b.to = std::stoi(m[2]);
        } else if (m[3].matched) {
            b.to = std::stoi(m[3]);
        } else {
            b.from = std::stoi(m[4]);
        }
        if (m[5].matched) {
            b.expiresAt = std::stoi(m[5]);
        }
        out.push_back(b);
    }
    return out;
}

int exactAge(year_month_day birth, year_month_day on) {
    int age = int(on.year()) - int(birth.year());
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) {
        --age;
    }
    return age;
}

// The oracle: the press's band table, applied to the exact age.
std::optional<year_month_day> byBands(year_month_day birth, year_month_day issue) {
    int age = exactAge(birth, issue);
    for (const Band& b : bands()) {
        if (age >= b.from && age < b.to) {
            if (!b.expiresAt) {
                return std::nullopt;
            }
            return year_month_day{birth.year() + years(*b.expiresAt), birth.month(), birth.day()};
        }
    }
    throw std::runtime_error("no band");
}

std::optional<year_month_day> ruleOf(year_month_day birth, year_month_day issue) {
    return expiryDate(birth, issue, lawAt(issue), AgeCounting::ExactDate,
                      LeapDayAnniversary::February28);
}

} // namespace

TEST(ExpiryRuleTest, WorkedCasesOfTheSpec) {
    std::vector<WorkedCase> cases = workedCases();
    ASSERT_EQ(cases.size(), 5u);
    for (const WorkedCase& c : cases) {
        EXPECT_EQ(ruleOf(c.birth, c.issue), c.expiry) << int(c.birth.year());
        std::vector<ExpiryCandidate> candidates = expiryCandidates(c.birth, c.issue);
        ASSERT_FALSE(candidates.empty());
        EXPECT_EQ(candidates.front().date, c.expiry);
    }
}

TEST(ExpiryRuleTest, BandTableIsComplete) {
    std::vector<Band> table = bands();
    ASSERT_EQ(table.size(), 8u);
    EXPECT_EQ(table.front().to, 12);
    EXPECT_FALSE(table.back().expiresAt);
}

// Around every band edge (the day before, the day of, the day after the birthday), for
// birthdays in each month, under the 2023 law (issued in 2026) and the 2014 law (issued in
// 2020), whose bands are the same from 12 on (cccd.md §2.5).
TEST(ExpiryRuleTest, GeneratedBoundaryCasesFollowTheBands) {
    int checked = 0;
    for (int issueYear : {2026, 2020}) {
        for (int edge : {12, 14, 23, 25, 38, 40, 58}) {
            for (unsigned m = 1; m <= 12; ++m) {
                year_month_day birth{year(issueYear - edge), month(m), day(m == 2 ? 28 : 15)};
                year_month_day birthday{year(issueYear), birth.month(), birth.day()};
                for (int offset : {-1, 0, 1}) {
                    year_month_day issue{sys_days(birthday) + days(offset)};
                    if (lawAt(issue) == IdentityLaw::CitizenIdentity2014 &&
                        exactAge(birth, issue) < 12) {
                        continue; // no 14 milestone in 2014: see LawsDifferOnly...
                    }
                    EXPECT_EQ(ruleOf(birth, issue), byBands(birth, issue))
                        << "edge " << edge << " month " << m << " offset " << offset << " issued "
                        << issueYear;
                    ++checked;
                }
            }
        }
    }
    EXPECT_EQ(checked, 2 * 7 * 12 * 3 - 12);
}

TEST(ExpiryRuleTest, LawsDifferOnlyForChildrenUnderTwelve) {
    year_month_day birth{year(2015), October, day(10)};
    year_month_day issue{year(2023), September, day(1)}; // before 26/2023 took effect
    EXPECT_EQ(lawAt(issue), IdentityLaw::CitizenIdentity2014);
    EXPECT_EQ(expiryDate(birth, issue, IdentityLaw::CitizenIdentity2014, AgeCounting::ExactDate,
                         LeapDayAnniversary::February28),
              year_month_day(year(2040), October, day(10)));
    EXPECT_EQ(expiryDate(birth, issue, IdentityLaw::Identification2023, AgeCounting::ExactDate,
                         LeapDayAnniversary::February28),
              year_month_day(year(2029), October, day(10)));
    EXPECT_EQ(lawAt(year_month_day{year(2024), June, day(30)}), IdentityLaw::CitizenIdentity2014);
    EXPECT_EQ(lawAt(year_month_day{year(2024), July, day(1)}), IdentityLaw::Identification2023);
}

TEST(ExpiryRuleTest, CalendarYearAgeDiffersNearTheBoundary) {
    // Born late in 1967, issued early in 2025: 57 by date, 58 by year (the press's reading).
    year_month_day birth{year(1967), November, day(20)};
    year_month_day issue{year(2025), February, day(3)};
    EXPECT_EQ(expiryDate(birth, issue, IdentityLaw::Identification2023, AgeCounting::ExactDate,
                         LeapDayAnniversary::February28),
              year_month_day(year(2027), November, day(20)));
    EXPECT_EQ(expiryDate(birth, issue, IdentityLaw::Identification2023, AgeCounting::CalendarYear,
                         LeapDayAnniversary::February28),
              std::nullopt);
    std::vector<ExpiryCandidate> c = expiryCandidates(birth, issue);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].mrzDate, "271120");
    EXPECT_EQ(c[1].mrzDate, "991231");
    EXPECT_EQ(c[2].mrzDate, "<<<<<<");
}

TEST(ExpiryRuleTest, LeapDayBirthGivesBothAnniversaries) {
    year_month_day birth{year(1996), February, day(29)};
    year_month_day issue{year(2021), June, day(1)}; // 25: next milestone 40 -> 2036 is leap
    EXPECT_EQ(expiryCandidates(birth, issue).front().mrzDate, "360229");

    year_month_day young{year(2004), February, day(29)};
    year_month_day issued{year(2021), June, day(1)}; // 17: milestone 25 -> 2029, a common year
    std::vector<ExpiryCandidate> c = expiryCandidates(young, issued);
    ASSERT_GE(c.size(), 2u);
    EXPECT_EQ(c[0].mrzDate, "290228");
    EXPECT_EQ(c[1].mrzDate, "290301");
    EXPECT_EQ(c[1].basis, "leap_day_march_1");
}

TEST(ExpiryRuleTest, NoExpiryFrom58WithBothEncodings) {
    year_month_day birth{year(1965), March, day(2)};
    year_month_day issue{year(2023), July, day(15)};
    std::vector<ExpiryCandidate> c = expiryCandidates(birth, issue);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].mrzDate, "991231");
    EXPECT_EQ(c[1].mrzDate, "<<<<<<");
    EXPECT_FALSE(c[0].date);
}

TEST(ExpiryRuleTest, CandidatesAreDistinct) {
    for (int y = 1940; y <= 2020; y += 3) {
        year_month_day birth{year(y), January, day(31)};
        for (int iy = 2016; iy <= 2026; ++iy) {
            year_month_day issue{year(iy), May, day(5)};
            if (issue < birth) {
                continue;
            }
            std::vector<ExpiryCandidate> c = expiryCandidates(birth, issue);
            for (std::size_t i = 0; i < c.size(); ++i) {
                for (std::size_t j = i + 1; j < c.size(); ++j) {
                    EXPECT_NE(c[i].mrzDate, c[j].mrzDate);
                }
            }
        }
    }
}
