#pragma once

#include <chrono>
#include <string>

namespace cccd::kiosk {

/// Where the kiosk takes the time from: the idle timeout, the card's validity and the audit
/// log's timestamps. Tests set a manual one instead of sleeping.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
};

class SystemClock : public Clock {
public:
    [[nodiscard]] std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::now();
    }
};

/// UTC as ISO 8601 with seconds: "2026-12-04T08:15:00Z".
[[nodiscard]] std::string isoUtc(std::chrono::system_clock::time_point time);

/// The local calendar date at `utcOffset` (Vietnam: UTC+7) as ISO 8601: "2026-12-04".
[[nodiscard]] std::string isoLocalDate(std::chrono::system_clock::time_point time,
                                       std::chrono::minutes utcOffset);

} // namespace cccd::kiosk
