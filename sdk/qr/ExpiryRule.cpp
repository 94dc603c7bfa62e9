#include "qr/ExpiryRule.h"

#include <algorithm>
#include <array>
#include <span>

namespace cccd::qr {

namespace {

using namespace std::chrono;

// Law 26/2023 Art. 46: in force from 1 July 2024.
constexpr year_month_day Identification2023InForce{year(2024), July, day(1)};

// Renewal ages: Law on Citizen Identity 2014 Art. 21, Law on Identification 26/2023 Art. 21.
constexpr std::array<int, 3> Milestones2014{25, 40, 60};
constexpr std::array<int, 4> Milestones2023{14, 25, 40, 60};

// A card issued within this many years before a milestone lasts to the next one (both laws).
constexpr int GraceYears = 2;

year_month_day anniversary(year_month_day birth, int age, LeapDayAnniversary leapDay) {
    year_month_day date{birth.year() + years(age), birth.month(), birth.day()};
    if (date.ok()) {
        return date;
    }
    // 29 February in a common year.
    return leapDay == LeapDayAnniversary::February28
               ? year_month_day{date.year(), February, day(28)}
               : year_month_day{date.year(), March, day(1)};
}

bool issuedBefore(year_month_day birth, year_month_day issue, int age, AgeCounting counting,
                  LeapDayAnniversary leapDay) {
    if (counting == AgeCounting::CalendarYear) {
        return int(issue.year()) - int(birth.year()) < age;
    }
    return issue < anniversary(birth, age, leapDay);
}

} // namespace

std::string toMrzDate(year_month_day date) {
    auto two = [](unsigned n) {
        return std::string{static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
    };
    return two(static_cast<unsigned>(int(date.year()) % 100)) + two(unsigned(date.month())) +
           two(unsigned(date.day()));
}

IdentityLaw lawAt(year_month_day issueDate) {
    return issueDate < Identification2023InForce ? IdentityLaw::CitizenIdentity2014
                                                 : IdentityLaw::Identification2023;
}

std::optional<year_month_day> expiryDate(year_month_day birth, year_month_day issue,
                                         IdentityLaw law, AgeCounting counting,
                                         LeapDayAnniversary leapDay) {
    std::span<const int> milestones = law == IdentityLaw::CitizenIdentity2014
                                          ? std::span<const int>(Milestones2014)
                                          : std::span<const int>(Milestones2023);
    for (int milestone : milestones) {
        if (issuedBefore(birth, issue, milestone - GraceYears, counting, leapDay)) {
            return anniversary(birth, milestone, leapDay);
        }
    }
    return std::nullopt;
}

std::vector<ExpiryCandidate> expiryCandidates(year_month_day birth, year_month_day issue) {
    struct Reading {
        IdentityLaw law;
        AgeCounting counting;
        LeapDayAnniversary leapDay;
        const char* basis;
    };

    IdentityLaw primary = lawAt(issue);
    IdentityLaw other = primary == IdentityLaw::CitizenIdentity2014
                            ? IdentityLaw::Identification2023
                            : IdentityLaw::CitizenIdentity2014;
    const std::array<Reading, 6> readings{{
        {primary, AgeCounting::ExactDate, LeapDayAnniversary::February28, "rule"},
        {primary, AgeCounting::ExactDate, LeapDayAnniversary::March1, "leap_day_march_1"},
        {primary, AgeCounting::CalendarYear, LeapDayAnniversary::February28, "calendar_year_age"},
        {primary, AgeCounting::CalendarYear, LeapDayAnniversary::March1, "calendar_year_age"},
        {other, AgeCounting::ExactDate, LeapDayAnniversary::February28, "other_law"},
        {other, AgeCounting::CalendarYear, LeapDayAnniversary::February28, "other_law"},
    }};

    std::vector<ExpiryCandidate> out;
    auto add = [&out](ExpiryCandidate candidate) {
        bool known = std::any_of(out.begin(), out.end(), [&](const ExpiryCandidate& c) {
            return c.mrzDate == candidate.mrzDate;
        });
        if (!known) {
            out.push_back(std::move(candidate));
        }
    };
    for (const Reading& r : readings) {
        std::optional<year_month_day> date = expiryDate(birth, issue, r.law, r.counting, r.leapDay);
        if (date) {
            add({toMrzDate(*date), date, r.basis});
        } else {
            // cccd.md §2.5 edge case 3: one sample prints 991231; ICAO allows the filler.
            add({"991231", std::nullopt, "no_expiry_991231"});
            add({"<<<<<<", std::nullopt, "no_expiry_filler"});
        }
    }
    return out;
}

} // namespace cccd::qr
