#include "mrz/MrzDate.h"

#include <cstdio>

namespace cccd::mrz {

namespace {

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int twoDigits(std::string_view text, std::size_t pos) {
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

std::chrono::year_month_day makeDate(int year, std::string_view yymmdd) {
    return std::chrono::year_month_day{
        std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(twoDigits(yymmdd, 2))},
        std::chrono::day{static_cast<unsigned>(twoDigits(yymmdd, 4))}};
}

std::string toIso(const std::chrono::year_month_day& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

} // namespace

bool isCalendarDate(std::string_view yymmdd) {
    if (yymmdd.size() != 6 || !allDigits(yymmdd)) {
        return false;
    }
    // 29 February of YY=00 exists in 2000 but not in 1900; either century makes it a date.
    int yy = twoDigits(yymmdd, 0);
    return makeDate(2000 + yy, yymmdd).ok() || makeDate(1900 + yy, yymmdd).ok();
}

MrzDate birthDate(std::string_view yymmdd, std::chrono::year_month_day today) {
    MrzDate out{std::string(yymmdd), std::nullopt, false};
    if (!isCalendarDate(yymmdd)) {
        return out;
    }
    int yy = twoDigits(yymmdd, 0);
    int century = static_cast<int>(today.year()) / 100 * 100;
    auto candidate = makeDate(century + yy, yymmdd);
    if (!candidate.ok() || candidate > today) {
        candidate = makeDate(century - 100 + yy, yymmdd);
    }
    if (candidate.ok()) {
        out.iso = toIso(candidate);
    }
    return out;
}

MrzDate expiryDate(std::string_view yymmdd) {
    MrzDate out{std::string(yymmdd), std::nullopt, false};
    out.noExpiry = yymmdd == "991231" || yymmdd == "<<<<<<";
    if (!isCalendarDate(yymmdd)) {
        return out;
    }
    auto date = makeDate(2000 + twoDigits(yymmdd, 0), yymmdd);
    if (date.ok()) {
        out.iso = toIso(date);
    }
    return out;
}

std::chrono::year_month_day today() {
    return std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

} // namespace cccd::mrz
