// Reads, successes and failures by reason per local day, and their CSV.
#include "kiosk/core/Statistics.h"

#include <gtest/gtest.h>

using namespace cccd::kiosk;

namespace {

AuditRecord record(const std::string& time, const std::string& outcome) {
    AuditRecord r;
    r.time = time;
    r.outcome = outcome;
    return r;
}

} // namespace

TEST(StatisticsTest, CountsPerLocalDay) {
    std::vector<AuditRecord> records{
        record("2026-12-03T16:59:00Z", "verified"),      // 23:59 on the 3rd in Hanoi
        record("2026-12-03T17:00:00Z", "verified"),      // 00:00 on the 4th
        record("2026-12-04T02:00:00Z", "access_denied"), // the 4th
        record("2026-12-04T03:00:00Z", "card_removed"),
        record("2026-12-04T04:00:00Z", "access_denied"),
    };
    std::vector<DayStatistics> days = dailyStatistics(records);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].date, "2026-12-03");
    EXPECT_EQ(days[0].reads, 1u);
    EXPECT_EQ(days[0].successes, 1u);
    EXPECT_EQ(days[1].date, "2026-12-04");
    EXPECT_EQ(days[1].reads, 4u);
    EXPECT_EQ(days[1].successes, 1u);
    EXPECT_EQ(days[1].failures.at("access_denied"), 2u);
    EXPECT_EQ(days[1].failures.at("card_removed"), 1u);

    std::vector<DayStatistics> utc = dailyStatistics(records, std::chrono::minutes(0));
    EXPECT_EQ(utc[0].reads, 2u);
}

TEST(StatisticsTest, CsvHasAColumnPerReason) {
    std::vector<DayStatistics> days = dailyStatistics({
        record("2026-12-04T02:00:00Z", "verified"),
        record("2026-12-04T03:00:00Z", "access_denied"),
        record("2026-12-05T03:00:00Z", "possible_clone"),
        record("garbage", "verified"),
    });
    EXPECT_EQ(statisticsCsv(days), "date,reads,successes,failures,access_denied,possible_clone\r\n"
                                   "2026-12-04,2,1,1,1,0\r\n"
                                   "2026-12-05,1,0,1,0,1\r\n"
                                   "unknown,1,1,0,0,0\r\n");
}
