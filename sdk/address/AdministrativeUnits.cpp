#include "address/AdministrativeUnits.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "address/AddressText.h"
#include "address/Csv.h"
#include "base/Error.h"

namespace cccd::address {

namespace {

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

// Names by key within a scope (a parent unit's code, or "" for provinces), strict and loose.
struct NameIndex {
    Index strict;
    Index loose;

    void add(std::string_view scope, std::string_view name, std::size_t unit) {
        std::string prefix = std::string(scope) + '|';
        addTo(strict, prefix + nameKey(name), unit);
        addTo(loose, prefix + looseNameKey(name), unit);
    }

    [[nodiscard]] std::vector<std::size_t> find(std::string_view scope, const std::string& key,
                                                bool isLoose) const {
        const Index& index = isLoose ? loose : strict;
        auto it = index.find(std::string(scope) + '|' + key);
        return it == index.end() ? std::vector<std::size_t>{} : it->second;
    }

private:
    static void addTo(Index& index, std::string key, std::size_t unit) {
        auto& units = index[std::move(key)];
        if (std::find(units.begin(), units.end(), unit) == units.end()) {
            units.push_back(unit);
        }
    }
};

// The name without its type word: "Phường 4" -> "4", "Thành phố Huế" -> "Huế". Only the one
// leading type word goes: "Phường Phường Đúc" keeps "Phường Đúc".
std::string withoutTypePrefix(const std::string& fullName) {
    for (std::string_view prefix : {"Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ", "Phường ",
                                    "Xã ", "Thị trấn ", "Đặc khu "}) {
        if (fullName.compare(0, prefix.size(), prefix) == 0) {
            return fullName.substr(prefix.size());
        }
    }
    return fullName;
}

// Common other names of provinces on cards and forms: Huế was "Thừa Thiên Huế" until 2025,
// Hồ Chí Minh City is mostly abbreviated.
std::vector<std::string_view> provinceAliases(std::string_view code) {
    if (code == "46") {
        return {"Thừa Thiên Huế", "Thừa Thiên"};
    }
    if (code == "79") {
        return {"HCM", "TPHCM", "TP HCM", "Sài Gòn"};
    }
    return {};
}

std::size_t toCount(const std::string& text, const std::string& file) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorCode::MalformedData, file + ": not a count: " + text);
    }
    return static_cast<std::size_t>(std::stoul(text));
}

} // namespace

struct AdministrativeUnits::Data {
    std::vector<OldProvince> oldProvinces;
    std::vector<OldDistrict> oldDistricts;
    std::vector<OldCommune> oldCommunes;
    std::vector<NewProvince> newProvinces;
    std::vector<NewCommune> newCommunes;
    std::vector<UnitMapping> mappings;
    std::vector<LaterChange> laterChanges;

    std::unordered_map<std::string, std::size_t> oldProvinceByCode;
    std::unordered_map<std::string, std::size_t> oldDistrictByCode;
    std::unordered_map<std::string, std::size_t> oldCommuneByCode;
    std::unordered_map<std::string, std::size_t> newProvinceByCode;
    std::unordered_map<std::string, std::size_t> newCommuneByCode;

    NameIndex oldProvinceNames;
    NameIndex oldDistrictNames;
    NameIndex oldCommuneNames; ///< scoped by district code and by province code
    NameIndex newProvinceNames;
    NameIndex newCommuneNames;
};

