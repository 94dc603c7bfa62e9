#pragma once

#include <nlohmann/json.hpp>

#include "reader/ChipAuthenticationMapping.h"
#include "verify/ActiveAuthenticationResult.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::json {

/// The Chip Authentication object of docs/json-verification.md.
[[nodiscard]] nlohmann::json toJson(const verify::ChipAuthenticationResult& result);

/// The Active Authentication object of docs/json-verification.md.
[[nodiscard]] nlohmann::json toJson(const verify::ActiveAuthenticationResult& result);

/// The PACE-CAM chip-key check (verification.chip_authentication_mapping of
/// docs/json-output.md).
[[nodiscard]] nlohmann::json toJson(const reader::ChipAuthenticationMappingResult& result);

} // namespace cccd::json
