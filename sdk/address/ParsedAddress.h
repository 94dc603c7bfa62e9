#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "address/UnitType.h"

namespace cccd::address {

/// One administrative part of an address as written: "P.5" gives type Ward and name "5".
struct WrittenUnit {
    std::string text;             ///< the part as written, type word included
    std::string name;             ///< without the type word
    std::optional<UnitType> type; ///< the type word's type, when one was written
    bool typeAmbiguous = false;   ///< "Thành phố"/"TP": a province-level or district-level city
};

/// A free-text address cut into its parts, from the words alone (no table of units): the
/// street or house part, then commune, district and province. convertAddress() does the same
/// with the tables and is the one to trust; this is for display and for addresses of units the
/// tables do not hold.
struct ParsedAddress {
    std::string street; ///< house number, street, village: everything before the commune
    std::optional<WrittenUnit> commune;
    std::optional<WrittenUnit> district;
    std::optional<WrittenUnit> province;
};

/// Splits at commas, or where there are none at the written unit types ("Phường", "P.", "Xã",
/// "X.", "Thị trấn", "TT.", "Quận", "Q.", "Huyện", "H.", "Thị xã", "TX.", "Thành phố", "TP.",
/// "Tỉnh", "T.", "P5", "Q1"). Parts without a type are read from the right: province, district,
/// commune; "Việt Nam" at the end is dropped. Throws Error(MalformedData) on invalid UTF-8.
[[nodiscard]] ParsedAddress parseAddress(std::string_view address);

} // namespace cccd::address
