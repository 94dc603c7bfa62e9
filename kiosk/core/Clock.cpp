#include "kiosk/core/Clock.h"

#include <cstdio>

namespace cccd::kiosk {

std::string isoUtc(std::chrono::system_clock::time_point time) {
    auto seconds = std::chrono::floor<std::chrono::seconds>(time);
    auto days = std::chrono::floor<std::chrono::days>(seconds);
    std::chrono::year_month_day date{days};
    std::chrono::hh_mm_ss clock{seconds - days};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()));
    return text;
}

std::string isoLocalDate(std::chrono::system_clock::time_point time,
                         std::chrono::minutes utcOffset) {
    std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(time + utcOffset)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()));
    return text;
}

} // namespace cccd::kiosk
