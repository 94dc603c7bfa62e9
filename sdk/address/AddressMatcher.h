#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "address/AddressText.h"
#include "address/UnitType.h"

namespace cccd::address {

/// One unit found in an address: words [left, end) name it, type word included.
struct UnitMatch {
    std::size_t unit = 0; ///< index into the list the finder searched
    std::size_t left = 0;
    std::size_t end = 0;
    int score = 0;
};

/// Finds the units of one level (in one parent) whose names have a key: strict or loose.
using UnitFinder = std::function<std::vector<std::size_t>(const std::string& key, bool loose)>;

/// Every unit of a level named by words that end at word `end` (exclusive), scored: a match
/// preceded by a type word of its level, starting a comma-separated part, on the strict key
/// scores higher. A match preceded by a type word of another level is dropped, as is an untyped
/// numeric name ("5" needs "Phường" or "P.") and an untyped one right after a street word
/// ("Đường Lê Lợi" is not Phường Lê Lợi).
[[nodiscard]] std::vector<UnitMatch>
unitsEndingAt(const AddressText& text, std::size_t end, UnitLevel level, const UnitFinder& find,
              const std::function<UnitType(std::size_t)>& typeOf);

/// Where the address proper ends: before a trailing "Việt Nam" / "VN".
[[nodiscard]] std::size_t addressEnd(const AddressText& text);

/// The text of words [left, end) as written.
[[nodiscard]] std::string writtenText(const AddressText& text, std::size_t left, std::size_t end);

/// The text before word `end`, trimmed of spaces and separators: the street part.
[[nodiscard]] std::string textBefore(const AddressText& text, std::size_t end);

} // namespace cccd::address
