#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/profilegen/CardFeatures.h"

namespace cccd::emulator {

/// An invented card holder and the quirks of their card: the input of the profile generator.
/// Format in drivers/emulator/README.md. Holds (invented) personal data: never log it.
struct Persona {
    std::string profile;     ///< profile name, e.g. "vn-basic": the file name of the output
    std::string description; ///< what the persona is for, no personal data

    std::string personalIdNumber; ///< 12 digits (cccd.md §2.2)
    std::string fullName;         ///< with diacritics, DG13 field 2
    std::string mrzSurname;       ///< Latin letters without diacritics, MRZ line 3
    std::string mrzGivenNames;
    std::chrono::year_month_day dateOfBirth;
    char sex = 'M'; ///< 'M' or 'F'
    std::string nationality;
    std::string ethnicity;
    std::string religion;
    std::string placeOfOrigin;
    std::string placeOfResidence;
    std::string identifyingMarks;
    std::chrono::year_month_day dateOfIssue;
    /// nullopt: a card without expiry (issued at 58 or older, cccd.md §2.5).
    std::optional<std::chrono::year_month_day> dateOfExpiry;
    std::string father;
    std::string mother;
    std::string spouse; ///< empty: the absent form of field 14
    /// nullopt: field 15 left out; empty string: present without value.
    std::optional<std::string> oldIdNumber;
    std::string field16;

    // The card's quirks.
    std::string atrKind = "contact"; ///< "contact", "contactless" or hex bytes
    bool extendedLength = true;
    bool cardAccess = true; ///< EF.CardAccess with the real card's SecurityInfos
    std::optional<std::string> selectMfStatus = std::string("6D00");
    CardFeatures features; ///< BAC, PACE, TA, CA and AA as the card offers them
    /// Faults the card is born with (CardProfile::faults): a faulty persona without code.
    std::vector<std::string> faults;
};

/// Throws Error(MalformedData) naming the missing or bad key.
[[nodiscard]] Persona parsePersona(std::string_view json);

[[nodiscard]] Persona loadPersona(const std::filesystem::path& path);

/// "2021-03-10" (ISO 8601) to a date; throws Error(MalformedData).
[[nodiscard]] std::chrono::year_month_day parseIsoDate(std::string_view text);

} // namespace cccd::emulator
