#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/AuditLog.h"

namespace cccd::kiosk {

/// One day at one counter: how many sessions read a card, how many ended verified, and the
/// failures by reason (the service indicators a one-stop shop reports).
struct DayStatistics {
    std::string date; ///< local date, YYYY-MM-DD
    std::size_t reads = 0;
    std::size_t successes = 0;
    std::map<std::string, std::size_t> failures; ///< outcome -> count
};

/// Sessions per local day from the audit records, oldest day first. `utcOffset` turns the
/// records' UTC times into the counter's days (Vietnam: UTC+7).
[[nodiscard]] std::vector<DayStatistics>
dailyStatistics(const std::vector<AuditRecord>& records,
                std::chrono::minutes utcOffset = std::chrono::hours(7));

/// CSV (RFC 4180): date, reads, successes, failures, then one column per failure reason seen.
[[nodiscard]] std::string statisticsCsv(const std::vector<DayStatistics>& days);

} // namespace cccd::kiosk
