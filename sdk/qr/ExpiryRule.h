#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cccd::qr {

/// The law a card was issued under (cccd.md §2.5): the Law on Citizen Identity 2014 up to
/// 2024-06-30, the Law on Identification 26/2023 from 2024-07-01 (Art. 46: older cards keep
/// their printed expiry).
enum class IdentityLaw {
    CitizenIdentity2014, ///< renewal at 25, 40 and 60
    Identification2023,  ///< renewal at 14, 25, 40 and 60
};

[[nodiscard]] IdentityLaw lawAt(std::chrono::year_month_day issueDate);

/// How "reaching an age" is counted near a milestone, which nobody has confirmed for the
/// production system (cccd.md §2.5 edge case 1).
enum class AgeCounting {
    ExactDate,    ///< from the birth date, as the law's "đủ ... tuổi" reads
    CalendarYear, ///< issue year minus birth year, as the press explains the law
};

/// The anniversary of a 29 February birth in a common year (cccd.md §2.5 edge case 2).
enum class LeapDayAnniversary {
    February28, ///< the last day of the month, as Vietnamese civil-law terms end
    March1,
};

/// One reading of the rule: the card's expiry, or nullopt for a card without expiry (issued
/// within two years of the last milestone, 60, or later).
[[nodiscard]] std::optional<std::chrono::year_month_day>
expiryDate(std::chrono::year_month_day birth, std::chrono::year_month_day issue, IdentityLaw law,
           AgeCounting counting, LeapDayAnniversary leapDay);

/// A date as the MRZ prints it: YYMMDD (ICAO 9303-3 §4.3).
[[nodiscard]] std::string toMrzDate(std::chrono::year_month_day date);

/// An expiry the MRZ may print, for the BAC key.
struct ExpiryCandidate {
    std::string mrzDate; ///< YYMMDD, or `<<<<<<` for no expiry (ICAO 9303-3 allows it)
    /// The date it stands for; nullopt for the no-expiry encodings.
    std::optional<std::chrono::year_month_day> date;
    /// Which reading gave it: "rule", "calendar_year_age", "leap_day_march_1", "other_law",
    /// "no_expiry_991231" or "no_expiry_filler".
    std::string basis;
};

/// Every distinct expiry the rule can give for this birth and issue date, most likely first
/// (cccd.md §2.6): the law in force at issue counted by exact date, then the 29 February
/// variant, then calendar-year age, then the other law; a no-expiry result is printed `991231`
/// (the one sample) and then `<<<<<<`.
[[nodiscard]] std::vector<ExpiryCandidate> expiryCandidates(std::chrono::year_month_day birth,
                                                            std::chrono::year_month_day issue);

} // namespace cccd::qr
