#pragma once

#include <optional>
#include <string_view>

namespace cccd::mrz {

/// ICAO 9303-3 §4.9 check digit: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '<' as 0.
/// nullopt when the field holds any other character.
[[nodiscard]] std::optional<char> checkDigit(std::string_view field);

} // namespace cccd::mrz