namespace {

using Data = AdministrativeUnits::Data;

void loadOld(Data& data, const std::filesystem::path& dir) {
    CsvTable provinces = CsvTable::read(dir / "old_provinces.csv");
    auto [pCode, pFull, pName, pType] =
        std::tuple{provinces.column("province_code"), provinces.column("full_name"),
                   provinces.column("name"), provinces.column("unit_type")};
    for (const auto& row : provinces.rows()) {
        data.oldProvinceByCode[row[pCode]] = data.oldProvinces.size();
        data.oldProvinces.push_back(
            {row[pCode], row[pFull], row[pName], unitTypeFromName(row[pType]), {}, {}});
    }

    CsvTable districts = CsvTable::read(dir / "old_districts.csv");
    auto [dCode, dFull, dName, dType, dProvince] = std::tuple{
        districts.column("district_code"), districts.column("full_name"), districts.column("name"),
        districts.column("unit_type"), districts.column("province_code")};
    for (const auto& row : districts.rows()) {
        auto province = data.oldProvinceByCode.find(row[dProvince]);
        if (province == data.oldProvinceByCode.end()) {
            throw Error(ErrorCode::MalformedData, "old_districts.csv: unknown province code");
        }
        std::size_t index = data.oldDistricts.size();
        data.oldDistrictByCode[row[dCode]] = index;
        data.oldProvinces[province->second].districts.push_back(index);
        data.oldDistricts.push_back({row[dCode],
                                     row[dFull],
                                     row[dName],
                                     unitTypeFromName(row[dType]),
                                     row[dProvince],
                                     {},
                                     {}});
    }

    CsvTable communes = CsvTable::read(dir / "old_communes.csv");
    auto [cCode, cFull, cName, cType, cDistrict, cProvince] =
        std::tuple{communes.column("commune_code"),  communes.column("full_name"),
                   communes.column("name"),          communes.column("unit_type"),
                   communes.column("district_code"), communes.column("province_code")};
    for (const auto& row : communes.rows()) {
        auto district = data.oldDistrictByCode.find(row[cDistrict]);
        if (district == data.oldDistrictByCode.end() ||
            data.oldDistricts[district->second].provinceCode != row[cProvince]) {
            throw Error(ErrorCode::MalformedData, "old_communes.csv: unknown district code");
        }
        std::size_t index = data.oldCommunes.size();
        data.oldCommuneByCode[row[cCode]] = index;
        data.oldDistricts[district->second].communes.push_back(index);
        data.oldCommunes.push_back({row[cCode],
                                    row[cFull],
                                    row[cName],
                                    unitTypeFromName(row[cType]),
                                    row[cDistrict],
                                    row[cProvince],
                                    {},
                                    {}});
    }
}

void loadNew(Data& data, const std::filesystem::path& dir) {
    CsvTable provinces = CsvTable::read(dir / "new_provinces.csv");
    auto [pCode, pFull, pType] =
        std::tuple{provinces.column("province_code"), provinces.column("full_name"),
                   provinces.column("unit_type")};
    for (const auto& row : provinces.rows()) {
        data.newProvinceByCode[row[pCode]] = data.newProvinces.size();
        data.newProvinces.push_back(
            {row[pCode], row[pFull], withoutTypePrefix(row[pFull]), unitTypeFromName(row[pType])});
    }

    CsvTable communes = CsvTable::read(dir / "new_communes.csv");
    auto [cCode, cFull, cType, cProvince] =
        std::tuple{communes.column("commune_code"), communes.column("full_name"),
                   communes.column("unit_type"), communes.column("province_code")};
    for (const auto& row : communes.rows()) {
        if (data.newProvinceByCode.count(row[cProvince]) == 0) {
            throw Error(ErrorCode::MalformedData, "new_communes.csv: unknown province code");
        }
        data.newCommuneByCode[row[cCode]] = data.newCommunes.size();
        data.newCommunes.push_back({row[cCode], row[cFull], withoutTypePrefix(row[cFull]),
                                    unitTypeFromName(row[cType]), row[cProvince]});
    }

    CsvTable links = CsvTable::read(dir / "old_to_new_provinces.csv");
    auto [oldCode, newCode] =
        std::pair{links.column("old_province_code"), links.column("new_province_code")};
    for (const auto& row : links.rows()) {
        auto province = data.oldProvinceByCode.find(row[oldCode]);
        if (province == data.oldProvinceByCode.end() ||
            data.newProvinceByCode.count(row[newCode]) == 0) {
            throw Error(ErrorCode::MalformedData, "old_to_new_provinces.csv: unknown code");
        }
        data.oldProvinces[province->second].newProvinceCode = row[newCode];
    }
}

// The uncoded area of the conversion table becomes an old commune of its own, so that an address
// naming it can be matched like any other.
std::size_t uncodedArea(Data& data, const std::string& name, std::size_t district) {
    for (std::size_t index : data.oldDistricts[district].communes) {
        if (data.oldCommunes[index].code.empty() && data.oldCommunes[index].fullName == name) {
            return index;
        }
    }
    const OldDistrict& parent = data.oldDistricts[district];
    std::size_t index = data.oldCommunes.size();
    data.oldCommunes.push_back(
        {"", name, name, UnitType::UncodedArea, parent.code, parent.provinceCode, {}, {}});
    data.oldDistricts[district].communes.push_back(index);
    return index;
}

void addSpelling(OldCommune& commune, const std::string& fullName) {
    if (!fullName.empty() && fullName != commune.fullName &&
        std::find(commune.otherSpellings.begin(), commune.otherSpellings.end(), fullName) ==
            commune.otherSpellings.end()) {
        commune.otherSpellings.push_back(fullName);
    }
}

void loadMappings(Data& data, const std::filesystem::path& dir) {
    const std::string file = "old_to_new_communes.csv";
    CsvTable table = CsvTable::read(dir / file);
    std::size_t province = table.column("old_province_code");
    std::size_t district = table.column("old_district_code");
    std::size_t code = table.column("old_commune_code");
    std::size_t name = table.column("old_commune_name");
    std::size_t gsoName = table.column("old_commune_name_gso");
    std::size_t newProvince = table.column("new_province_code");
    std::size_t newCommune = table.column("new_commune_code");
    std::size_t note = table.column("nso_note");
    std::size_t targets = table.column("targets");
    std::size_t level = table.column("old_level");
    std::size_t fix = table.column("fix_note");
    for (const auto& row : table.rows()) {
        auto parent = data.oldDistrictByCode.find(row[district]);
        if (parent == data.oldDistrictByCode.end() ||
            data.oldDistricts[parent->second].provinceCode != row[province] ||
            data.newCommuneByCode.count(row[newCommune]) == 0 ||
            data.newCommunes[data.newCommuneByCode[row[newCommune]]].provinceCode !=
                row[newProvince]) {
            throw Error(ErrorCode::MalformedData, file + ": a row names an unknown unit");
        }
        std::size_t index = data.mappings.size();
        data.mappings.push_back({row[province], row[district], row[code], row[name],
                                 row[newProvince], row[newCommune], row[note],
                                 static_cast<int>(toCount(row[targets], file)), row[fix]});
        if (row[level] == "district") {
            data.oldDistricts[parent->second].mappings.push_back(index);
            continue;
        }
        std::size_t commune = 0;
        if (row[level] == "uncoded_area") {
            commune = uncodedArea(data, row[name], parent->second);
        } else if (row[level] == "commune" && data.oldCommuneByCode.count(row[code]) != 0) {
            commune = data.oldCommuneByCode[row[code]];
        } else {
            throw Error(ErrorCode::MalformedData, file + ": a row names an unknown old commune");
        }
        if (data.oldCommunes[commune].districtCode != row[district]) {
            throw Error(ErrorCode::MalformedData, file + ": a commune is in another district");
        }
        data.oldCommunes[commune].mappings.push_back(index);
        addSpelling(data.oldCommunes[commune], row[name]);
        addSpelling(data.oldCommunes[commune], row[gsoName]);
    }
}

void loadLaterChanges(Data& data, const std::filesystem::path& dir) {
    CsvTable table = CsvTable::read(dir / "changes_since_2025-07-01.csv");
    std::size_t date = table.column("effective_date");
    std::size_t level = table.column("level");
    std::size_t code = table.column("code");
    std::size_t province = table.column("province_code");
    std::size_t before = table.column("full_name_2025_07_01");
    std::size_t after = table.column("full_name_after");
    std::size_t typeAfter = table.column("unit_type_after");
    std::size_t basis = table.column("legal_basis");
    for (const auto& row : table.rows()) {
        bool isProvince = row[level] == "province";
        if (!isProvince && row[level] != "commune") {
            throw Error(ErrorCode::MalformedData, "changes file: unknown level " + row[level]);
        }
        bool known = isProvince ? data.newProvinceByCode.count(row[code]) != 0
                                : data.newCommuneByCode.count(row[code]) != 0;
        if (!known || row[date].size() != 10) {
            throw Error(ErrorCode::MalformedData, "changes file: unknown code or bad date");
        }
        data.laterChanges.push_back(
            {row[date], isProvince ? UnitLevel::Province : UnitLevel::Commune, row[code],
             row[province], row[before], row[after], unitTypeFromName(row[typeAfter]), row[basis]});
    }
    std::stable_sort(data.laterChanges.begin(), data.laterChanges.end(),
                     [](const LaterChange& a, const LaterChange& b) {
                         return a.effectiveDate < b.effectiveDate;
                     });
}

void buildIndexes(Data& data) {
    for (std::size_t i = 0; i < data.oldProvinces.size(); ++i) {
        const OldProvince& p = data.oldProvinces[i];
        data.oldProvinceNames.add("", p.name, i);
        for (std::string_view alias : provinceAliases(p.code)) {
            data.oldProvinceNames.add("", alias, i);
        }
    }
    for (std::size_t i = 0; i < data.oldDistricts.size(); ++i) {
        data.oldDistrictNames.add(data.oldDistricts[i].provinceCode, data.oldDistricts[i].name, i);
    }
    for (std::size_t i = 0; i < data.oldCommunes.size(); ++i) {
        const OldCommune& c = data.oldCommunes[i];
        std::vector<std::string> names{c.name};
        for (const std::string& spelling : c.otherSpellings) {
            names.push_back(withoutTypePrefix(spelling));
        }
        for (const std::string& n : names) {
            data.oldCommuneNames.add(c.districtCode, n, i);
            data.oldCommuneNames.add(c.provinceCode, n, i);
        }
    }
    for (std::size_t i = 0; i < data.newProvinces.size(); ++i) {
        data.newProvinceNames.add("", data.newProvinces[i].name, i);
        for (std::string_view alias : provinceAliases(data.newProvinces[i].code)) {
            data.newProvinceNames.add("", alias, i);
        }
    }
    for (std::size_t i = 0; i < data.newCommunes.size(); ++i) {
        data.newCommuneNames.add(data.newCommunes[i].provinceCode, data.newCommunes[i].name, i);
    }
}

template <typename T>
const T* byCode(const std::unordered_map<std::string, std::size_t>& index,
                const std::vector<T>& units, std::string_view code) {
    auto it = index.find(std::string(code));
    return it == index.end() ? nullptr : &units[it->second];
}

} // namespace

