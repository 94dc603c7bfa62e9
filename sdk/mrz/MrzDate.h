#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cccd::mrz {

/// A YYMMDD date of the MRZ (ICAO 9303-3 §4.3), kept as printed and rendered as ISO 8601.
struct MrzDate {
    std::string raw;                ///< six characters as printed: digits, or '<' when unknown
    std::optional<std::string> iso; ///< YYYY-MM-DD when raw is a calendar date, else nullopt
    /// Expiry only: the card has no expiry date. Vietnamese cards print `991231` (one sample) or,
    /// as ICAO 9303-3 allows, `<<<<<<` (cccd.md §2.5 item 3). With `991231` iso still holds
    /// 2099-12-31.
    bool noExpiry = false;
};

/// Date of birth: the two-digit year takes the century that puts the date on or before today,
/// so a birthday later this year is a past century's (field case BL-02).
[[nodiscard]] MrzDate birthDate(std::string_view yymmdd, std::chrono::year_month_day today);

/// Date of expiry: always 20YY, since chip documents did not exist before 2004 (BL-02).
[[nodiscard]] MrzDate expiryDate(std::string_view yymmdd);

/// True when yymmdd is six digits naming a real day in 19YY or 20YY.
[[nodiscard]] bool isCalendarDate(std::string_view yymmdd);

/// Today in UTC, the default reference for birthDate().
[[nodiscard]] std::chrono::year_month_day today();

} // namespace cccd::mrz
