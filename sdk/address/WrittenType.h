#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "address/AddressText.h"
#include "address/UnitType.h"

namespace cccd::address {

/// A unit type as written before a name: "Phường", "P.", "P5", "Thị trấn", "TT", "Quận", "Q.",
/// "Huyện", "H.", "Thị xã", "TX", "Thành phố", "TP", "Tỉnh", "T.", "Xã", "X.", "Đặc khu"; in text
/// written without diacritics also "Phuong", "Xa", "Thi tran", ...
struct WrittenType {
    std::size_t begin = 0; ///< index of its first word
    std::vector<UnitType> types;

    [[nodiscard]] bool names(UnitLevel level) const;
    [[nodiscard]] bool names(UnitType type) const;
};

/// The type written just before word `nameBegin`, in the same comma-separated part.
[[nodiscard]] std::optional<WrittenType> writtenTypeBefore(const AddressText& text,
                                                           std::size_t nameBegin);

/// The type written at words [begin, ...), with its length in words (for parseAddress).
[[nodiscard]] std::optional<WrittenType> writtenTypeAt(const AddressText& text, std::size_t begin,
                                                       std::size_t* length);

} // namespace cccd::address
