#include "mrz/MrzDate.h"

#include <gtest/gtest.h>

using namespace cccd;
using namespace std::chrono;

namespace {

constexpr year_month_day Today2024{year{2024}, month{3}, day{1}};

} // namespace

// Field case BL-02: the century that puts the birth date on or before today.
TEST(MrzDateTest, BirthDateNeverLiesInTheFuture) {
    EXPECT_EQ(mrz::birthDate("490522", Today2024).iso, "1949-05-22");
    EXPECT_EQ(mrz::birthDate("240522", Today2024).iso, "1924-05-22");
    EXPECT_EQ(mrz::birthDate("240301", Today2024).iso, "2024-03-01");
    EXPECT_EQ(mrz::birthDate("240229", Today2024).iso, "2024-02-29");
    EXPECT_EQ(mrz::birthDate("050201", Today2024).iso, "2005-02-01");
    EXPECT_EQ(mrz::birthDate("900514", Today2024).iso, "1990-05-14");
    EXPECT_EQ(mrz::birthDate("900514", Today2024).raw, "900514");
}

TEST(MrzDateTest, BirthDateOnTwentyNinthFebruaryOfANonLeapCenturyYear) {
    // 2000-02-29 exists; with today in 2000-01 the date moves to 1900, where it does not.
    EXPECT_EQ(mrz::birthDate("000229", Today2024).iso, "2000-02-29");
    EXPECT_FALSE(mrz::birthDate("000229", year_month_day{year{2000}, month{1}, day{1}}).iso);
}

TEST(MrzDateTest, BirthDateWithUnknownPartsKeepsRawOnly) {
    auto date = mrz::birthDate("65<<<<", Today2024);
    EXPECT_EQ(date.raw, "65<<<<");
    EXPECT_FALSE(date.iso);
    EXPECT_FALSE(mrz::birthDate("901301", Today2024).iso);
    EXPECT_FALSE(mrz::birthDate("900431", Today2024).iso);
}

TEST(MrzDateTest, ExpiryDateIsAlwaysTwentyFirstCentury) {
    EXPECT_EQ(mrz::expiryDate("300514").iso, "2030-05-14");
    EXPECT_EQ(mrz::expiryDate("950712").iso, "2095-07-12");
    EXPECT_FALSE(mrz::expiryDate("300514").noExpiry);
}

// cccd.md §2.5 item 3: the two encodings of "no expiry".
TEST(MrzDateTest, ExpiryDateRecognisesNoExpiryEncodings) {
    auto printed = mrz::expiryDate("991231");
    EXPECT_TRUE(printed.noExpiry);
    EXPECT_EQ(printed.iso, "2099-12-31");
    auto fillers = mrz::expiryDate("<<<<<<");
    EXPECT_TRUE(fillers.noExpiry);
    EXPECT_FALSE(fillers.iso);
}

TEST(MrzDateTest, CalendarDateValidation) {
    EXPECT_TRUE(mrz::isCalendarDate("900514"));
    EXPECT_TRUE(mrz::isCalendarDate("000229"));
    EXPECT_FALSE(mrz::isCalendarDate("010229"));
    EXPECT_FALSE(mrz::isCalendarDate("90051"));
    EXPECT_FALSE(mrz::isCalendarDate("9005A4"));
    EXPECT_FALSE(mrz::isCalendarDate("900500"));
}
