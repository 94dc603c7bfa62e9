#pragma once

// A clock the test moves by hand, for timeouts and lockouts without sleeping.

#include <chrono>

#include "kiosk/core/Clock.h"

namespace cccd::kiosktest {

class ManualClock : public kiosk::Clock {
public:
    explicit ManualClock(std::chrono::system_clock::time_point start) : m_now(start) {}

    [[nodiscard]] std::chrono::system_clock::time_point now() const override { return m_now; }

    void advance(std::chrono::seconds by) { m_now += by; }

private:
    std::chrono::system_clock::time_point m_now;
};

} // namespace cccd::kiosktest
