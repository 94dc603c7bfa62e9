#pragma once

#include <chrono>
#include <string>

#include "base/Bytes.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {

/// A point in time, UTC, to the second: certificate validity, signing time, "now".
using Time = std::chrono::sys_seconds;

/// Decodes a UTCTime (tag 17, YYMMDDHHMMSSZ, years 50-99 are 19xx, RFC 5280 §4.1.2.5.1) or a
/// GeneralizedTime (tag 18, YYYYMMDDHHMMSS[.fff]Z). Throws Error(MalformedData).
[[nodiscard]] Time decodeAsn1Time(const tlv::Tlv& object);

/// The current time, truncated to seconds.
[[nodiscard]] Time currentTime();

/// ISO 8601 "2021-05-28T00:00:00Z", as used in JSON output.
[[nodiscard]] std::string formatTime(Time time);

} // namespace cccd::crypto
