#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "kiosk/core/AdminPin.h"
#include "kiosk/core/Clock.h"

namespace cccd::kiosk {

/// What one try at the admin PIN came to.
enum class PinAttemptResult {
    Accepted,  ///< the PIN matched; the count of wrong tries starts again
    Rejected,  ///< a wrong PIN, not yet enough of them in a row to lock
    LockedOut, ///< locked now (this try was the last allowed, or one made while locked)
};

/// Slows down guessing the admin PIN on the touch screen: after five wrong PINs in a row the
/// PIN is refused without being checked for a while, 60 s the first time and twice as long on
/// each further lockout, at most an hour. A right PIN forgets the wrong ones and the lockouts.
/// Kept by the kiosk for as long as it runs (closing the admin screen does not reset it); a
/// restart does. Nothing here is logged: wrong PINs are not about a citizen.
class AdminPinGuard {
public:
    static constexpr int AttemptsBeforeLockout = 5;
    static constexpr std::chrono::seconds FirstLockout{60};
    static constexpr std::chrono::seconds LongestLockout{3600};

    explicit AdminPinGuard(const Clock& clock) : m_clock(clock) {}

    /// Checks `pin` against `expected` unless locked out, and counts the result.
    [[nodiscard]] PinAttemptResult attempt(const AdminPin& expected, std::string_view pin);

    /// The same with the check given as a function, called only when not locked out.
    [[nodiscard]] PinAttemptResult attempt(const std::function<bool()>& pinMatches);

    /// How long the PIN stays refused; zero when it is not.
    [[nodiscard]] std::chrono::seconds lockoutRemaining() const;

    [[nodiscard]] bool lockedOut() const { return lockoutRemaining().count() > 0; }

    /// Wrong PINs that may still be tried before the next lockout.
    [[nodiscard]] int attemptsLeft() const { return AttemptsBeforeLockout - m_wrongInARow; }

private:
    const Clock& m_clock;
    int m_wrongInARow = 0;
    int m_lockouts = 0;
    std::chrono::system_clock::time_point m_lockedAt;
    std::chrono::seconds m_lockedFor{0};
};

} // namespace cccd::kiosk
