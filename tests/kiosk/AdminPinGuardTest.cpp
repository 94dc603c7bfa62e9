// The admin PIN's lockout, on a clock the test moves: five wrong PINs in a row lock, a try while
// locked is refused without looking at the PIN, each further lockout lasts twice as long up to an
// hour, and a right PIN starts everything again.
#include "kiosk/core/AdminPinGuard.h"

#include <gtest/gtest.h>

#include "ManualClock.h"

using namespace cccd;
using namespace cccd::kiosk;
using namespace std::chrono_literals;

namespace {

class AdminPinGuardTest : public ::testing::Test {
protected:
    /// One try; `right` is what the PIN check would say. Counts the checks made.
    PinAttemptResult attempt(bool right) {
        return m_guard.attempt([this, right] {
            ++m_checks;
            return right;
        });
    }

    /// Wrong PINs until the guard locks; the lockout's length.
    std::chrono::seconds lockOut() {
        for (int i = 1; i < AdminPinGuard::AttemptsBeforeLockout; ++i) {
            EXPECT_EQ(attempt(false), PinAttemptResult::Rejected);
        }
        EXPECT_EQ(attempt(false), PinAttemptResult::LockedOut);
        return m_guard.lockoutRemaining();
    }

    kiosktest::ManualClock m_clock{std::chrono::sys_days(std::chrono::year(2026) / 12 / 4)};
    AdminPinGuard m_guard{m_clock};
    int m_checks = 0;
};

TEST_F(AdminPinGuardTest, FourWrongThenRightUnlocksAndForgetsThem) {
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(attempt(false), PinAttemptResult::Rejected);
    }
    EXPECT_EQ(m_guard.attemptsLeft(), 1);
    EXPECT_EQ(attempt(true), PinAttemptResult::Accepted);
    EXPECT_EQ(m_guard.attemptsLeft(), 5);
    EXPECT_FALSE(m_guard.lockedOut());
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(attempt(false), PinAttemptResult::Rejected) << "the count started again";
    }
}

TEST_F(AdminPinGuardTest, FifthWrongInARowLocksForAMinute) {
    EXPECT_EQ(lockOut(), 60s);
    EXPECT_TRUE(m_guard.lockedOut());
    m_clock.advance(59s);
    EXPECT_EQ(m_guard.lockoutRemaining(), 1s);
    EXPECT_TRUE(m_guard.lockedOut());
    m_clock.advance(1s);
    EXPECT_FALSE(m_guard.lockedOut());
    EXPECT_EQ(m_guard.lockoutRemaining(), 0s);
    EXPECT_EQ(m_guard.attemptsLeft(), 5);
}

TEST_F(AdminPinGuardTest, TriesWhileLockedAreRefusedWithoutCheckingThePin) {
    (void)lockOut();
    int checks = m_checks;
    EXPECT_EQ(attempt(true), PinAttemptResult::LockedOut);
    EXPECT_EQ(attempt(false), PinAttemptResult::LockedOut);
    EXPECT_EQ(m_checks, checks);
    EXPECT_EQ(m_guard.lockoutRemaining(), 60s) << "refused tries do not lengthen the lockout";
    m_clock.advance(60s);
    EXPECT_EQ(attempt(true), PinAttemptResult::Accepted);
    EXPECT_EQ(m_checks, checks + 1);
}

TEST_F(AdminPinGuardTest, EachFurtherLockoutDoublesUpToAnHour) {
    const std::chrono::seconds expected[] = {60s, 120s, 240s, 480s, 960s, 1920s, 3600s, 3600s};
    for (std::chrono::seconds length : expected) {
        EXPECT_EQ(lockOut(), length);
        m_clock.advance(length - 1s);
        EXPECT_TRUE(m_guard.lockedOut());
        m_clock.advance(1s);
        EXPECT_FALSE(m_guard.lockedOut());
    }
}

TEST_F(AdminPinGuardTest, RightPinAfterALockoutStartsAgainAtAMinute) {
    (void)lockOut();
    m_clock.advance(60s);
    (void)lockOut();
    m_clock.advance(120s);
    EXPECT_EQ(attempt(true), PinAttemptResult::Accepted);
    EXPECT_EQ(lockOut(), 60s);
}

TEST_F(AdminPinGuardTest, ClockSetBackDoesNotLengthenTheLockout) {
    (void)lockOut();
    m_clock.advance(-3600s);
    EXPECT_EQ(m_guard.lockoutRemaining(), 60s);
}

TEST_F(AdminPinGuardTest, ChecksTheStoredPinHash) {
    AdminPin pin = AdminPin::create("2468");
    EXPECT_EQ(m_guard.attempt(pin, "1357"), PinAttemptResult::Rejected);
    EXPECT_EQ(m_guard.attempt(pin, ""), PinAttemptResult::Rejected);
    EXPECT_EQ(m_guard.attempt(pin, "2468"), PinAttemptResult::Accepted);
    EXPECT_EQ(m_guard.attempt(AdminPin{}, "2468"), PinAttemptResult::Rejected) << "no PIN set";
}

} // namespace
