#include "address/UnitType.h"

#include <array>
#include <string>
#include <utility>

#include "base/Error.h"

namespace cccd::address {

namespace {

constexpr std::array<std::pair<UnitType, std::string_view>, 12> TypeNames{{
    {UnitType::Province, "Tỉnh"},
    {UnitType::CentralCity, "Thành phố trực thuộc trung ương"},
    {UnitType::UrbanDistrict, "Quận"},
    {UnitType::RuralDistrict, "Huyện"},
    {UnitType::DistrictTown, "Thị xã"},
    {UnitType::ProvincialCity, "Thành phố thuộc tỉnh"},
    {UnitType::MunicipalCity, "Thành phố thuộc thành phố trực thuộc trung ương"},
    {UnitType::Ward, "Phường"},
    {UnitType::Commune, "Xã"},
    {UnitType::Township, "Thị trấn"},
    {UnitType::SpecialZone, "Đặc khu"},
    {UnitType::UncodedArea, ""},
}};

} // namespace

UnitType unitTypeFromName(std::string_view name) {
    for (const auto& [type, text] : TypeNames) {
        if (!text.empty() && text == name) {
            return type;
        }
    }
    throw Error(ErrorCode::MalformedData, "unknown administrative unit type " + std::string(name));
}

std::string_view unitTypeName(UnitType type) {
    for (const auto& [candidate, text] : TypeNames) {
        if (candidate == type) {
            return text;
        }
    }
    return {};
}

std::string_view unitTypePrefix(UnitType type) {
    switch (type) {
    case UnitType::CentralCity:
    case UnitType::ProvincialCity:
    case UnitType::MunicipalCity:
        return "Thành phố";
    case UnitType::Province:
    case UnitType::UrbanDistrict:
    case UnitType::RuralDistrict:
    case UnitType::DistrictTown:
    case UnitType::Ward:
    case UnitType::Commune:
    case UnitType::Township:
    case UnitType::SpecialZone:
    case UnitType::UncodedArea:
        return unitTypeName(type);
    }
    return {};
}

UnitLevel unitLevel(UnitType type) {
    switch (type) {
    case UnitType::Province:
    case UnitType::CentralCity:
        return UnitLevel::Province;
    case UnitType::UrbanDistrict:
    case UnitType::RuralDistrict:
    case UnitType::DistrictTown:
    case UnitType::ProvincialCity:
    case UnitType::MunicipalCity:
        return UnitLevel::District;
    case UnitType::Ward:
    case UnitType::Commune:
    case UnitType::Township:
    case UnitType::SpecialZone:
    case UnitType::UncodedArea:
        return UnitLevel::Commune;
    }
    return UnitLevel::Commune;
}

} // namespace cccd::address
