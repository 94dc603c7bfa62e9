#pragma once

#include <nlohmann/json.hpp>

#include "verify/ActiveAuthenticationResult.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::json {

/// The Chip Authentication object of docs/json-verification.md.
[[nodiscard]] nlohmann::json toJson(const verify::ChipAuthenticationResult& result);

/// The Active Authentication object of docs/json-verification.md.
[[nodiscard]] nlohmann::json toJson(const verify::ActiveAuthenticationResult& result);

} // namespace cccd::json
