#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "address/AdministrativeUnits.h"

namespace cccd::address {

/// How far an address could be converted.
enum class ConversionStatus {
    Converted,       ///< one old commune (or island district) matched, one new commune
    SplitCommune,    ///< the old commune was split: the clerk picks one of the candidates
    CommuneNotGiven, ///< only a district or province was named: the new province is known
    AlreadyCurrent,  ///< the address already names a unit in force from 1 July 2025
    Ambiguous,       ///< several old units match equally well (see alternatives)
    NotFound,        ///< no province recognised
};

/// Stable lower-case identifier ("converted", "split_commune", ...).
[[nodiscard]] std::string_view conversionStatusName(ConversionStatus status);

/// A unit of the tables that the address was matched to.
struct MatchedUnit {
    std::string code;     ///< empty for the one uncoded area
    std::string fullName; ///< as the tables name it ("Phường Hàng Trống")
    std::string written;  ///< the part of the address that named it, as written
};

/// The old units one reading of the address names.
struct OldUnits {
    std::optional<MatchedUnit> province;
    std::optional<MatchedUnit> district;
    std::optional<MatchedUnit> commune;
};

/// One new commune the address may now belong to, with what the clerk needs to choose.
struct NewCommuneCandidate {
    std::string code;
    std::string fullName;         ///< current, with later changes applied ("Phường Trảng Bom")
    std::string fullNameOnReform; ///< on 1 July 2025 ("Xã Trảng Bom")
    std::string provinceCode;
    std::string provinceFullName; ///< current
    std::string nsoNote;          ///< the conversion table's relation ("Nhập một phần", ...)
    bool wholePopulation = false; ///< the row moved the whole population: a good default
    std::string address;          ///< street + this commune + province
};

/// The result of convertAddress().
struct AddressConversion {
    ConversionStatus status = ConversionStatus::NotFound;
    std::string original; ///< the address in NFC, as on the card
    std::string street;   ///< the part before the commune (or before the first unit matched)
    OldUnits old;
    std::vector<OldUnits> alternatives;     ///< when Ambiguous: every equally good reading
    std::optional<MatchedUnit> newProvince; ///< current name
    std::vector<NewCommuneCandidate> candidates;
    std::vector<LaterChange> laterChanges; ///< changes after 1 July 2025 applied to the result
    /// The current address when it is certain (Converted, AlreadyCurrent); for CommuneNotGiven
    /// the street and new province; empty otherwise (pick a candidate's `address`).
    std::string newAddress;
};

struct ConversionOptions {
    /// Apply later changes effective on or before this ISO 8601 date; empty: today (UTC).
    std::string asOf;
};

/// Reads an address written with the units before 1 July 2025 (as cards issued before then
/// print place of origin and place of residence), matches its province, district and commune
/// by normalised name inside their parents, and maps it to the units in force with the
/// official conversion table. Throws Error(MalformedData) on invalid UTF-8 only.
[[nodiscard]] AddressConversion convertAddress(const AdministrativeUnits& units,
                                               std::string_view address,
                                               const ConversionOptions& options = {});

} // namespace cccd::address
