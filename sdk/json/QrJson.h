#pragma once

#include <nlohmann/json.hpp>

#include "qr/QrAccessKey.h"
#include "qr/QrPayload.h"
#include "verify/QrCrossCheck.h"

namespace cccd::json {

/// The parsed QR payload (docs/json-output.md "qr"): layout, fields, dates as ISO 8601, extra
/// fields raw. Personal data: for output, never for logs.
[[nodiscard]] nlohmann::json toJson(const qr::QrPayload& payload);

/// The access keys derived from the QR: the CAN and the BAC candidates in the order to try.
/// Key material: for output the caller asked for, never for logs.
[[nodiscard]] nlohmann::json toJson(const qr::QrAccessKeys& keys);

/// The QR-versus-chip check: a verdict and every comparison, field and file, no values.
[[nodiscard]] nlohmann::json toJson(const verify::QrCrossCheckReport& report);

} // namespace cccd::json
