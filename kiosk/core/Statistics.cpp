#include "kiosk/core/Statistics.h"

#include <cstdio>
#include <set>
#include <sstream>

namespace cccd::kiosk {

namespace {

constexpr const char* Verified = "verified";

// "2026-12-04T20:15:00Z" shifted by the offset, as a local date; "" when it does not parse.
std::string localDate(const std::string& utc, std::chrono::minutes offset) {
    int y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    unsigned h = 0;
    unsigned mi = 0;
    if (std::sscanf(utc.c_str(), "%4d-%2u-%2uT%2u:%2u", &y, &mo, &d, &h, &mi) != 5) {
        return "";
    }
    std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(mo),
                                     std::chrono::day(d)};
    if (!date.ok()) {
        return "";
    }
    auto time =
        std::chrono::sys_days(date) + std::chrono::hours(h) + std::chrono::minutes(mi) + offset;
    std::chrono::year_month_day local{std::chrono::floor<std::chrono::days>(time)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(local.year()), unsigned(local.month()),
                  unsigned(local.day()));
    return text;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

} // namespace

std::vector<DayStatistics> dailyStatistics(const std::vector<AuditRecord>& records,
                                           std::chrono::minutes utcOffset) {
    std::map<std::string, DayStatistics> days;
    for (const AuditRecord& r : records) {
        std::string date = localDate(r.time, utcOffset);
        if (date.empty()) {
            date = "unknown";
        }
        DayStatistics& day = days[date];
        day.date = date;
        ++day.reads;
        if (r.outcome == Verified) {
            ++day.successes;
        } else {
            ++day.failures[r.outcome];
        }
    }
    std::vector<DayStatistics> out;
    for (auto& [date, day] : days) {
        out.push_back(std::move(day));
    }
    return out;
}

std::string statisticsCsv(const std::vector<DayStatistics>& days) {
    std::set<std::string> reasons;
    for (const DayStatistics& d : days) {
        for (const auto& [reason, count] : d.failures) {
            reasons.insert(reason);
        }
    }
    std::ostringstream out;
    out << "date,reads,successes,failures";
    for (const std::string& reason : reasons) {
        out << "," << csvField(reason);
    }
    out << "\r\n";
    for (const DayStatistics& d : days) {
        std::size_t failures = d.reads - d.successes;
        out << d.date << "," << d.reads << "," << d.successes << "," << failures;
        for (const std::string& reason : reasons) {
            auto it = d.failures.find(reason);
            out << "," << (it == d.failures.end() ? 0 : it->second);
        }
        out << "\r\n";
    }
    return out.str();
}

} // namespace cccd::kiosk