bool UnitMapping::wholePopulation() const {
    return nsoNote.find("toàn bộ dân số") != std::string::npos;
}

AdministrativeUnits AdministrativeUnits::load(const std::filesystem::path& directory) {
    auto data = std::make_shared<Data>();
    loadOld(*data, directory);
    loadNew(*data, directory);
    loadMappings(*data, directory);
    loadLaterChanges(*data, directory);
    buildIndexes(*data);
    return AdministrativeUnits(std::move(data));
}

AdministrativeUnits AdministrativeUnits::loadDefault() {
    return load(defaultAdminUnitsDirectory());
}

const std::vector<OldProvince>& AdministrativeUnits::oldProvinces() const {
    return m_data->oldProvinces;
}

const std::vector<OldDistrict>& AdministrativeUnits::oldDistricts() const {
    return m_data->oldDistricts;
}

const std::vector<OldCommune>& AdministrativeUnits::oldCommunes() const {
    return m_data->oldCommunes;
}

const std::vector<NewProvince>& AdministrativeUnits::newProvinces() const {
    return m_data->newProvinces;
}

const std::vector<NewCommune>& AdministrativeUnits::newCommunes() const {
    return m_data->newCommunes;
}

const std::vector<UnitMapping>& AdministrativeUnits::mappings() const {
    return m_data->mappings;
}

