#pragma once

#include <algorithm>
#include <set>
#include <string>

#include "address/AddressConversion.h"
#include "address/AdministrativeUnits.h"

namespace cccd::address::test {

/// Changes after 1 July 2025 are applied as of this date unless a test says otherwise.
inline ConversionOptions beforeLaterChanges() {
    return ConversionOptions{"2025-07-01"};
}

/// "Name, District, Province" of an old commune, with the tables' full names.
inline std::string fullAddress(const AdministrativeUnits& u, const OldCommune& c,
                               const std::string& name) {
    return name + ", " + u.oldDistrict(c.districtCode)->fullName + ", " +
           u.oldProvince(c.provinceCode)->fullName;
}

/// The new commune codes the conversion table gives for an old commune.
inline std::set<std::string> tableTargets(const AdministrativeUnits& u, const OldCommune& c) {
    std::set<std::string> codes;
    for (std::size_t index : c.mappings) {
        codes.insert(u.mappings()[index].newCommuneCode);
    }
    return codes;
}

inline std::set<std::string> candidateCodes(const AddressConversion& conversion) {
    std::set<std::string> codes;
    for (const auto& candidate : conversion.candidates) {
        codes.insert(candidate.code);
    }
    return codes;
}

} // namespace cccd::address::test
