#pragma once

#include <string_view>

namespace cccd::address {

/// The three tiers of Vietnam's administrative units before 1 July 2025 (province, district,
/// commune); from that date the district tier is gone.
enum class UnitLevel { Province, District, Commune };

/// Unit types as the official lists name them (the `unit_type` column of data/admin-units).
enum class UnitType {
    Province,       ///< Tỉnh
    CentralCity,    ///< Thành phố trực thuộc trung ương
    UrbanDistrict,  ///< Quận
    RuralDistrict,  ///< Huyện
    DistrictTown,   ///< Thị xã
    ProvincialCity, ///< Thành phố thuộc tỉnh
    MunicipalCity,  ///< Thành phố thuộc thành phố trực thuộc trung ương
    Ward,           ///< Phường
    Commune,        ///< Xã
    Township,       ///< Thị trấn
    SpecialZone,    ///< Đặc khu (from 1 July 2025)
    UncodedArea,    ///< an area with no code of its own (one row of the conversion table)
};

/// The type named by a `unit_type` cell ("Phường", "Thành phố thuộc tỉnh", ...). Throws
/// Error(MalformedData) for anything else.
[[nodiscard]] UnitType unitTypeFromName(std::string_view name);

/// The `unit_type` text of a type, in Vietnamese.
[[nodiscard]] std::string_view unitTypeName(UnitType type);

/// The word that starts a unit's full name: "Thành phố" for all three kinds of city.
[[nodiscard]] std::string_view unitTypePrefix(UnitType type);

[[nodiscard]] UnitLevel unitLevel(UnitType type);

} // namespace cccd::address