const std::vector<LaterChange>& AdministrativeUnits::laterChanges() const {
    return m_data->laterChanges;
}

const OldProvince* AdministrativeUnits::oldProvince(std::string_view code) const {
    return byCode(m_data->oldProvinceByCode, m_data->oldProvinces, code);
}

const OldDistrict* AdministrativeUnits::oldDistrict(std::string_view code) const {
    return byCode(m_data->oldDistrictByCode, m_data->oldDistricts, code);
}

const OldCommune* AdministrativeUnits::oldCommune(std::string_view code) const {
    return code.empty() ? nullptr : byCode(m_data->oldCommuneByCode, m_data->oldCommunes, code);
}

const NewProvince* AdministrativeUnits::newProvince(std::string_view code) const {
    return byCode(m_data->newProvinceByCode, m_data->newProvinces, code);
}

const NewCommune* AdministrativeUnits::newCommune(std::string_view code) const {
    return byCode(m_data->newCommuneByCode, m_data->newCommunes, code);
}

std::vector<std::size_t> AdministrativeUnits::findOldProvinces(const std::string& key,
                                                               bool loose) const {
    return m_data->oldProvinceNames.find("", key, loose);
}

std::vector<std::size_t> AdministrativeUnits::findOldDistricts(std::string_view provinceCode,
                                                               const std::string& key,
                                                               bool loose) const {
    return m_data->oldDistrictNames.find(provinceCode, key, loose);
}

std::vector<std::size_t> AdministrativeUnits::findOldCommunes(std::string_view districtOrProvince,
                                                              const std::string& key,
                                                              bool loose) const {
    return m_data->oldCommuneNames.find(districtOrProvince, key, loose);
}

std::vector<std::size_t> AdministrativeUnits::findNewProvinces(const std::string& key,
                                                               bool loose) const {
    return m_data->newProvinceNames.find("", key, loose);
}

std::vector<std::size_t> AdministrativeUnits::findNewCommunes(std::string_view provinceCode,
                                                              const std::string& key,
                                                              bool loose) const {
    return m_data->newCommuneNames.find(provinceCode, key, loose);
}

std::filesystem::path defaultAdminUnitsDirectory() {
    std::filesystem::path installed = CCCD_ADMIN_UNITS_INSTALL_DIR;
    std::error_code error;
    if (std::filesystem::exists(installed / "old_to_new_communes.csv", error)) {
        return installed;
    }
    return CCCD_ADMIN_UNITS_SOURCE_DIR;
}

} // namespace cccd::address
