#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "address/UnitType.h"

namespace cccd::address {

/// A province before 1 July 2025 (old_provinces.csv).
struct OldProvince {
    std::string code;     ///< "01"
    std::string fullName; ///< "Thành phố Hà Nội"
    std::string name;     ///< "Hà Nội"
    UnitType type = UnitType::Province;
    std::string newProvinceCode;        ///< from old_to_new_provinces.csv
    std::vector<std::size_t> districts; ///< indexes into oldDistricts()
};

/// A district before 1 July 2025 (old_districts.csv).
struct OldDistrict {
    std::string code; ///< "001"
    std::string fullName;
    std::string name;
    UnitType type = UnitType::RuralDistrict;
    std::string provinceCode;
    std::vector<std::size_t> communes; ///< indexes into oldCommunes()
    /// Conversion rows of a district that had no communes (the five island districts).
    std::vector<std::size_t> mappings;
};

/// A commune, ward or township before 1 July 2025 (old_communes.csv), plus the one uncoded area
/// of the conversion table (empty code, type UncodedArea).
struct OldCommune {
    std::string code; ///< "00004"
    std::string fullName;
    std::string name;
    UnitType type = UnitType::Commune;
    std::string districtCode;
    std::string provinceCode;
    /// Other spellings of the full name in the sources (the NSO table's and the GSO list's).
    std::vector<std::string> otherSpellings;
    std::vector<std::size_t> mappings; ///< indexes into mappings(), one per new unit
};

/// A province from 1 July 2025 (new_provinces.csv).
struct NewProvince {
    std::string code;
    std::string fullName;
    std::string name;
    UnitType type = UnitType::Province;
};

/// A commune, ward or special zone from 1 July 2025 (new_communes.csv).
struct NewCommune {
    std::string code;
    std::string fullName;
    std::string name;
    UnitType type = UnitType::Commune;
    std::string provinceCode;
};

/// One row of the official conversion table (old_to_new_communes.csv): one old unit, one new one.
struct UnitMapping {
    std::string oldProvinceCode;
    std::string oldDistrictCode;
    std::string oldCommuneCode; ///< empty for district-level rows and the uncoded area
    std::string oldCommuneName; ///< as the NSO table spells it
    std::string newProvinceCode;
    std::string newCommuneCode;
    std::string nsoNote; ///< "Nhập toàn bộ", "Nhập một phần", ...
    int targets = 1;     ///< how many new units the old unit goes to
    std::string fixNote;

    /// "Nhập một phần diện tích, toàn bộ dân số": the whole population moved with this row.
    [[nodiscard]] bool wholePopulation() const;
};

/// A change after 1 July 2025 (changes_since_2025-07-01.csv); codes do not change.
struct LaterChange {
    std::string effectiveDate; ///< ISO 8601 date
    UnitLevel level = UnitLevel::Commune;
    std::string code;
    std::string provinceCode;
    std::string fullNameBefore; ///< on 1 July 2025
    std::string fullNameAfter;
    UnitType typeAfter = UnitType::Ward;
    std::string legalBasis;
};

/// Vietnam's administrative units before and after the reform of 1 July 2025 and the official
/// old-to-new conversion table, loaded once from a data directory (data/admin-units/README.md)
/// and shared cheaply by copy. Lookups by name take normalised keys (AddressText.h).
class AdministrativeUnits {
public:
    /// Loads every file of the directory. Throws Error(Io) when a file cannot be read and
    /// Error(MalformedData) when one does not parse or the files disagree (a mapping row names
    /// an old unit that the old lists do not hold, ...).
    [[nodiscard]] static AdministrativeUnits load(const std::filesystem::path& directory);

    /// load(defaultAdminUnitsDirectory()).
    [[nodiscard]] static AdministrativeUnits loadDefault();

    [[nodiscard]] const std::vector<OldProvince>& oldProvinces() const;
    [[nodiscard]] const std::vector<OldDistrict>& oldDistricts() const;
    [[nodiscard]] const std::vector<OldCommune>& oldCommunes() const;
    [[nodiscard]] const std::vector<NewProvince>& newProvinces() const;
    [[nodiscard]] const std::vector<NewCommune>& newCommunes() const;
    [[nodiscard]] const std::vector<UnitMapping>& mappings() const;
    [[nodiscard]] const std::vector<LaterChange>& laterChanges() const;

    /// By code; nullptr when there is none.
    [[nodiscard]] const OldProvince* oldProvince(std::string_view code) const;
    [[nodiscard]] const OldDistrict* oldDistrict(std::string_view code) const;
    [[nodiscard]] const OldCommune* oldCommune(std::string_view code) const;
    [[nodiscard]] const NewProvince* newProvince(std::string_view code) const;
    [[nodiscard]] const NewCommune* newCommune(std::string_view code) const;

    /// Units whose name (or an alias) has this key (nameKey(), or looseNameKey() when `loose`).
    /// Old communes are found in a district (by district code) or in a whole province (by
    /// province code); new communes in a new province. Indexes into the lists above.
    [[nodiscard]] std::vector<std::size_t> findOldProvinces(const std::string& key,
                                                            bool loose) const;
    [[nodiscard]] std::vector<std::size_t>
    findOldDistricts(std::string_view provinceCode, const std::string& key, bool loose) const;
    [[nodiscard]] std::vector<std::size_t>
    findOldCommunes(std::string_view districtOrProvince, const std::string& key, bool loose) const;
    [[nodiscard]] std::vector<std::size_t> findNewProvinces(const std::string& key,
                                                            bool loose) const;
    [[nodiscard]] std::vector<std::size_t>
    findNewCommunes(std::string_view provinceCode, const std::string& key, bool loose) const;

    struct Data;

private:
    explicit AdministrativeUnits(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}

    std::shared_ptr<const Data> m_data;
};

/// Where the bundled tables are: the installed copy (<datadir>/cccd/admin-units) if present,
/// else data/admin-units of the source tree.
[[nodiscard]] std::filesystem::path defaultAdminUnitsDirectory();

} // namespace cccd::address
