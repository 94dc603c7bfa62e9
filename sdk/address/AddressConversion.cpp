#include "address/AddressConversion.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "address/AddressMatcher.h"
#include "address/AddressText.h"

namespace cccd::address {

namespace {

// A commune named directly in a province, without its district, is a weaker reading than the
// district of the same words: "Yên Mô, Ninh Bình" is Huyện Yên Mô.
constexpr int WithoutDistrictPenalty = 30;

struct Reading {
    std::optional<UnitMatch> province;
    std::optional<UnitMatch> district;
    std::optional<UnitMatch> commune;
    int score = 0;

    [[nodiscard]] std::size_t left() const {
        return commune ? commune->left : district ? district->left : province->left;
    }
};

std::string today() {
    auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    std::chrono::year_month_day date{days};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::string joinParts(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) {
        if (part.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += part;
    }
    return out;
}

class Converter {
public:
    Converter(const AdministrativeUnits& units, std::string_view address,
              const ConversionOptions& options)
        : m_units(units), m_text(splitAddress(address)),
          m_asOf(options.asOf.empty() ? today() : options.asOf) {}

    AddressConversion run();

private:
    std::vector<Reading> oldReadings() const;
    std::optional<Reading> newReading() const;
    std::vector<Reading> best(std::vector<Reading> readings) const;
    OldUnits oldUnits(const Reading& reading) const;
    void addCandidates(AddressConversion& out, const std::vector<std::size_t>& mappings);
    void addNewCommune(AddressConversion& out, const NewCommune& commune, std::string nsoNote,
                       bool wholePopulation);
    void convertOld(AddressConversion& out, const Reading& reading);
    void convertAmbiguous(AddressConversion& out, const std::vector<Reading>& readings);
    void convertCurrent(AddressConversion& out, const Reading& reading);
    std::string currentName(UnitLevel level, const std::string& code, std::string name);
    MatchedUnit matched(const UnitMatch& match, std::string code, std::string fullName) const;

    const AdministrativeUnits& m_units;
    AddressText m_text;
    std::string m_asOf;
    std::vector<LaterChange> m_applied;
};

std::vector<Reading> Converter::oldReadings() const {
    const auto& provinces = m_units.oldProvinces();
    const auto& districts = m_units.oldDistricts();
    const auto& communes = m_units.oldCommunes();
    auto provinceType = [&](std::size_t i) { return provinces[i].type; };
    auto districtType = [&](std::size_t i) { return districts[i].type; };
    auto communeType = [&](std::size_t i) { return communes[i].type; };
    std::vector<Reading> readings;
    UnitFinder findProvince = [&](const std::string& key, bool loose) {
        return m_units.findOldProvinces(key, loose);
    };
    for (const UnitMatch& p : unitsEndingAt(m_text, addressEnd(m_text), UnitLevel::Province,
                                            findProvince, provinceType)) {
        const std::string& provinceCode = provinces[p.unit].code;
        readings.push_back({p, std::nullopt, std::nullopt, p.score});
        UnitFinder inProvince = [&](const std::string& key, bool loose) {
            return m_units.findOldCommunes(provinceCode, key, loose);
        };
        for (const UnitMatch& c :
             unitsEndingAt(m_text, p.left, UnitLevel::Commune, inProvince, communeType)) {
            readings.push_back({p, std::nullopt, c, p.score + c.score - WithoutDistrictPenalty});
        }
        UnitFinder findDistrict = [&](const std::string& key, bool loose) {
            return m_units.findOldDistricts(provinceCode, key, loose);
        };
        for (const UnitMatch& d :
             unitsEndingAt(m_text, p.left, UnitLevel::District, findDistrict, districtType)) {
            readings.push_back({p, d, std::nullopt, p.score + d.score});
            const std::string& districtCode = districts[d.unit].code;
            UnitFinder inDistrict = [&](const std::string& key, bool loose) {
                return m_units.findOldCommunes(districtCode, key, loose);
            };
            for (const UnitMatch& c :
                 unitsEndingAt(m_text, d.left, UnitLevel::Commune, inDistrict, communeType)) {
                readings.push_back({p, d, c, p.score + d.score + c.score});
            }
        }
    }
    return readings;
}

// A card issued from 1 July 2025 already prints the new units: province and commune, no
// district.
std::optional<Reading> Converter::newReading() const {
    const auto& provinces = m_units.newProvinces();
    const auto& communes = m_units.newCommunes();
    auto provinceType = [&](std::size_t i) { return provinces[i].type; };
    auto communeType = [&](std::size_t i) { return communes[i].type; };
    UnitFinder findProvince = [&](const std::string& key, bool loose) {
        return m_units.findNewProvinces(key, loose);
    };
    std::vector<Reading> readings;
    for (const UnitMatch& p : unitsEndingAt(m_text, addressEnd(m_text), UnitLevel::Province,
                                            findProvince, provinceType)) {
        const std::string& code = provinces[p.unit].code;
        UnitFinder inProvince = [&](const std::string& key, bool loose) {
            return m_units.findNewCommunes(code, key, loose);
        };
        for (const UnitMatch& c :
             unitsEndingAt(m_text, p.left, UnitLevel::Commune, inProvince, communeType)) {
            readings.push_back({p, std::nullopt, c, p.score + c.score});
        }
    }
    auto top = best(std::move(readings));
    if (top.size() != 1) {
        return std::nullopt;
    }
    return top.front();
}

// The readings with the highest score, one per distinct set of units.
std::vector<Reading> Converter::best(std::vector<Reading> readings) const {
    int top = 0;
    for (const Reading& r : readings) {
        top = std::max(top, r.score);
    }
    std::vector<Reading> out;
    std::set<std::tuple<long, long, long>> seen;
    auto unit = [](const std::optional<UnitMatch>& m) {
        return m ? static_cast<long>(m->unit) : -1L;
    };
    for (const Reading& r : readings) {
        if (r.score == top &&
            seen.insert({unit(r.province), unit(r.district), unit(r.commune)}).second) {
            out.push_back(r);
        }
    }
    return out;
}

MatchedUnit Converter::matched(const UnitMatch& match, std::string code,
                               std::string fullName) const {
    return {std::move(code), std::move(fullName), writtenText(m_text, match.left, match.end)};
}

OldUnits Converter::oldUnits(const Reading& reading) const {
    OldUnits out;
    const OldProvince& p = m_units.oldProvinces()[reading.province->unit];
    out.province = matched(*reading.province, p.code, p.fullName);
    if (reading.district) {
        const OldDistrict& d = m_units.oldDistricts()[reading.district->unit];
        out.district = matched(*reading.district, d.code, d.fullName);
    }
    if (reading.commune) {
        const OldCommune& c = m_units.oldCommunes()[reading.commune->unit];
        out.commune = matched(*reading.commune, c.code, c.fullName);
        if (!out.district) {
            const OldDistrict* d = m_units.oldDistrict(c.districtCode);
            out.district = MatchedUnit{d->code, d->fullName, {}};
        }
    }
    return out;
}

// Changes after 1 July 2025 keep codes and change names and types (Đồng Nai, 30 April 2026).
std::string Converter::currentName(UnitLevel level, const std::string& code, std::string name) {
    for (const LaterChange& change : m_units.laterChanges()) {
        if (change.level != level || change.code != code || change.effectiveDate > m_asOf) {
            continue;
        }
        name = change.fullNameAfter;
        bool known = std::any_of(m_applied.begin(), m_applied.end(), [&](const LaterChange& c) {
            return c.level == change.level && c.code == change.code &&
                   c.effectiveDate == change.effectiveDate;
        });
        if (!known) {
            m_applied.push_back(change);
        }
    }
    return name;
}

void Converter::addNewCommune(AddressConversion& out, const NewCommune& commune,
                              std::string nsoNote, bool wholePopulation) {
    for (const NewCommuneCandidate& c : out.candidates) {
        if (c.code == commune.code) {
            return;
        }
    }
    const NewProvince* province = m_units.newProvince(commune.provinceCode);
    NewCommuneCandidate candidate;
    candidate.code = commune.code;
    candidate.fullName = currentName(UnitLevel::Commune, commune.code, commune.fullName);
    candidate.fullNameOnReform = commune.fullName;
    candidate.provinceCode = province->code;
    candidate.provinceFullName =
        currentName(UnitLevel::Province, province->code, province->fullName);
    candidate.nsoNote = std::move(nsoNote);
    candidate.wholePopulation = wholePopulation;
    candidate.address = joinParts({out.street, candidate.fullName, candidate.provinceFullName});
    out.candidates.push_back(std::move(candidate));
}

void Converter::addCandidates(AddressConversion& out, const std::vector<std::size_t>& mappings) {
    for (std::size_t index : mappings) {
        const UnitMapping& row = m_units.mappings()[index];
        addNewCommune(out, *m_units.newCommune(row.newCommuneCode), row.nsoNote,
                      row.wholePopulation());
    }
}

void Converter::convertOld(AddressConversion& out, const Reading& reading) {
    out.old = oldUnits(reading);
    out.street = textBefore(m_text, reading.left());
    const OldProvince& oldProvince = m_units.oldProvinces()[reading.province->unit];
    const NewProvince* province = m_units.newProvince(oldProvince.newProvinceCode);
    std::string provinceName = currentName(UnitLevel::Province, province->code, province->fullName);
    out.newProvince = MatchedUnit{province->code, provinceName, {}};

    const OldDistrict* district =
        out.old.district ? m_units.oldDistrict(out.old.district->code) : nullptr;
    if (reading.commune) {
        addCandidates(out, m_units.oldCommunes()[reading.commune->unit].mappings);
    } else if (district && !district->mappings.empty()) {
        addCandidates(out, district->mappings); // an island district that became a special zone
    }
    if (!out.candidates.empty()) {
        out.status = out.candidates.size() == 1 ? ConversionStatus::Converted
                                                : ConversionStatus::SplitCommune;
        if (out.candidates.size() == 1) {
            out.newAddress = out.candidates.front().address;
        }
        return;
    }
    // Only the district (or only the province) was named: every new commune its communes went
    // to is a candidate, and the province is certain (no old district spans two new provinces).
    out.status = ConversionStatus::CommuneNotGiven;
    out.newAddress = joinParts({out.street, provinceName});
    if (district) {
        for (std::size_t commune : district->communes) {
            for (std::size_t index : m_units.oldCommunes()[commune].mappings) {
                const UnitMapping& row = m_units.mappings()[index];
                addNewCommune(out, *m_units.newCommune(row.newCommuneCode), {}, false);
            }
        }
        std::sort(out.candidates.begin(), out.candidates.end(),
                  [](const auto& a, const auto& b) { return a.code < b.code; });
    }
}

void Converter::convertAmbiguous(AddressConversion& out, const std::vector<Reading>& readings) {
    out.status = ConversionStatus::Ambiguous;
    for (const Reading& reading : readings) {
        out.alternatives.push_back(oldUnits(reading));
    }
    auto same = [&](auto member) {
        const auto& first = out.alternatives.front().*member;
        bool agree =
            std::all_of(out.alternatives.begin(), out.alternatives.end(), [&](const OldUnits& u) {
                return (u.*member).has_value() == first.has_value() &&
                       (!first || (u.*member)->code == first->code);
            });
        return agree ? first : std::nullopt;
    };
    out.old.province = same(&OldUnits::province);
    out.old.district = same(&OldUnits::district);
    out.old.commune = same(&OldUnits::commune);
    std::size_t left = readings.front().left();
    for (const Reading& r : readings) {
        left = std::min(left, r.left());
    }
    out.street = textBefore(m_text, left);
    std::set<std::string> newProvinces;
    for (const Reading& reading : readings) {
        const OldProvince& p = m_units.oldProvinces()[reading.province->unit];
        newProvinces.insert(p.newProvinceCode);
        if (reading.commune) {
            addCandidates(out, m_units.oldCommunes()[reading.commune->unit].mappings);
        }
    }
    if (newProvinces.size() == 1) {
        const NewProvince* province = m_units.newProvince(*newProvinces.begin());
        out.newProvince =
            MatchedUnit{province->code,
                        currentName(UnitLevel::Province, province->code, province->fullName),
                        {}};
    }
}

void Converter::convertCurrent(AddressConversion& out, const Reading& reading) {
    out.status = ConversionStatus::AlreadyCurrent;
    out.street = textBefore(m_text, reading.left());
    const NewProvince& province = m_units.newProvinces()[reading.province->unit];
    const NewCommune& commune = m_units.newCommunes()[reading.commune->unit];
    out.newProvince = matched(*reading.province, province.code,
                              currentName(UnitLevel::Province, province.code, province.fullName));
    addNewCommune(out, commune, {}, false);
    out.newAddress = out.candidates.front().address;
}

AddressConversion Converter::run() {
    AddressConversion out;
    out.original = m_text.text;
    std::vector<Reading> readings = best(oldReadings());
    bool namesDistrict = std::any_of(readings.begin(), readings.end(),
                                     [](const Reading& r) { return r.district.has_value(); });
    if (!namesDistrict) {
        if (auto current = newReading()) {
            convertCurrent(out, *current);
            out.laterChanges = m_applied;
            return out;
        }
    }
    if (readings.empty()) {
        out.status = ConversionStatus::NotFound;
        out.street = textBefore(m_text, addressEnd(m_text));
        return out;
    }
    if (readings.size() > 1) {
        convertAmbiguous(out, readings);
    } else {
        convertOld(out, readings.front());
    }
    out.laterChanges = m_applied;
    return out;
}

} // namespace

std::string_view conversionStatusName(ConversionStatus status) {
    switch (status) {
    case ConversionStatus::Converted:
        return "converted";
    case ConversionStatus::SplitCommune:
        return "split_commune";
    case ConversionStatus::CommuneNotGiven:
        return "commune_not_given";
    case ConversionStatus::AlreadyCurrent:
        return "already_current";
    case ConversionStatus::Ambiguous:
        return "ambiguous";
    case ConversionStatus::NotFound:
        return "not_found";
    }
    return "unknown";
}

AddressConversion convertAddress(const AdministrativeUnits& units, std::string_view address,
                                 const ConversionOptions& options) {
    return Converter(units, address, options).run();
}

} // namespace cccd::address
