#include "kiosk/core/AdminPinGuard.h"

#include <algorithm>

namespace cccd::kiosk {

PinAttemptResult AdminPinGuard::attempt(const AdminPin& expected, std::string_view pin) {
    return attempt([&expected, pin] { return expected.matches(pin); });
}

PinAttemptResult AdminPinGuard::attempt(const std::function<bool()>& pinMatches) {
    // Refused before the PIN is looked at: a try while locked tells nothing about it.
    if (lockedOut()) {
        return PinAttemptResult::LockedOut;
    }
    if (pinMatches()) {
        m_wrongInARow = 0;
        m_lockouts = 0;
        m_lockedFor = std::chrono::seconds(0);
        return PinAttemptResult::Accepted;
    }
    if (++m_wrongInARow < AttemptsBeforeLockout) {
        return PinAttemptResult::Rejected;
    }

    // 60 s, 120 s, 240 s, ... doubled per lockout in a row, capped; counted so as not to
    // overflow however many lockouts there were.
    m_lockedFor = FirstLockout;
    for (int i = 0; i < m_lockouts && m_lockedFor < LongestLockout; ++i) {
        m_lockedFor *= 2;
    }
    m_lockedFor = std::min(m_lockedFor, LongestLockout);
    ++m_lockouts;
    m_wrongInARow = 0;
    m_lockedAt = m_clock.now();
    return PinAttemptResult::LockedOut;
}

std::chrono::seconds AdminPinGuard::lockoutRemaining() const {
    if (m_lockedFor.count() == 0) {
        return std::chrono::seconds(0);
    }
    // Rounded up, so that "1 s left" is shown until it is over. A clock set back cannot make
    // the wait longer than the lockout itself.
    auto elapsed = m_clock.now() - m_lockedAt;
    auto left = std::chrono::ceil<std::chrono::seconds>(m_lockedFor - elapsed);
    return std::clamp(left, std::chrono::seconds(0), m_lockedFor);
}

} // namespace cccd::kiosk
